using System.Runtime.CompilerServices;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Timeline.Core.Storage;
using Timeline.Store.Relational;
using Timeline.Domain.Meetings;

namespace Timeline.Store.Marten;

public sealed partial class MartenEventStore
{
    /// <summary>
    /// Leaves out Marten's tombstones: placeholder events that Marten writes, on a stream of its own, for sequence
    /// numbers drawn by an append that then failed.
    /// </summary>
    private const string NotTombstone = "stream_id <> 'mt_tombstone'";

    // Plain SQL on Marten's tables: every filter, including substring search in the headers, runs in PostgreSQL.
    private string SelectEvents => $"""
        SELECT seq_id, stream_id, version, id, type, data, timestamp, user_name, causation_id,
               headers ->> '{Envelope.ReportedAt}', headers ->> '{Envelope.Outlet}', headers ->> '{Envelope.Url}',
               headers ->> '{Envelope.PublishedAt}', headers ->> '{Envelope.Speaker}', headers ->> '{Envelope.Quote}'
        FROM {_schema}.mt_events
        """;

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(MeetingId stream, CancellationToken cancellationToken) =>
        await RowsAsync(
            command => PrepareReadStream(command, stream),
            ReadEvent,
            cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> FindCommandsAsync(IReadOnlyCollection<string> commandIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commandIds);
        if (commandIds.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }
        var found = await RowsAsync(
            command => PrepareFindCommands(command, commandIds),
            reader => reader.GetString(0),
            cancellationToken).ConfigureAwait(false);
        return found.ToHashSet(StringComparer.Ordinal);
    }

    // The statements of ReadStreamAsync and FindCommandsAsync, for the store and for a write transaction alike.
    private void PrepareReadStream(NpgsqlCommand command, MeetingId stream)
    {
        command.CommandText = SelectEvents + " WHERE stream_id = @stream ORDER BY version";
        command.Parameters.AddWithValue("stream", stream.Value);
    }

    private void PrepareFindCommands(NpgsqlCommand command, IReadOnlyCollection<string> commandIds)
    {
        command.CommandText = $"SELECT command_id FROM {_schema}.timeline_commands WHERE command_id = ANY(@ids)";
        command.Parameters.AddWithValue("ids", NpgsqlDbType.Array | NpgsqlDbType.Varchar, commandIds.ToArray());
    }

