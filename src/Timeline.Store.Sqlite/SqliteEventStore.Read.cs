using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Timeline.Core.Storage;
using Timeline.Core.Telemetry;
using Timeline.Store.Relational;
using Timeline.Domain.Meetings;

namespace Timeline.Store.Sqlite;

public sealed partial class SqliteEventStore
{
    private const string SelectEvents = """
        SELECT sequence, stream_id, stream_version, event_id, event_type, data, reported_at, recorded_at, recorded_by,
               outlet, url, published_at, speaker, quote, command_id, hash
        FROM events
        """;

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(MeetingId stream, CancellationToken cancellationToken) =>
        await RowsAsync(
            OpenAsync,
            command => PrepareReadStream(command, stream),
            ReadEvent,
            cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<StoredEvent?> ReadLastAsync(CancellationToken cancellationToken) =>
        (await RowsAsync(
            OpenAsync,
            command => command.CommandText = SelectEvents + " ORDER BY sequence DESC LIMIT 1",
            ReadEvent,
            cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> FindCommandsAsync(IReadOnlyCollection<string> commandIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commandIds);
        if (commandIds.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }
        var found = await RowsAsync(
            OpenAsync,
            command => PrepareFindCommands(command, commandIds),
            reader => reader.GetString(0),
            cancellationToken).ConfigureAwait(false);
        return found.ToHashSet(StringComparer.Ordinal);
    }

    // The statements of ReadStreamAsync and FindCommandsAsync, for the store and for a write transaction alike.
    private static void PrepareReadStream(SqliteCommand command, MeetingId stream)
    {
        command.CommandText = SelectEvents + " WHERE stream_id = $stream_id ORDER BY stream_version";
        command.Parameters.AddWithValue("$stream_id", stream.Value);
    }

    private static void PrepareFindCommands(SqliteCommand command, IReadOnlyCollection<string> commandIds)
    {
        command.CommandText = "SELECT command_id FROM commands WHERE command_id IN (SELECT value FROM json_each($ids))";
        command.Parameters.AddWithValue("$ids", JsonArray(commandIds));
    }

    /// <summary>Every row of one query on a connection from <paramref name="open"/>, with SQLite's errors translated.</summary>
    private async Task<List<T>> RowsAsync<T>(
        Func<CancellationToken, Task<SqliteConnection>> open, Action<SqliteCommand> prepare, Func<SqliteDataReader, T> read, CancellationToken cancellationToken) =>
        await StreamRowsAsync(open, prepare, read, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The rows of one query on a connection from <paramref name="open"/>, read one at a time while the caller
    /// enumerates, with SQLite's errors translated.
    /// </summary>
    private IAsyncEnumerable<T> StreamRowsAsync<T>(
        Func<CancellationToken, Task<SqliteConnection>> open, Action<SqliteCommand> prepare, Func<SqliteDataReader, T> read, CancellationToken cancellationToken) =>
        DbRows.StreamAsync<SqliteCommand, SqliteDataReader, T>(
            async ct => await open(ct).ConfigureAwait(false),
            prepare,
            read,
            e => e is SqliteException sqlite ? Translate(sqlite) : null,
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// Rows are read one at a time from an open connection while the caller enumerates; WAL mode lets writers go on
    /// meanwhile, and the enumeration sees the log as it was when it started.
    /// </remarks>
    public async IAsyncEnumerable<StoredEvent> ReadAllAsync(EventQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var activity = TimelineTelemetry.StartStoreActivity("read", "sqlite");
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, "a query's limit cannot be negative");
        }
        var rows = StreamRowsAsync(OpenAsync, command => command.CommandText = Filter(query, command.Parameters), ReadEvent, cancellationToken);
        await foreach (var e in rows.ConfigureAwait(false))
        {
            yield return e;
        }
    }

    /// <summary>The SQL for a query. Only fixed text is concatenated here; every value goes in a parameter.</summary>
    private static string Filter(EventQuery query, SqliteParameterCollection parameters)
    {
        var sql = new StringBuilder(SelectEvents).Append(" WHERE sequence > $after_sequence");
        parameters.AddWithValue("$after_sequence", query.AfterSequence);
        if (query.UpToSequence is { } upTo)
        {
            sql.Append(" AND sequence <= $up_to_sequence");
            parameters.AddWithValue("$up_to_sequence", upTo);
        }
        if (query.Streams is { } streams)
        {
            // One JSON array parameter instead of one parameter per id: thousands of ids stay one statement.
            sql.Append(" AND stream_id IN (SELECT value FROM json_each($streams))");
            parameters.AddWithValue("$streams", JsonArray(streams.Select(s => s.Value)));
        }
        if (query.EventTypes is { } eventTypes)
        {
            sql.Append(" AND event_type IN (SELECT value FROM json_each($event_types))");
            parameters.AddWithValue("$event_types", JsonArray(eventTypes));
        }
        if (query.CommandIds is { } commandIds)
        {
            sql.Append(" AND command_id IN (SELECT value FROM json_each($command_ids))");
            parameters.AddWithValue("$command_ids", JsonArray(commandIds));
        }
        if (query.RecordedBy is { } recordedBy)
        {
            sql.Append(" AND recorded_by = $recorded_by");
            parameters.AddWithValue("$recorded_by", recordedBy);
        }
        if (query.RecordedAtOrBefore is { } recordedAtOrBefore)
        {
            sql.Append(" AND recorded_at <= $recorded_at_or_before");
            parameters.AddWithValue("$recorded_at_or_before", RecordedAt.CutDown(recordedAtOrBefore).ToString());
        }
        if (query.ReportedFrom is { } reportedFrom)
        {
            sql.Append(" AND reported_at_utc >= $reported_from");
            parameters.AddWithValue("$reported_from", EventQuery.ReportedAtKey(reportedFrom));
        }
        if (query.ReportedBefore is { } reportedBefore)
        {
            sql.Append(" AND reported_at_utc < $reported_before");
            parameters.AddWithValue("$reported_before", EventQuery.ReportedAtKey(reportedBefore));
        }
        if (EventQuery.SearchKey(query.Speaker) is { } speaker)
        {
            sql.Append(" AND speaker_key IN ").Append(KeysContaining("$speaker"));
            parameters.AddWithValue("$speaker", speaker);
        }
        if (EventQuery.SearchKey(query.Outlet) is { } outlet)
        {
            sql.Append(" AND outlet_key IN ").Append(KeysContaining("$outlet"));
            parameters.AddWithValue("$outlet", outlet);
        }
        sql.Append(" ORDER BY sequence");
        if (query.Limit is { } limit)
        {
            sql.Append(" LIMIT $limit");
            parameters.AddWithValue("$limit", limit);
        }
        return sql.ToString();
    }

    /// <summary>
    /// The distinct speaker and outlet keys (<c>source_keys</c>) that contain the parameter: a substring search runs over
    /// these few, and reaches the events through the key column's index. instr, not LIKE: the needle is plain text, so
    /// % and _ in it match themselves.
    /// </summary>
    private static string KeysContaining(string parameter) => $"(SELECT key FROM source_keys WHERE instr(key, {parameter}) > 0)";

    private static string JsonArray(IEnumerable<string> values) => JsonSerializer.Serialize(values.ToArray());

    private StoredEvent ReadEvent(SqliteDataReader reader) => EventRow.Read(Where, reader.GetInt64(0), reader, static r => new EventRow(
        r.GetInt64(0),
        r.GetString(1),
        r.GetInt64(2),
        Guid.Parse(r.GetString(3)),
        r.GetString(4),
        r.GetString(5),
        r.GetString(6),
        RecordedAt.Parse(r.GetString(7)),
        r.GetString(8),
        NullableString(r, 9),
        NullableString(r, 10),
        NullableString(r, 11),
        NullableString(r, 12),
        NullableString(r, 13),
        r.GetString(14),
        NullableString(r, 15)));

    private static string? NullableString(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
