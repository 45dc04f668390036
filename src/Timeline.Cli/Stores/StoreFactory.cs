using Timeline.Core.Storage;
using Timeline.Store.Sqlite;

namespace Timeline.Cli.Stores;

/// <summary>Where the events live, from <c>--store</c>, else <c>TIMELINE_STORE</c>, else <c>sqlite:timeline.db</c>.</summary>
internal sealed record StoreLocation(string Text, string? SqlitePath)
{
    public const string Default = "sqlite:timeline.db";

    public static StoreLocation Resolve(string? option, CliEnvironment environment)
    {
        var text = option ?? (environment.Variable("TIMELINE_STORE") is { Length: > 0 } fromEnvironment ? fromEnvironment : Default);
        if (text.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = text["sqlite:".Length..];
            if (path.Length == 0)
            {
                throw new UsageProblem("--store sqlite: needs a file path, e.g. sqlite:timeline.db");
            }
            return new StoreLocation(text, environment.Resolve(path));
        }
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || text.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageProblem("PostgreSQL stores are not available in this build of timeline yet; use sqlite:<path>");
        }
        throw new UsageProblem($"--store '{text}' is not a store: use sqlite:<path> (the default is {Default})");
    }

    /// <summary>True when the store holds nothing yet (for SQLite: the file does not exist).</summary>
    public bool IsMissing => SqlitePath is not null && !File.Exists(SqlitePath);

    public IEventStore Open(TimeProvider clock) => new SqliteEventStore(SqlitePath!, clock);

    /// <summary>Deletes a SQLite store's files, for <c>demo --store</c>.</summary>
    public void Delete()
    {
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(SqlitePath + suffix);
        }
    }

    /// <inheritdoc />
    public override string ToString() => SqlitePath is null ? Text : $"sqlite:{SqlitePath}";
}
