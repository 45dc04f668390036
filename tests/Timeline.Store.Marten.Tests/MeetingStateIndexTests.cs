using CsCheck;
using Microsoft.Extensions.Time.Testing;
using Timeline.Core.Index;
using Timeline.Core.Knowledge;
using Timeline.Core.Storage;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;
using Timeline.Store.Contract;
using Timeline.Testing.Postgres;

namespace Timeline.Store.Marten.Tests;

/// <summary>
/// The as-of index on PostgreSQL (the inline projection's documents): at random points of random logs its answers are
/// the rows computed from the log itself, after appends and after a rebuild; a restore and a stale format rebuild it.
/// </summary>
public sealed class MeetingStateIndexTests(MartenStoreFixture database) : IClassFixture<MartenStoreFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly Gen<(Cutoff? AsOf, Cutoff? RecordedAsOf, int Filter)> Points =
        Gen.Select(RandomLogs.AsOf, RandomLogs.RecordedAsOf, Gen.Int[0, 7]);

    private static StateQuery Query((Cutoff? AsOf, Cutoff? RecordedAsOf, int Filter) point) => (point.Filter switch
    {
        1 => new StateQuery { Participant = ParticipantName.Parse("VLADIMIR PUTIN") },
        2 => new StateQuery { From = new DateOnly(2022, 9, 16), To = new DateOnly(2022, 10, 31) },
        3 => new StateQuery { Search = "SUMMIT" },
        4 => new StateQuery { Meetings = [MeetingId.Parse("g20-2022"), MeetingId.Parse("apec-2022")] },
        5 => new StateQuery { Limit = 2 },
        6 => new StateQuery { After = new ScheduleCursor(new DateOnly(2022, 9, 15).DayNumber, new DateOnly(2022, 9, 15).DayNumber, "g20-2022"), Limit = 3 },
        7 => new StateQuery { From = new DateOnly(2022, 11, 1), Participant = ParticipantName.Parse("xi jinping") },
        _ => new StateQuery(),
    }) with { AsOf = point.AsOf, RecordedAsOf = point.RecordedAsOf };

    private async Task<MartenEventStore> FilledAsync(RandomLog log)
    {
        var clock = new FakeTimeProvider(RandomLog.Start);
        var store = await database.CreateStoreAsync(clock);
        var versions = new Dictionary<MeetingId, long>();
        foreach (var append in log.Appends)
        {
            // As RandomLog.Stamp moves its clock.
            clock.Advance(TimeSpan.FromMinutes(append.MinutesLater));
            await store.AppendAsync([.. append.Streams.Select(s => new StreamAppend(s.Stream, versions.GetValueOrDefault(s.Stream), s.Events))], "analyst", Cancel);
            foreach (var (stream, events) in append.Streams)
            {
                versions[stream] = versions.GetValueOrDefault(stream) + events.Count;
            }
        }
        return store;
    }

    private static async Task AssertAnswersFromTheLogAsync(MartenEventStore store, IReadOnlyList<(Cutoff?, Cutoff?, int)> points)
    {
        foreach (var point in points)
        {
            var query = Query(point);
            Assert.Equal(
                Json(await MeetingStates.FromLogAsync(store, query, Cancel)),
                Json(await store.ReadStatesAsync(query, Cancel)));
            Assert.Equal(
                await MeetingStates.ReportDaysFromLogAsync(store, query.RecordedAsOf, Cancel),
                await store.ReadReportDaysAsync(query.RecordedAsOf, Cancel));
        }
    }

    private static IEnumerable<string> Json(IEnumerable<MeetingSnapshot> snapshots) => snapshots.Select(MeetingStates.Write);

    private static List<(RandomLog Log, List<(Cutoff?, Cutoff?, int)> Points)> Cases(int count)
    {
        var cases = new List<(RandomLog, List<(Cutoff?, Cutoff?, int)>)>();
        Gen.Select(RandomLogs.Log(), Points.List[6, 6]).Sample((log, points) => cases.Add((log, points)), iter: count, threads: 1);
        return cases;
    }

    [Fact]
    public async Task Pages_follow_the_ordinal_id_order_on_a_database_whose_collation_ignores_hyphens()
    {
        // On such a database (the usual glibc locales, e.g. en_US.UTF-8) "ab-2022" sorts before "a-c-2022"; the
        // schedule's order, and the cursor's, is ordinal, where it sorts after.
        string[] ids = ["ab-2022", "a-c-2022", "ac-2022", "a-d-2022", "a-b-c-2022"];
        var connection = await database.NewAsync(PostgresServer.PunctuationIgnoringCollation);
        await using var store = new MartenEventStore(connection, new FakeTimeProvider(RandomLog.Start), new MartenEventStoreOptions { Schema = database.NewSchema() });
        foreach (var id in ids)
        {
            var announced = new MeetingEvent.MeetingAnnounced($"Talks {id}", MeetingKind.Bilateral, [], null, EdtfDate.Parse("2022-09-15"), null);
            await store.AppendAsync([new StreamAppend(MeetingId.Parse(id), 0, [new PendingEvent(Guid.NewGuid(), announced, ReportedAt.Parse("2022-09-08"), new Source(Speaker: "Yury Ushakov"), $"cmd-{id}")])], "analyst", Cancel);
        }

        var paged = new List<string>();
        ScheduleCursor? after = null;
        for (var page = 0; page < ids.Length + 1; page++)
        {
            var states = await store.ReadStatesAsync(new StateQuery { After = after, Limit = 2 }, Cancel);
            paged.AddRange(states.Select(s => s.Meeting.Id));
            if (states.Count < 2)
            {
                break;
            }
            after = ScheduleCursor.After(states[^1].Meeting);
        }

        Assert.Equal(ids.Order(StringComparer.Ordinal), paged);
    }

    [Fact]
    public async Task At_random_points_of_random_logs_the_index_answers_as_the_log_does_and_again_after_a_rebuild()
    {
        foreach (var (log, points) in Cases(12))
        {
            await using var store = await FilledAsync(log);

            await AssertAnswersFromTheLogAsync(store, points);

            var rebuilt = await store.RebuildIndexAsync(Cancel);
            Assert.Equal(log.Stamp().Count, rebuilt.Events);
            Assert.Equal(MeetingStates.FormatVersion, rebuilt.FormatVersion);
            await AssertAnswersFromTheLogAsync(store, points);
        }
    }

    [Fact]
    public async Task The_rows_are_documents_the_append_wrote_and_a_backdated_report_recomputes_only_its_meeting()
    {
        var (log, _) = Cases(1)[0];
        await using var store = await FilledAsync(log);
        var connection = await database.RequireAsync();
        var table = $"{store.Schema}.{IndexTables.StateTable}";
        var stamped = log.Stamp();
        var expected = stamped.GroupBy(e => e.Stream).Sum(g => MeetingStates.Of([.. g]).Count);
        Assert.True(expected > 0);
        Assert.Equal(expected, await PostgresSql.ScalarAsync<long>(connection, $"SELECT count(*) FROM {table} WHERE NOT mt_deleted"));

        var untouched = await PostgresSql.ScalarAsync<string>(connection, $"SELECT string_agg(id::text || ':' || mt_version::text, ',' ORDER BY id) FROM {table} WHERE meeting_id <> 'sco-2022' AND NOT mt_deleted");
        var version = (await store.ReadStreamAsync(MeetingId.Parse("sco-2022"), Cancel)).Count;
        await store.AppendAsync(
            [new StreamAppend(MeetingId.Parse("sco-2022"), version, [new PendingEvent(Guid.NewGuid(), new MeetingEvent.MeetingRelocated(new Location("Astana", "Kazakhstan")), ReportedAt.Parse("2022-08-01"), new Source(), "cmd-backdated")])],
            "analyst", Cancel);

        Assert.Equal(untouched, await PostgresSql.ScalarAsync<string>(connection, $"SELECT string_agg(id::text || ':' || mt_version::text, ',' ORDER BY id) FROM {table} WHERE meeting_id <> 'sco-2022' AND NOT mt_deleted"));
        Assert.Equal(
            Json(await MeetingStates.FromLogAsync(store, StateQuery.Now, Cancel)),
            Json(await store.ReadStatesAsync(StateQuery.Now, Cancel)));
    }

    [Fact]
    public async Task A_rebuild_is_not_cut_short_by_the_connection_strings_command_timeout()
    {
        // A rebuild's statements take longer the larger the store; here one waits on rows another transaction holds,
        // for longer than the 1 s per statement the connection string allows.
        var (log, points) = Cases(1)[0];
        await using var filled = await FilledAsync(log);
        var limited = new Npgsql.NpgsqlConnectionStringBuilder(await database.RequireAsync()) { CommandTimeout = 1 }.ConnectionString;
        await using var store = new MartenEventStore(limited, new FakeTimeProvider(RandomLog.Start), new() { Schema = filled.Schema });
        await using var holder = new Npgsql.NpgsqlConnection(await database.RequireAsync());
        await holder.OpenAsync(Cancel);
        await using (var transaction = await holder.BeginTransactionAsync(Cancel))
        {
            await using var lockRows = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM (SELECT id FROM {filled.Schema}.{IndexTables.StateTable} FOR UPDATE) AS held", holder, transaction);
            Assert.True((long)(await lockRows.ExecuteScalarAsync(Cancel))! > 0);
            var rebuild = store.RebuildIndexAsync(Cancel);
            await Task.Delay(TimeSpan.FromSeconds(2.5), Cancel);
            Assert.False(rebuild.IsCompleted);
            await transaction.RollbackAsync(Cancel);
            Assert.Equal(log.Stamp().Count, (await rebuild).Events);
        }
        await AssertAnswersFromTheLogAsync(store, points);
    }

    [Fact]
    public async Task A_restored_store_and_a_store_whose_index_format_is_older_are_rebuilt_before_they_answer()
    {
        var (log, points) = Cases(1)[0];
        await using var source = await FilledAsync(log);
        var export = await source.ReadAllAsync(EventQuery.All, Cancel).ToListAsync(Cancel);
        await using var restored = await database.CreateStoreAsync(new FakeTimeProvider(RandomLog.Start));
        await restored.ReadStatesAsync(StateQuery.Now, Cancel);

        await restored.RestoreAsync(export.ToAsyncEnumerable(), Cancel);

        await AssertAnswersFromTheLogAsync(restored, points);
        var connection = await database.RequireAsync();
        await PostgresSql.ScalarAsync<int>(connection, $"DELETE FROM {restored.Schema}.{IndexTables.StateTable}; UPDATE {restored.Schema}.mt_doc_timeline_index_format SET data = jsonb_set(data, '{{version}}', '0')");
        await using var reopened = await database.CreateStoreAsync(new FakeTimeProvider(RandomLog.Start), new() { Schema = restored.Schema });
        await AssertAnswersFromTheLogAsync(reopened, points);
    }
}
