using Microsoft.Data.Sqlite;
using Timeline.Core.Storage;

namespace Timeline.Store.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, holding every meeting's stream in one <c>events</c> table.
/// </summary>
/// <remarks>
/// <para>
/// <b>Clock.</b> <see cref="StoredEvent.RecordedAt"/> is read from the injected <see cref="TimeProvider"/> once per
/// <see cref="AppendAsync"/> call, after the write lock is taken (so recordedAt never runs backwards against the
/// sequence for a clock that does not). Nothing else reads a clock but the schema's <c>applied_at</c>.
/// </para>
/// <para>
/// <b>Concurrency.</b> Every operation opens its own pooled connection, so one instance serves many tasks at once.
/// Appends of one instance queue in-process; appends from other instances or processes on the same file wait for
/// SQLite's write lock (the busy timeout, 15 s unless given) instead of failing; that wait blocks the calling thread,
/// as every Microsoft.Data.Sqlite call does. A version clash or a stored command id is always a <see cref="WriteConflict"/>,
/// whichever writer or process got there first.
/// </para>
/// <para>
/// <b>Schema.</b> Created on first use, in one transaction, and recorded in <c>schema_version</c>
/// (currently <see cref="SchemaVersion"/>). Constructing an instance touches no file.
/// </para>
/// <para>
/// <b>Errors.</b> Beyond <see cref="WriteConflict"/>: <see cref="InvalidDataException"/> when the file is not a
/// SQLite database, belongs to another application, is damaged, or has a newer schema than this code knows;
/// <see cref="StoreUnavailable"/> when the file cannot be opened or written (no such folder, no permission, read-only,
/// disk full or failing) or another process holds the write lock for longer than the busy timeout. Each message
/// names the file.
/// </para>
/// </remarks>
public sealed partial class SqliteEventStore : IStore, IDisposable
{
    /// <summary>
    /// The schema version this code writes and reads; a file with a newer one is refused. 2 added the trigram index
    /// of speakers and outlets; 3 the as-of index (<c>meeting_states</c> and its companions); 4 the hash chain; 5 replaced
    /// the trigram index with the distinct keys and the participants of each state with those of each meeting.
    /// </summary>
    public const int SchemaVersion = 5;

    /// <summary>How long a write waits for another writer's lock unless told otherwise.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(15);

    private readonly string _connectionString;
    private readonly TimeSpan _busyTimeout;
    // Per physical connection; cheap to repeat on every open of a pooled connection.
    private readonly string _connectionPragmas;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;
    private volatile bool _disposed;

