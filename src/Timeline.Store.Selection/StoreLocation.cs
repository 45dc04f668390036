using Timeline.Core.Storage;
using Timeline.Store.Marten;
using Timeline.Store.Sqlite;

namespace Timeline.Store.Selection;

/// <summary>Which backend a store text names.</summary>
public enum StoreKind
{
    /// <summary>The embedded store: one SQLite file.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database, through Marten.</summary>
    Postgres,
}

/// <summary>
/// Where the events live, as given by <c>--store</c> or <c>TIMELINE_STORE</c>: <c>sqlite:PATH</c>, a PostgreSQL URI
/// (<c>postgres://user:pass@host:port/db</c>) or an Npgsql connection string (<c>Host=…;Database=…</c>).
/// </summary>
public sealed class StoreLocation
{
    /// <summary>The store used when none is named: a file in the working directory.</summary>
    public const string Default = "sqlite:timeline.db";

    private readonly string _text;

    private StoreLocation(string text, StoreKind kind, string? sqlitePath, string display)
    {
        _text = text;
        Kind = kind;
        SqlitePath = sqlitePath;
        Display = display;
    }

    public StoreKind Kind { get; }

    /// <summary>The full path of a SQLite store; null for PostgreSQL.</summary>
    public string? SqlitePath { get; }

    /// <summary>How to show the store to people: the SQLite path, or the PostgreSQL host and database, never a password.</summary>
    public string Display { get; }

    /// <summary>Reads a store text; a relative SQLite path is taken from <paramref name="workingDirectory"/>.</summary>
    /// <exception cref="ArgumentException">The text names no store this build knows, with a message saying what would.</exception>
    public static StoreLocation Parse(string text, string workingDirectory)
    {
        if (text.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = text["sqlite:".Length..];
            if (path.Length == 0)
            {
                throw new ArgumentException("sqlite: needs a file path, e.g. sqlite:timeline.db");
            }
            var full = Path.GetFullPath(path, workingDirectory);
            return new StoreLocation(text, StoreKind.Sqlite, full, $"sqlite:{full}");
        }
        if (PostgresConnectionString.IsUri(text) || text.Contains('=', StringComparison.Ordinal))
        {
            try
            {
                var builder = PostgresConnectionString.Parse(text);
                return new StoreLocation(text, StoreKind.Postgres, null, $"postgres://{builder.Host}:{builder.Port}/{builder.Database}");
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"the store '{Redacted(text)}' is not a PostgreSQL URI or connection string: {e.Message}", e);
            }
        }
        throw new ArgumentException($"'{Redacted(text)}' is not a store: use sqlite:<path>, postgres://user:password@host:port/database, or an Npgsql connection string (default: {Default})");
    }

    /// <summary>True for a SQLite store whose file does not exist yet. A PostgreSQL store is never known to be missing.</summary>
    public bool IsMissing => SqlitePath is not null && !File.Exists(SqlitePath);

    /// <summary>Opens the store; dispose it when done. Nothing is touched until the first call.</summary>
    /// <param name="clock">The clock that stamps recordedAt.</param>
    /// <param name="sqliteBusyTimeout">For a SQLite store, how long a write waits for another writer's lock; null for its default.</param>
    public IStore Open(TimeProvider clock, TimeSpan? sqliteBusyTimeout = null) => Kind switch
    {
        StoreKind.Sqlite => new SqliteEventStore(SqlitePath!, clock, sqliteBusyTimeout),
        _ => new MartenEventStore(_text, clock),
    };

    /// <summary>Deletes a SQLite store's files (the database and its WAL), so a failed first write leaves nothing behind.</summary>
    /// <exception cref="InvalidOperationException">The store is not a SQLite file.</exception>
    public void DeleteFiles()
    {
        if (SqlitePath is null)
        {
            throw new InvalidOperationException($"{Display} is a PostgreSQL store; it has no files to delete");
        }
        // File.Exists is false for a folder: a path naming one is left alone.
        foreach (var file in new[] { string.Empty, "-wal", "-shm" }.Select(suffix => SqlitePath + suffix).Where(File.Exists))
        {
            File.Delete(file);
        }
    }

    /// <inheritdoc />
    public override string ToString() => Display;

    // Never echo a password back: a URI's user-info and a connection string's Password= are blanked.
    private static string Redacted(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (PostgresConnectionString.IsUri(text) && at > 0)
        {
            return string.Concat(text.AsSpan(0, text.IndexOf("://", StringComparison.Ordinal) + 3), "***", text.AsSpan(at));
        }
        return System.Text.RegularExpressions.Regex.Replace(text, "(?i)(password|pwd)\\s*=[^;]*", "$1=***");
    }
}
