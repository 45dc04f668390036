using System.Runtime.CompilerServices;
using System.Text.Json;
using JasperFx.Events;
using Marten;
using Marten.Linq.MatchesSql;
using NpgsqlTypes;
using Npgsql;
using Timeline.Core.Storage;
using Timeline.Core.Telemetry;
using EventQuery = Timeline.Core.Storage.EventQuery;
using Timeline.Store.Relational;
using Timeline.Domain.Meetings;

namespace Timeline.Store.Marten;

public sealed partial class MartenEventStore
{
    /// <summary>
    /// The stream of Marten's tombstones: placeholder events that Marten writes for sequence numbers drawn by an append
    /// that then failed. Reads leave it out.
    /// </summary>
    internal const string TombstoneStream = "mt_tombstone";

    /// <summary>Leaves out Marten's tombstones, in the raw SQL that remains (restore).</summary>
    private const string NotTombstone = $"stream_id <> '{TombstoneStream}'";

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(MeetingId stream, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var session = _store.QuerySession();
            var events = await session.Events.FetchStreamAsync(stream.Value, token: cancellationToken).ConfigureAwait(false);
            return await WithHashesAsync(events, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Translate(e) is { } translated)
        {
            throw translated;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> FindCommandsAsync(IReadOnlyCollection<string> commandIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commandIds);
        if (commandIds.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }
        // timeline_commands is Timeline's own table (see TimelineTables), not Marten's: plain SQL on its primary key.
        var found = await RowsAsync(
            command => PrepareFindCommands(command, commandIds),
            reader => reader.GetString(0),
            cancellationToken).ConfigureAwait(false);
        return found.ToHashSet(StringComparer.Ordinal);
    }

    // The statement of FindCommandsAsync, for the store and for a write transaction alike.
    private void PrepareFindCommands(NpgsqlCommand command, IReadOnlyCollection<string> commandIds)
    {
        command.CommandText = $"SELECT command_id FROM {_schema}.timeline_commands WHERE command_id = ANY(@ids)";
        command.Parameters.AddWithValue("ids", NpgsqlDbType.Array | NpgsqlDbType.Varchar, commandIds.ToArray());
    }

    /// <summary>Every row of one query on Timeline's own tables, once the schema is ready, with the database's errors translated.</summary>
    private async Task<List<T>> RowsAsync<T>(Action<NpgsqlCommand> prepare, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await RowsAsIsAsync(prepare, read, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Every row of one query on Timeline's own tables, without first ensuring the schema: for the reads of the chain
    /// migration, which runs while <see cref="_schemaGate"/> is held (waiting on it again would never return).
    /// </summary>
    private Task<List<T>> RowsAsIsAsync<T>(Action<NpgsqlCommand> prepare, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken) =>
        DbRows.ListAsync<NpgsqlCommand, NpgsqlDataReader, T>(
            async ct => await OpenConnectionAsync(ct).ConfigureAwait(false),
            prepare,
            read,
            Translate,
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// One Marten LINQ query over the raw events (<c>QueryAllRawEvents</c>), streamed from one open connection while the
    /// caller enumerates, so the enumeration sees the log as it was when it started; writers go on meanwhile.
    /// </remarks>
    public async IAsyncEnumerable<StoredEvent> ReadAllAsync(EventQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var activity = TimelineTelemetry.StartStoreActivity("read", "postgresql");
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, "a query's limit cannot be negative");
        }
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var e in ReadMatchingAsync(query, cancellationToken).ConfigureAwait(false))
        {
            yield return e;
        }
    }

    /// <summary>
    /// The events <paramref name="query"/> selects, in sequence order, each with its hash, without first ensuring the
    /// schema: <see cref="ReadAllAsync"/> once it has, and the chain migration, which runs while the schema gate is held.
    /// </summary>
    private async IAsyncEnumerable<StoredEvent> ReadMatchingAsync(EventQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var session = _store.QuerySession();
        await using var events = Matching(session, query).ToAsyncEnumerable(cancellationToken).GetAsyncEnumerator(cancellationToken);
        // The hashes live in timeline_chain (see ChainTable), looked up a page of events at a time; each event is
        // still made and yielded in sequence order, so an unreadable one stops the reader exactly where it is.
        var page = new List<IEvent>(HashPage);
        var more = true;
        while (more)
        {
            page.Clear();
            while (page.Count < HashPage && (more = await NextAsync(events).ConfigureAwait(false)))
            {
                page.Add(events.Current);
            }
            var hashes = await HashesAsync(page, cancellationToken).ConfigureAwait(false);
            foreach (var e in page)
            {
                yield return ToStoredEvent(e, hashes);
            }
        }
    }

    private const int HashPage = 500;

    /// <inheritdoc />
    public async Task<StoredEvent?> ReadLastAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var session = _store.QuerySession();
            var last = await session.Events.QueryAllRawEvents()
                .Where(e => e.StreamKey != TombstoneStream)
                .OrderByDescending(e => e.Sequence)
                .Take(1)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return (await WithHashesAsync(last, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
        }
        catch (Exception e) when (Translate(e) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>The events as Timeline's, each with its hash from <c>timeline_chain</c>.</summary>
    private async Task<IReadOnlyList<StoredEvent>> WithHashesAsync(IReadOnlyList<IEvent> events, CancellationToken cancellationToken)
    {
        var hashes = await HashesAsync(events, cancellationToken).ConfigureAwait(false);
        return [.. events.Select(e => ToStoredEvent(e, hashes))];
    }

    /// <summary>The stored hashes of <paramref name="events"/>, by sequence; an event without one is left out.</summary>
    private async Task<Dictionary<long, string>> HashesAsync(IReadOnlyList<IEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return [];
        }
        // timeline_chain is Timeline's own table, not Marten's: plain SQL on its primary key. Every caller has ensured
        // the schema already, or is migrating it.
        var rows = await RowsAsIsAsync(command => PrepareHashes(command, events), ReadHash, cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(row => row.Sequence, row => row.Hash);
    }

    private void PrepareHashes(NpgsqlCommand command, IReadOnlyList<IEvent> events)
    {
        command.CommandText = $"SELECT seq_id, hash FROM {_schema}.timeline_chain WHERE seq_id = ANY(@sequences)";
        command.Parameters.AddWithValue("sequences", NpgsqlDbType.Array | NpgsqlDbType.Bigint, events.Select(e => e.Sequence).ToArray());
    }

    private static (long Sequence, string Hash) ReadHash(NpgsqlDataReader reader) => (reader.GetInt64(0), reader.GetString(1));

    // Outside the iterator, since an iterator cannot yield from a try block that catches.
    private async Task<bool> NextAsync<T>(IAsyncEnumerator<T> rows)
    {
        try
        {
            return await rows.MoveNextAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (Translate(e) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>
    /// The query for <paramref name="query"/> in Marten's LINQ over its events: sequence, stream, type, command id
    /// (Marten's causation id), recordedBy (its user name) and recordedAt (its timestamp) are members Marten knows.
    /// </summary>
    private static IQueryable<IEvent> Matching(IQuerySession session, EventQuery query)
    {
        var events = session.Events.QueryAllRawEvents().Where(e => e.Sequence > query.AfterSequence && e.StreamKey != TombstoneStream);
        if (query.UpToSequence is { } upTo)
        {
            events = events.Where(e => e.Sequence <= upTo);
        }
        if (query.Streams is { } streams)
        {
            var ids = streams.Select(s => s.Value).ToArray();
            events = events.Where(e => ids.Contains(e.StreamKey));
        }
        if (query.EventTypes is { } eventTypes)
        {
            var types = eventTypes.ToArray();
            events = events.Where(e => types.Contains(e.EventTypeName));
        }
        if (query.CommandIds is { } commandIds)
        {
            var ids = commandIds.ToArray();
            events = events.Where(e => ids.Contains(e.CausationId));
        }
        if (query.RecordedBy is { } recordedBy)
        {
            events = events.Where(e => e.UserName == recordedBy);
        }
        if (query.RecordedAtOrBefore is { } recordedAtOrBefore)
        {
            // Stored instants are whole microseconds, so comparing with the bound cut down to one is exact, where
            // PostgreSQL would round a finer bound up.
            var bound = RecordedAt.CutDown(recordedAtOrBefore).Instant.ToUniversalTime();
            events = events.Where(e => e.Timestamp <= bound);
        }
        // Marten's LINQ has no members for an event's headers, so the filters on them are SQL fragments inside the
        // LINQ query (MatchesSql), written exactly as the expression indexes of AuditIndexes so PostgreSQL uses them.
        if (query.ReportedFrom is { } reportedFrom)
        {
            events = events.Where(e => e.MatchesSql($"{AuditIndexes.ReportedAtExpression} >= ?", EventQuery.ReportedAtKey(reportedFrom)));
        }
        if (query.ReportedBefore is { } reportedBefore)
        {
            events = events.Where(e => e.MatchesSql($"{AuditIndexes.ReportedAtExpression} < ?", EventQuery.ReportedAtKey(reportedBefore)));
        }
        if (EventQuery.SearchKey(query.Speaker) is { } speaker)
        {
            events = events.Where(e => e.MatchesSql($"{AuditIndexes.SpeakerExpression} LIKE ?", AuditIndexes.Containing(speaker)));
        }
        if (EventQuery.SearchKey(query.Outlet) is { } outlet)
        {
            events = events.Where(e => e.MatchesSql($"{AuditIndexes.OutletExpression} LIKE ?", AuditIndexes.Containing(outlet)));
        }
        events = events.OrderBy(e => e.Sequence);
        return query.Limit is { } limit ? events.Take(limit) : events;
    }

    /// <summary>An event as Marten reads it, with Timeline's envelope from its metadata and headers.</summary>
    private StoredEvent ToStoredEvent(IEvent e, Dictionary<long, string> hashes) => StoredEventOf(EventSource, e, hashes.GetValueOrDefault(e.Sequence));

    /// <summary>An event as Marten reads it, without its hash (which lives in <c>timeline_chain</c>), for the as-of index.</summary>
    private StoredEvent ToStoredEvent(IEvent e) => StoredEventOf(EventSource, e);

    /// <summary>The store, as a message about one of its events names it.</summary>
    private string EventSource => $"the Timeline schema '{_schema}' of {Where}";

    /// <summary>
    /// An event as Marten reads it (or, in a projection, holds it), named for messages by <paramref name="store"/>, with
    /// its chained <paramref name="hash"/> when the caller looked it up.
    /// </summary>
    internal static StoredEvent StoredEventOf(string store, IEvent e, string? hash = null) => EventRow.Read(store, e.Sequence, e, e => new EventRow(
        e.Sequence,
        e.StreamKey ?? string.Empty,
        e.Version,
        e.Id,
        e.EventTypeName,
        e.Data,
        Header(e, Envelope.ReportedAt),
        RecordedAt.Exactly(e.Timestamp),
        e.UserName,
        Header(e, Envelope.Outlet),
        Header(e, Envelope.Url),
        Header(e, Envelope.PublishedAt),
        Header(e, Envelope.Speaker),
        Header(e, Envelope.Quote),
        e.CausationId,
        hash));

    /// <summary>One header as text; Marten reads header values back as JSON elements.</summary>
    private static string? Header(IEvent e, string key) => e.Headers?.GetValueOrDefault(key) switch
    {
        null => null,
        string text => text,
        JsonElement { ValueKind: JsonValueKind.String } text => text.GetString(),
        JsonElement { ValueKind: JsonValueKind.Null } => null,
        var other => throw new InvalidDataException($"its header '{key}' is {other}, not text"),
    };
}
