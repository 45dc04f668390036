using System.Data.Common;
using System.Net.Sockets;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;
using Timeline.Core.Serialization;
using Timeline.Core.Storage;
using Timeline.Domain.Meetings;
using Weasel.Core;
using IEventStore = Timeline.Core.Storage.IEventStore;

namespace Timeline.Store.Marten;

/// <summary>
/// The server store: PostgreSQL through Marten's event store. Each meeting is one Marten stream whose id is the
/// meeting slug; every event keeps Timeline's whole envelope in Marten's event metadata.
/// </summary>
/// <remarks>
/// <para>
/// <b>Layout.</b> In the schema of <see cref="MartenEventStoreOptions.Schema"/> (default <c>timeline</c>):
/// Marten's <c>mt_events</c> and <c>mt_streams</c>, with <c>type</c> holding Timeline's stored event names
/// (<c>attendance-confirmed.v1</c>), <c>data</c> the event in Timeline's stored JSON
/// (<see cref="TimelineJson.Stored"/>), <c>timestamp</c> recordedAt, <c>user_name</c> recordedBy,
/// <c>causation_id</c> the command id and <c>headers</c> reportedAt and the source (with the lower-cased search keys
/// of speaker and outlet). Marten also writes its own <c>mt_dotnet_type</c> column; Timeline never reads it. Beside
/// them, <c>timeline_commands</c> holds every stored command id under a primary key, written in the same
/// transaction as the events, so a command id is unique because the database says so. The API keys live in
/// <c>timeline_api_keys</c> (see <see cref="AddKeyAsync"/>), so every server on one database sees the same keys.
/// </para>
/// <para>
/// <b>Clock.</b> <see cref="StoredEvent.RecordedAt"/> is read from the injected <see cref="TimeProvider"/> once per
/// <see cref="AppendAsync"/>, after the writer lock is taken, cut to whole microseconds, and set on every event of
/// the append explicitly. Nothing else reads a clock for event data.
/// </para>
/// <para>
/// <b>Concurrency.</b> Appends of every process take one transaction-scoped advisory lock per schema before they
/// read stream versions or draw sequence numbers, so the global sequence follows commit order (a reader resuming
/// after a sequence never misses a later commit with a smaller one) and a version clash is found by Marten's own
/// expected-version check. A clash, a stored command id, or any of Marten's or PostgreSQL's concurrency errors
/// (<c>EventStreamUnexpectedMaxEventIdException</c>, <c>ConcurrencyException</c>, unique violations) is a
/// <see cref="WriteConflict"/>. Reads never wait for writers. One instance serves many tasks at once.
/// </para>
/// <para>
/// <b>Schema.</b> Created or migrated on first use unless <see cref="MartenEventStoreOptions.CreateSchemaOnFirstUse"/>
/// is off; <see cref="MigrateAsync"/> does it on demand. Constructing an instance touches no database.
/// </para>
/// <para>
/// <b>Errors.</b> Beyond <see cref="WriteConflict"/>: <see cref="StoreUnavailable"/>, with a one-line message that
/// names the database, host and port, when the server cannot be reached within
/// <see cref="MartenEventStoreOptions.ConnectTimeout"/>, refuses the password, has no such database, forbids what the
/// store needs, takes no more connections, or drops the connection; <see cref="InvalidDataException"/> when it holds a
/// schema that is missing (with DDL off) or newer than this code. Connection attempts are not retried.
/// </para>
/// </remarks>
public sealed partial class MartenEventStore : IStore, IDisposable
{
    /// <summary>
    /// The version of Timeline's own tables that this code writes; a newer one is refused. 2 added
    /// <c>timeline_api_keys</c>, 3 <c>timeline_chain</c>.
    /// </summary>
    public const int SchemaVersion = 3;