    /// <summary>Opens (lazily) the store in one SQLite file.</summary>
    /// <param name="pathOrConnectionString">
    /// A file path (<c>timeline.db</c>), created on first use if missing, or a Microsoft.Data.Sqlite connection
    /// string with a <c>Data Source</c> (<c>Data Source=timeline.db;Pooling=True</c>). In-memory databases are not
    /// supported: each operation opens its own connection.
    /// </param>
    /// <param name="clock">The clock that stamps <see cref="StoredEvent.RecordedAt"/>.</param>
    /// <param name="busyTimeout">
    /// How long a write waits for a lock another connection holds before it fails with <see cref="StoreUnavailable"/>;
    /// <see cref="DefaultBusyTimeout"/> unless given. At least 100 ms.
    /// </param>
    /// <exception cref="ArgumentException">The path or connection string is empty or names no file.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The busy timeout is shorter than 100 ms.</exception>
    public SqliteEventStore(string pathOrConnectionString, TimeProvider clock, TimeSpan? busyTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathOrConnectionString);
        ArgumentNullException.ThrowIfNull(clock);
        _busyTimeout = busyTimeout ?? DefaultBusyTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThan(_busyTimeout, TimeSpan.FromMilliseconds(100), nameof(busyTimeout));
        var builder = ParseConnectionString(pathOrConnectionString);
        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.Mode == SqliteOpenMode.Memory
            || builder.DataSource.Equals(":memory:", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                $"'{pathOrConnectionString}' names no database file; give a path such as timeline.db", nameof(pathOrConnectionString));
        }
        builder.Pooling = true;
        // Microsoft.Data.Sqlite retries a busy statement until its command timeout, on top of SQLite's own wait.
        builder.DefaultTimeout = (int)Math.Ceiling(_busyTimeout.TotalSeconds);
        builder.ForeignKeys = null; // set by the pragmas together with busy_timeout
        if (builder.Mode == SqliteOpenMode.ReadOnly)
        {
            throw new ArgumentException($"the store '{builder.DataSource}' cannot be opened read-only: it creates its schema on first use", nameof(pathOrConnectionString));
        }
        _connectionString = builder.ToString();
        _connectionPragmas = $"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {(long)_busyTimeout.TotalMilliseconds};";
        DataSource = builder.DataSource;
        _clock = clock;
    }

    /// <summary>The database file, as given.</summary>
    public string DataSource { get; }

    /// <summary>The store, as messages name it.</summary>
    private string Where => $"the Timeline store '{DataSource}'";

    /// <inheritdoc />
    /// <remarks>0 for a new store; the schema is created first if the file has none.</remarks>
    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM events";
            return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
        catch (SqliteException e) when (Translate(e) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>Releases this file's pooled connections, so the file can be moved or deleted.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static SqliteConnectionStringBuilder ParseConnectionString(string text)
    {
        // A bare path may itself contain '=' (rare); only text that parses as a connection string with a data
        // source is read as one.
        if (text.Contains('=', StringComparison.Ordinal))
        {
            try
            {
                var parsed = new SqliteConnectionStringBuilder(text);
                if (!string.IsNullOrWhiteSpace(parsed.DataSource))
                {
                    return parsed;
                }
            }
            catch (ArgumentException)
            {
            }
        }
        return new SqliteConnectionStringBuilder { DataSource = text, Mode = SqliteOpenMode.ReadWriteCreate };
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = _connectionPragmas;
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    // Primary result codes, from https://sqlite.org/rescode.html.
    private const int SQLITE_PERM = 3;
    private const int SQLITE_BUSY = 5;
    private const int SQLITE_LOCKED = 6;
    private const int SQLITE_READONLY = 8;
    private const int SQLITE_IOERR = 10;
    private const int SQLITE_CORRUPT = 11;
    private const int SQLITE_FULL = 13;
    private const int SQLITE_CANTOPEN = 14;
    private const int SQLITE_CONSTRAINT = 19;
    private const int SQLITE_NOTADB = 26;

    /// <summary>True when <paramref name="e"/> is a unique constraint on <paramref name="column"/> (<c>table.column</c>).</summary>
    private static bool IsUniqueViolation(SqliteException e, string column) =>
        (e.SqliteErrorCode & 0xFF) == SQLITE_CONSTRAINT && e.Message.Contains(column, StringComparison.Ordinal);

    /// <summary>
    /// Turns SQLite's errors about the file into exceptions that name it: a file that is not a store, or is damaged, is
    /// <see cref="InvalidDataException"/>; a file that cannot be used now is <see cref="StoreUnavailable"/>. Null
    /// leaves the error as it is.
    /// </summary>
    private Exception? Translate(SqliteException e) => (e.SqliteErrorCode & 0xFF) switch
    {
        SQLITE_NOTADB => new InvalidDataException(
            $"'{DataSource}' is not a Timeline store: it is not a SQLite database ({e.Message})", e),
        SQLITE_CORRUPT => new InvalidDataException(
            $"{Where} is damaged: {e.Message}", e),
        SQLITE_CANTOPEN => Unavailable($"it cannot be opened; check that its folder exists and is writable ({e.Message})", e),
        SQLITE_READONLY or SQLITE_PERM => Unavailable($"it cannot be written ({e.Message})", e),
        SQLITE_FULL or SQLITE_IOERR => Unavailable($"it could not be written ({e.Message})", e),
        SQLITE_BUSY or SQLITE_LOCKED => Unavailable(
            $"another writer has held it locked for more than {_busyTimeout.TotalSeconds:0.#} s; try again", e),
        _ => null,
    };

    private StoreUnavailable Unavailable(string reason, SqliteException e) => new(Where, reason, e);
}
