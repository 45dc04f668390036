using CsCheck;
using Microsoft.Extensions.Time.Testing;
using Timeline.Core.Index;
using Timeline.Core.Knowledge;
using Timeline.Core.Storage;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;
using static Timeline.Domain.Meetings.MeetingEvent;

namespace Timeline.Store.Contract;

/// <summary>
/// <see cref="IMeetingStateIndex"/>: what the store's index answers equals what <see cref="MeetingStates"/> computes
/// from the store's own log (which the Core property tests hold equal to the fold), for random logs appended through
/// the store, at random knowledge and system times, with every filter; before and after a rebuild.
/// </summary>
public abstract partial class EventStoreContract
{
    private static readonly Gen<(Cutoff? AsOf, Cutoff? RecordedAsOf, int Filter, int Limit)> Points =
        Gen.Select(RandomLogs.AsOf, RandomLogs.RecordedAsOf, Gen.Int[0, 9], Gen.Int[0, 3]);

    [Fact]
    public async Task The_index_answers_as_the_rows_computed_from_the_log_at_random_points_of_random_logs()
    {
        await Gen.Select(RandomLogs.Log(), Points.Array[6, 6]).SampleAsync(async (random, points) =>
        {
            var clock = new FakeTimeProvider(RandomLog.Start);
            var store = NewStore(clock);
            var versions = new Dictionary<MeetingId, long>();
            foreach (var append in random.Appends)
            {
                clock.Advance(TimeSpan.FromMinutes(append.MinutesLater));
                await store.AppendAsync(
                    [.. append.Streams.Select(s => new StreamAppend(s.Stream, versions.GetValueOrDefault(s.Stream), s.Events))], Analyst, Cancel);
                foreach (var (stream, events) in append.Streams)
                {
                    versions[stream] = versions.GetValueOrDefault(stream) + events.Count;
                }
            }
            var log = await store.ReadAllAsync(EventQuery.All, Cancel).ToListAsync(Cancel);
            var rows = log.GroupBy(e => e.Stream).SelectMany(s => MeetingStates.Of([.. s])).ToList();

            await AssertAnswersAsync(store, rows, log, points);
            var rebuilt = await store.RebuildIndexAsync(Cancel);
            Assert.Equal((log.Count, rows.Count, MeetingStates.FormatVersion), (rebuilt.Events, rebuilt.States, rebuilt.FormatVersion));
            await AssertAnswersAsync(store, rows, log, points);
        }, iter: 12);
    }

    [Fact]
    public async Task A_rebuild_of_an_empty_store_writes_nothing_and_says_so()
    {
        Assert.Equal(new IndexRebuild(0, 0, 0, 0, MeetingStates.FormatVersion), await Store.RebuildIndexAsync(Cancel));
        Assert.Empty(await Store.ReadStatesAsync(StateQuery.Now, Cancel));
        Assert.Empty(await Store.ReadReportDaysAsync(null, Cancel));
    }