    /// <summary>Every row of one query, once the schema is ready, with the database's errors translated.</summary>
    private Task<List<T>> RowsAsync<T>(Action<NpgsqlCommand> prepare, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken) =>
        DbRows.ListAsync<NpgsqlCommand, NpgsqlDataReader, T>(
            async ct =>
            {
                await EnsureSchemaAsync(ct).ConfigureAwait(false);
                return await OpenConnectionAsync(ct).ConfigureAwait(false);
            },
            prepare,
            read,
            Translate,
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// Rows are streamed from one open connection while the caller enumerates, in one statement, so the enumeration
    /// sees the log as it was when it started; writers go on meanwhile.
    /// </remarks>
    public async IAsyncEnumerable<StoredEvent> ReadAllAsync(EventQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, "a query's limit cannot be negative");
        }
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var rows = DbRows.StreamAsync<NpgsqlCommand, NpgsqlDataReader, StoredEvent>(
            async ct => await OpenConnectionAsync(ct).ConfigureAwait(false),
            command => command.CommandText = Filter(query, command.Parameters),
            ReadEvent,
            Translate,
            cancellationToken);
        await foreach (var e in rows.ConfigureAwait(false))
        {
            yield return e;
        }
    }

    /// <summary>The SQL for a query. Only fixed text is concatenated here; every value goes in a parameter.</summary>
    private string Filter(EventQuery query, NpgsqlParameterCollection parameters)
    {
        var sql = new StringBuilder(SelectEvents).Append($" WHERE seq_id > @after_sequence AND {NotTombstone}");
        parameters.AddWithValue("after_sequence", query.AfterSequence);
        if (query.UpToSequence is { } upTo)
        {
            sql.Append(" AND seq_id <= @up_to_sequence");
            parameters.AddWithValue("up_to_sequence", upTo);
        }
        if (query.Streams is { } streams)
        {
            sql.Append(" AND stream_id = ANY(@streams)");
            parameters.AddWithValue("streams", NpgsqlDbType.Array | NpgsqlDbType.Varchar, streams.Select(s => s.Value).ToArray());
        }
        if (query.EventTypes is { } eventTypes)
        {
            sql.Append(" AND type = ANY(@event_types)");
            parameters.AddWithValue("event_types", NpgsqlDbType.Array | NpgsqlDbType.Varchar, eventTypes.ToArray());
        }
        if (query.CommandIds is { } commandIds)
        {
            sql.Append(" AND causation_id = ANY(@command_ids)");
            parameters.AddWithValue("command_ids", NpgsqlDbType.Array | NpgsqlDbType.Varchar, commandIds.ToArray());
        }
        if (query.RecordedBy is { } recordedBy)
        {
            sql.Append(" AND user_name = @recorded_by");
            parameters.AddWithValue("recorded_by", recordedBy);
        }
        if (query.RecordedAtOrBefore is { } recordedAtOrBefore)
        {
            // Stored instants are whole microseconds, so comparing with the bound cut down to one is exact, where
            // PostgreSQL would round a finer bound up.
            sql.Append(" AND timestamp <= @recorded_at_or_before");
            parameters.AddWithValue("recorded_at_or_before", NpgsqlDbType.TimestampTz, RecordedAt.CutDown(recordedAtOrBefore).Instant);
        }
        if (query.ReportedFrom is { } reportedFrom)
        {
            sql.Append($" AND (headers ->> '{Envelope.ReportedAtUtc}') COLLATE \"C\" >= @reported_from");
            parameters.AddWithValue("reported_from", EventQuery.ReportedAtKey(reportedFrom));
        }
        if (query.ReportedBefore is { } reportedBefore)
        {
            sql.Append($" AND (headers ->> '{Envelope.ReportedAtUtc}') COLLATE \"C\" < @reported_before");
            parameters.AddWithValue("reported_before", EventQuery.ReportedAtKey(reportedBefore));
        }
        if (EventQuery.SearchKey(query.Speaker) is { } speaker)
        {
            // strpos, not LIKE or ILIKE: the needle is plain text, so % and _ in it match themselves.
            sql.Append($" AND strpos(headers ->> '{Envelope.SpeakerKey}', @speaker) > 0");
            parameters.AddWithValue("speaker", speaker);
        }
        if (EventQuery.SearchKey(query.Outlet) is { } outlet)
        {
            sql.Append($" AND strpos(headers ->> '{Envelope.OutletKey}', @outlet) > 0");
            parameters.AddWithValue("outlet", outlet);
        }
        sql.Append(" ORDER BY seq_id");
        if (query.Limit is { } limit)
        {
            sql.Append(" LIMIT @limit");
            parameters.AddWithValue("limit", limit);
        }
        return sql.ToString();
    }

    private StoredEvent ReadEvent(NpgsqlDataReader reader) => EventRow.Read($"the Timeline schema '{_schema}' of {Where}", reader.GetInt64(0), reader, static r => new EventRow(
        r.GetInt64(0),
        r.GetString(1),
        r.GetInt64(2),
        r.GetGuid(3),
        r.GetString(4),
        r.GetString(5),
        NullableString(r, 9),
        RecordedAt.Exactly(r.GetFieldValue<DateTimeOffset>(6)),
        NullableString(r, 7),
        NullableString(r, 10),
        NullableString(r, 11),
        NullableString(r, 12),
        NullableString(r, 13),
        NullableString(r, 14),
        NullableString(r, 8)));

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
