namespace Timeline.Core.Commands.Files;

/// <summary>The forms a list of commands is written in (docs/contract.md#command-files).</summary>
public enum CommandFormat
{
    /// <summary>A JSON array of commands, or one command object.</summary>
    Json,

    /// <summary>One JSON command per line; blank lines are skipped.</summary>
    Ndjson,

    /// <summary>One YAML document: a sequence of commands.</summary>
    Yaml,
}