    [Fact]
    public async Task A_rebuild_of_a_log_of_many_meetings_in_several_appends_answers_as_the_rows_computed_from_the_log()
    {
        // More events than a store folds in one batch (SQLite: 1,024), so the rebuild goes through several: 700
        // meetings announced, then confirmations, then backdated declines of a third of them, each part recorded later.
        var ids = Enumerable.Range(0, 700).Select(i => MeetingId.Parse($"talks-{i:000}")).ToList();
        var putin = ParticipantName.Parse("Vladimir Putin");
        await AppendAsync([.. ids.Select((id, i) => Append(id, 0, Pending(
            new MeetingAnnounced($"Talks {i}", MeetingKind.Bilateral, [new(putin), new(ParticipantName.Parse($"Minister {i % 40}"))], null,
                EdtfDate.Parse($"2022-{1 + (i % 12):00}-{1 + (i % 28):00}"), null), "2022-09-01")))]);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await AppendAsync([.. ids.Select(id => Append(id, 1, Pending(new AttendanceConfirmed(putin, null), "2022-09-10")))]);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await AppendAsync([.. ids.Where((_, i) => i % 3 == 0).Select(id => Append(id, 2, Pending(new AttendanceDeclined(putin, null, null), "2022-09-05")))]);
        var log = await ReadAllAsync(EventQuery.All);
        var rows = log.GroupBy(e => e.Stream).SelectMany(s => MeetingStates.Of([.. s])).ToList();

        var rebuilt = await Store.RebuildIndexAsync(Cancel);

        Assert.Equal(new IndexRebuild(log.Count, ids.Count, rows.Count, MeetingStates.ReportDays(log).Count, MeetingStates.FormatVersion), rebuilt);
        var between = Cutoff.Parse(ClockStart.AddSeconds(90).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        await AssertAnswersAsync(
            Store, rows, log, [(null, null, 0, 0), (Cutoff.Parse("2022-09-07"), null, 1, 0), (null, between, 3, 0), (null, null, 8, 50)]);
    }

    [Fact]
    public async Task A_participant_filter_finds_only_the_states_that_name_them_not_every_state_of_a_meeting_that_ever_did()
    {
        // Putin is named by talks-2 from its announcement, and by talks-1 only from an invitation reported on
        // 12 September and recorded a minute later: before either, talks-1 is not a meeting he is part of.
        var putin = ParticipantName.Parse("Vladimir Putin");
        var (early, late) = (MeetingId.Parse("talks-1"), MeetingId.Parse("talks-2"));
        await AppendAsync(
            Append(early, 0, Pending(new MeetingAnnounced("Talks 1", MeetingKind.Bilateral, [new(ParticipantName.Parse("Xi Jinping"))], null, EdtfDate.Parse("2022-09-20"), null), "2022-09-01")),
            Append(late, 0, Pending(new MeetingAnnounced("Talks 2", MeetingKind.Bilateral, [new(putin)], null, EdtfDate.Parse("2022-09-21"), null), "2022-09-01")));
        var beforeInvitation = Cutoff.Parse(ClockStart.AddSeconds(30).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        Clock.Advance(TimeSpan.FromMinutes(1));
        await AppendAsync(Append(early, 1, Pending(new ParticipantInvited(putin, null), "2022-09-12")));

        async Task<string[]> MeetingsAsync(StateQuery query) =>
            [.. (await Store.ReadStatesAsync(query with { Participant = ParticipantName.Parse("VLADIMIR PUTIN") }, Cancel)).Select(s => s.Meeting.Id)];

        Assert.Equal(["talks-1", "talks-2"], await MeetingsAsync(StateQuery.Now));
        Assert.Equal(["talks-2"], await MeetingsAsync(new StateQuery { AsOf = Cutoff.Parse("2022-09-10") }));
        Assert.Equal(["talks-2"], await MeetingsAsync(new StateQuery { RecordedAsOf = beforeInvitation }));
        Assert.Equal(["talks-2"], await MeetingsAsync(new StateQuery { AsOf = Cutoff.Parse("2022-09-10"), Limit = 1 }));
        Assert.Equal(["talks-1", "talks-2"], await MeetingsAsync(new StateQuery { AsOf = Cutoff.Parse("2022-09-12") }));
    }

    private static async Task AssertAnswersAsync(
        IStore store, List<MeetingStateRow> rows, List<StoredEvent> log, (Cutoff? AsOf, Cutoff? RecordedAsOf, int Filter, int Limit)[] points)
    {
        foreach (var (asOf, recordedAsOf, filter, limit) in points)
        {
            var query = new StateQuery { AsOf = asOf, RecordedAsOf = recordedAsOf, Limit = limit == 0 ? null : limit } with
            {
                Participant = filter == 1 ? ParticipantName.Parse("VLADIMIR PUTIN") : filter == 2 ? ParticipantName.Parse("recep erdoğan") : null,
                From = filter is 3 or 4 ? EdtfDate.Parse("2022-09-16").Earliest : null,
                To = filter == 3 ? EdtfDate.Parse("2022-11").Latest : null,
                Search = filter == 5 ? "SUMMIT" : filter == 6 ? "xi" : null,
                Meetings = filter == 7 ? [MeetingId.Parse("g20-2022"), MeetingId.Parse("sco-2022")] : null,
            };
            var expected = MeetingStates.Select(rows, query);
            Assert.Equal(expected.Select(MeetingStates.Write), (await store.ReadStatesAsync(query, Cancel)).Select(MeetingStates.Write));
            if (expected.Count > 0 && filter == 8)
            {
                var after = query with { After = ScheduleCursor.After(expected[0].Meeting) };
                Assert.Equal(MeetingStates.Select(rows, after).Select(MeetingStates.Write), (await store.ReadStatesAsync(after, Cancel)).Select(MeetingStates.Write));
            }
            Assert.Equal(MeetingStates.CountDays(MeetingStates.ReportDays(log), recordedAsOf), await store.ReadReportDaysAsync(recordedAsOf, Cancel));
        }
    }
}