    private static readonly Regex SchemaName = new("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant);

    private readonly NpgsqlDataSource _dataSource;
    private readonly DocumentStore _store;
    private readonly TimeProvider _clock;
    private readonly MartenEventStoreOptions _options;
    private readonly string _schema;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;
    private readonly int _connectTimeoutSeconds;
    private readonly int _commandTimeoutSeconds;
    private int _disposed;

    /// <summary>A store with the default options: schema <c>timeline</c>, created on first use, 5 s to connect.</summary>
    /// <param name="uriOrConnectionString">A <c>postgres://</c> URI or an Npgsql connection string (see <see cref="PostgresConnectionString"/>).</param>
    /// <param name="clock">The clock that stamps <see cref="StoredEvent.RecordedAt"/>.</param>
    /// <exception cref="ArgumentException">The text is not a PostgreSQL URI or connection string.</exception>
    public MartenEventStore(string uriOrConnectionString, TimeProvider clock)
        : this(uriOrConnectionString, clock, new MartenEventStoreOptions())
    {
    }

    /// <summary>A store with the given options.</summary>
    /// <param name="uriOrConnectionString">A <c>postgres://</c> URI or an Npgsql connection string (see <see cref="PostgresConnectionString"/>).</param>
    /// <param name="clock">The clock that stamps <see cref="StoredEvent.RecordedAt"/>.</param>
    /// <param name="options">Schema, DDL policy and connect timeout.</param>
    /// <exception cref="ArgumentException">The text is not a PostgreSQL URI or connection string, or an option is out of range.</exception>
    public MartenEventStore(string uriOrConnectionString, TimeProvider clock, MartenEventStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        if (!SchemaName.IsMatch(options.Schema))
        {
            throw new ArgumentException(
                $"'{options.Schema}' is not a usable schema name: use lower-case letters, digits and underscores, at most 63", nameof(options));
        }
        if (options.ConnectTimeout < TimeSpan.FromSeconds(1) || options.ConnectTimeout > TimeSpan.FromSeconds(1024))
        {
            throw new ArgumentException($"a connect timeout of {options.ConnectTimeout} is not between 1 and 1024 s", nameof(options));
        }
        var connection = PostgresConnectionString.Parse(uriOrConnectionString);
        if (!GivesTimeout(uriOrConnectionString))
        {
            connection.Timeout = (int)Math.Ceiling(options.ConnectTimeout.TotalSeconds);
        }
        // Names the stream and versions in PostgreSQL's own messages about unique violations.
        connection.IncludeErrorDetail = true;
        Where = $"PostgreSQL database '{connection.Database ?? connection.Username}' on {connection.Host}:{connection.Port}";
        User = connection.Username;
        _clock = clock;
        _options = options;
        _schema = options.Schema;
        _connectTimeoutSeconds = connection.Timeout;
        _commandTimeoutSeconds = connection.CommandTimeout;
        _dataSource = new NpgsqlDataSourceBuilder(connection.ConnectionString).Build();
        _store = new DocumentStore(Configure(_dataSource, clock, options, EventSource));
    }

    /// <summary>Where the store is, for messages: the database, host and port; never the password.</summary>
    public string Where { get; }

    /// <summary>The schema that holds the store's tables.</summary>
    public string Schema => _schema;

    private string? User { get; }

    /// <summary>The connect timeout in force, in whole seconds.</summary>
    internal int ConnectTimeoutSeconds => _connectTimeoutSeconds;

    private static bool GivesTimeout(string text)
    {
        if (PostgresConnectionString.IsUri(text))
        {
            return text.Contains("connect_timeout=", StringComparison.OrdinalIgnoreCase);
        }
        var keys = new DbConnectionStringBuilder { ConnectionString = text }.Keys.Cast<string>();
        return keys.Any(key => key.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant() is "timeout" or "connecttimeout" or "connectiontimeout");
    }

    /// <summary>Every event type of the domain, with its stored name from <see cref="EventTypeMap"/>.</summary>
    internal static IReadOnlyList<Type> EventTypes { get; } = typeof(MeetingEvent)
        .GetNestedTypes()
        .Where(type => type.IsSubclassOf(typeof(MeetingEvent)) && !type.IsAbstract)
        .ToList();

    private static StoreOptions Configure(NpgsqlDataSource dataSource, TimeProvider clock, MartenEventStoreOptions options, string eventSource)
    {
        var marten = new StoreOptions();
        marten.Connection(dataSource);
        marten.DatabaseSchemaName = options.Schema;
        marten.Events.DatabaseSchemaName = options.Schema;
        marten.AutoCreateSchemaObjects = options.CreateSchemaOnFirstUse ? AutoCreate.CreateOrUpdate : AutoCreate.None;
        marten.DisableNpgsqlLogging = true;

        marten.Events.StreamIdentity = StreamIdentity.AsString;
        // Rich: versions and metadata are assigned in .NET against the stream state read in the same transaction.
        marten.Events.AppendMode = EventAppendMode.Rich;
        marten.Events.MetadataConfig.EnableAll();
        marten.Events.MetadataConfig.UserNameEnabled = true;
        marten.Events.EnableUniqueIndexOnEventId = true;
        marten.Events.TimeProvider = clock;
        foreach (var type in EventTypes)
        {
            marten.Events.MapEventType(type, EventTypeMap.NameOf(type));
        }

        // Event data is Timeline's stored JSON: the same options every store uses, with Marten's own enum handling
        // taken out again so enums stay kebab-case names.
        marten.UseSystemTextJsonForSerialization(TimelineJson.Stored, EnumStorage.AsString, Casing.CamelCase, json =>
        {
            foreach (var converter in json.Converters.OfType<JsonStringEnumConverter>().ToList())
            {
                json.Converters.Remove(converter);
            }
            for (var i = TimelineJson.Stored.Converters.Count - 1; i >= 0; i--)
            {
                json.Converters.Insert(0, TimelineJson.Stored.Converters[i]);
            }
            // Header values are text exactly as given (Envelope); Marten's reader of untyped values would turn a
            // date-like one into a DateTime.
            json.Converters.Insert(0, new TextHeaderValues());
        });

        // No retries: a connection failure must surface at once, and an append is retried only by deciding again.
        marten.ConfigurePolly(_ => { });
        marten.ConfigureWritePolly(_ => { });

        foreach (var table in TimelineTables(options.Schema))
        {
            marten.Storage.ExtendedSchemaObjects.Add(table);
        }

        // The audit filters' indexes: Marten's own on (type, seq_id), and Timeline's on mt_events (AuditIndexes).
        marten.Events.EnableEventTypeIndex = true;
        marten.Storage.Add(new AuditIndexes(options.Schema));
        foreach (var index in AuditIndexes.IndexNames)
        {
            marten.Events.IgnoreIndex(index);
        }

        // The as-of index: documents kept by an inline projection, in the append's transaction.
        marten.Schema.For<MeetingStateDocument>()
            .DocumentAlias(IndexTables.StateAlias)
            .Duplicate(d => d.MeetingId, notNull: true)
            .Duplicate(d => d.ReportedFrom, notNull: true)
            .Duplicate(d => d.ReportedTo, notNull: true)
            .Duplicate(d => d.RecordedFrom, notNull: true)
            .Duplicate(d => d.RecordedTo, notNull: true)
            .Duplicate(d => d.EarliestDay, notNull: true)
            .Duplicate(d => d.LatestDay, notNull: true)
            .Duplicate(d => d.Dated, notNull: true)
            .SoftDeleted()
            .IgnoreIndex(IndexTables.StateRangesIndex)
            .IgnoreIndex(IndexTables.FormerStateRangesIndex);
        marten.Schema.For<ReportDayDocument>().DocumentAlias("timeline_report_day").Duplicate(d => d.RecordedAt, notNull: true).SoftDeleted();
        marten.Schema.For<IndexFormatDocument>().DocumentAlias("timeline_index_format");
        marten.Storage.Add(new IndexTables(options.Schema));
        marten.Projections.Add(new MeetingStatesProjection(e => StoredEventOf(eventSource, e)), ProjectionLifecycle.Inline, "timeline-meeting-states");
        return marten;
    }

    /// <inheritdoc />
    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var session = _store.QuerySession();
            return await session.Events.QueryAllRawEvents()
                .Where(e => e.StreamKey != TombstoneStream)
                .LongCountAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Translate(e) is { } translated)
        {
            throw translated;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        await _store.DisposeAsync().ConfigureAwait(false);
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        _schemaGate.Dispose();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        _store.Dispose();
        _dataSource.Dispose();
        _schemaGate.Dispose();
    }

