namespace Timeline.Cli;

/// <summary>The exit codes of docs/contract.md#exit-codes.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Unexpected = 1;
    public const int BadInput = 2;
    public const int Rejected = 3;
}

/// <summary>A problem with what the user typed or pointed at (a missing file, a bad store), reported as exit 2.</summary>
public sealed class UsageProblem(string message) : Exception(message);
