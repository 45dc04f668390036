namespace Timeline.Cli.Output;

/// <summary>How results are written: <c>table</c> for people (the default) or <c>json</c> (the contract in docs/contract.md).</summary>
public enum OutputFormat
{
    Table,
    Json,
}
