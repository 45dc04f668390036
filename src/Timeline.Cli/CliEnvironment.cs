namespace Timeline.Cli;

/// <summary>
/// Everything the CLI takes from the process: streams, environment variables, working directory and the clock.
/// <see cref="FromProcess"/> is the real one; tests build their own with a fake clock and in-memory streams.
/// </summary>
public sealed record CliEnvironment(
    TextWriter Out,
    TextWriter Error,
    Func<Stream> OpenStandardInput,
    Func<string, string?> Variable,
    string WorkingDirectory,
    TimeProvider Clock,
    bool IsInteractive)
{
    /// <summary>The running process: real console, environment and system clock.</summary>
    public static CliEnvironment FromProcess() => new(
        Console.Out,
        Console.Error,
        Console.OpenStandardInput,
        Environment.GetEnvironmentVariable,
        Directory.GetCurrentDirectory(),
        TimeProvider.System,
        !Console.IsOutputRedirected);

    /// <summary>Resolves a path given on the command line against <see cref="WorkingDirectory"/>.</summary>
    public string Resolve(string path) => Path.GetFullPath(path, WorkingDirectory);

    /// <summary>How long a SQLite store waits for another writer's lock; null for the store's own default (15 s).</summary>
    internal TimeSpan? SqliteBusyTimeout { get; init; }

    /// <summary>How many commands an import decides and writes together; null for the default. Tests make it small to cross batches.</summary>
    internal int? ImportBatchSize { get; init; }

    /// <summary>How many meetings an import keeps folded between batches; null for the default.</summary>
    internal int? ImportKeepMeetings { get; init; }

    /// <summary>Who is recording: <c>TIMELINE_USER</c>, or else the OS user.</summary>
    public string User => Variable("TIMELINE_USER") is { Length: > 0 } user ? user : Environment.UserName;
}