    private async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed == 1, this);
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Translate(e) is { } translated)
        {
            throw translated;
        }
    }

    private async Task<T> WithConnectionAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await work(connection).ConfigureAwait(false);
        }
        catch (Exception e) when (Translate(e) is { } translated)
        {
            throw translated;
        }
    }

    // SQLSTATE codes, from https://www.postgresql.org/docs/current/errcodes-appendix.html.
    private const string InvalidPassword = "28P01";
    private const string InvalidAuthorization = "28000";
    private const string InvalidCatalogName = "3D000";
    private const string InsufficientPrivilege = "42501";
    private const string UndefinedTable = "42P01";
    private const string AdminShutdown = "57P01";
    private const string CrashShutdown = "57P02";
    private const string CannotConnectNow = "57P03";
    private const string TooManyConnections = "53300";
    private const string ConnectionExceptionClass = "08";
    private const string InsufficientResourcesClass = "53";

    /// <summary>
    /// Turns failures of the database itself into exceptions with one line that names it: one that cannot be reached
    /// or used now (no connection, no answer, refused login, no such database, no privilege, no room) is
    /// <see cref="StoreUnavailable"/>; a missing Timeline schema is <see cref="InvalidDataException"/>. Null leaves the
    /// error as it is.
    /// </summary>
    private Exception? Translate(Exception exception)
    {
        if (exception is WriteConflict or InvalidDataException or StoreUnavailable or OperationCanceledException or ArgumentException or StoreNotEmpty)
        {
            return null;
        }
        var fromNpgsql = false;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            fromNpgsql |= e is NpgsqlException;
            switch (e)
            {
                case PostgresException { SqlState: InvalidPassword or InvalidAuthorization } postgres:
                    return Unavailable($"it refused the login of user '{User}': {postgres.MessageText} (check the user name and password)", exception);
                case PostgresException { SqlState: InvalidCatalogName } postgres:
                    return Unavailable($"it does not exist: {postgres.MessageText} (create it, e.g. createdb, or fix the database name)", exception);
                case PostgresException { SqlState: InsufficientPrivilege } postgres:
                    return Unavailable($"user '{User}' lacks a privilege the store needs in schema '{_schema}': {postgres.MessageText} (if the schema is missing or out of date, have its owner run 'timeline migrate'; deploy/README.md lists the grants)", exception);
                case PostgresException { SqlState: UndefinedTable } postgres:
                    return new InvalidDataException($"{Where} has no Timeline schema '{_schema}' (or it is incomplete): {postgres.MessageText}; run `timeline migrate`", exception);
                case PostgresException { SqlState: CannotConnectNow or TooManyConnections } postgres:
                    return Unavailable($"it does not accept connections now: {postgres.MessageText}", exception);
                case PostgresException { SqlState: AdminShutdown or CrashShutdown } postgres:
                    return Unavailable($"the server closed the connection: {postgres.MessageText}", exception);
                case PostgresException postgres when postgres.SqlState.StartsWith(ConnectionExceptionClass, StringComparison.Ordinal):
                    return Unavailable($"the connection failed: {postgres.MessageText}", exception);
                case PostgresException postgres when postgres.SqlState.StartsWith(InsufficientResourcesClass, StringComparison.Ordinal):
                    return Unavailable($"the server is out of resources: {postgres.MessageText}", exception);
                case SocketException socket:
                    return Unavailable($"cannot connect: {socket.Message}", exception);
                case TimeoutException when exception is NpgsqlException || e.InnerException is null:
                    return Unavailable(NoAnswer, exception);
                // Npgsql's own failures below PostgreSQL's: a connection that broke while in use (the server stopped,
                // the network went away).
                case IOException when fromNpgsql:
                    return Unavailable("the connection to it was lost", exception);
            }
        }
        return null;
    }

    private StoreUnavailable Unavailable(string reason, Exception cause) => new(Where, reason, cause);

    /// <summary>
    /// A timeout, named with both limits: Npgsql's timeout while connecting and its timeout of a statement (a lock
    /// waited for, a slow query) throw the same exceptions, so which one ran out cannot be told reliably.
    /// </summary>
    private string NoAnswer => _commandTimeoutSeconds == 0
        ? $"no answer within {_connectTimeoutSeconds} s (the connect timeout, Timeout in the connection string)"
        : $"no answer within {_connectTimeoutSeconds} s to connect or {_commandTimeoutSeconds} s for a statement (Timeout and Command Timeout in the connection string; a statement may be waiting for a lock or slow on a large store)";
}
