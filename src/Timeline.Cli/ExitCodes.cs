namespace Timeline.Cli;

/// <summary>The exit codes of docs/contract.md#exit-codes.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Unexpected = 1;
    public const int BadInput = 2;
    public const int Rejected = 3;

    /// <summary>The store cannot be reached or used now: nothing is wrong with what was asked.</summary>
    public const int StoreUnavailable = 4;

    /// <summary><c>verify</c> found the log altered: a hash does not match, or the log no longer extends a digest.</summary>
    public const int Altered = 5;
}
