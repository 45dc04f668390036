using System.Text.Json;
using CsCheck;
using Timeline.Core.History;
using Timeline.Core.Index;
using Timeline.Core.Knowledge;
using Timeline.Core.Schedule;
using Timeline.Core.Serialization;
using Timeline.Core.Storage;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;
using Timeline.Store.Contract;

namespace Timeline.Core.Tests.Index;

/// <summary>
/// The as-of index's rows answer every question exactly as the fold does, for random logs (backdated reports,
/// retractions, appends in any order, shared recordedAt) at random knowledge and system times.
/// </summary>
public sealed class MeetingStatesTests
{
    private const long Iterations = 400;
    private static readonly DateOnly Today = new(2022, 10, 1);

    private static readonly Gen<(RandomLog Log, Cutoff? AsOf, Cutoff? RecordedAsOf, int Filter)> Cases =
        Gen.Select(RandomLogs.Log(), RandomLogs.AsOf, RandomLogs.RecordedAsOf, Gen.Int[0, 9]);

    [Fact]
    public async Task A_rebuild_folds_every_stream_of_a_log_as_Of_does_in_the_log_order_over_several_batches()
    {
        await RandomLogs.Log().SampleAsync(async random =>
        {
            // The random log's meetings again and again under other ids: more events than two batches hold.
            var stamped = random.Stamp();
            var copies = (2 * MeetingStates.RebuildBatchEvents / stamped.Count) + 1;
            List<StoredEvent> log = [.. Enumerable.Range(0, copies)
                .SelectMany(copy => stamped.Select(e => e with { Stream = MeetingId.Parse($"{e.Stream.Value}-{copy:000}") }))
                .OrderBy(e => e.Stream.Value, StringComparer.Ordinal).ThenBy(e => e.StreamVersion)];
            var streams = log.GroupBy(e => e.Stream).ToList();

            var folded = new List<FoldedStream>();
            await foreach (var batch in MeetingStates.FoldAllAsync(log.ToAsyncEnumerable(), TestContext.Current.CancellationToken))
            {
                folded.AddRange(batch);
            }

            Assert.Equal(streams.Count, folded.Count);
            Assert.Equal(streams.Select(s => s.Count()), folded.Select(f => f.Events));
            Assert.Equal(streams.Select(s => Json(MeetingStates.Of([.. s]))), folded.Select(f => Json(f.Rows)));
            Assert.Equal(streams.Select(s => Json(MeetingStates.ReportDays(s))), folded.Select(f => Json(f.Days)));
            var tally = new RebuildTally();
            folded.ForEach(tally.Add);
            Assert.Equal(
                new IndexRebuild(log.Count, streams.Count, folded.Sum(f => f.Rows.Count), MeetingStates.ReportDays(log).Count, MeetingStates.FormatVersion),
                tally.Result());
            Assert.Equal(Json(MeetingStates.ReportDays(log)), Json(tally.Days.OrderBy(d => d.Day).ThenBy(d => d.RecordedAt)));
        }, iter: 8);
    }

    [Fact]
    public void The_schedule_from_the_rows_equals_the_schedule_folded_from_the_log()
    {
        Cases.Sample(c =>
        {
            var log = c.Log.Stamp();
            var (participant, from, to) = c.Filter switch
            {
                1 => ("VLADIMIR PUTIN", null, null),
                2 => ("recep erdoğan", null, null),
                3 => (null, "2022-09-16", "2022-10"),
                4 => (null, "2022-11", null),
                5 => ("Xi Jinping", null, "2022-09-15"),
                _ => ((string?)null, (string?)null, (string?)null),
            };
            var query = new GetSchedule(c.AsOf?.Text, c.RecordedAsOf?.Text, participant, from, to);
            var folded = GetScheduleHandler.Build(log, query, Today).Meetings;

            var states = MeetingStates.Select(Rows(log), new StateQuery
            {
                AsOf = c.AsOf,
                RecordedAsOf = c.RecordedAsOf,
                Participant = participant is null ? null : ParticipantName.Parse(participant),
                From = from is null ? null : EdtfDate.Parse(from).Earliest,
                To = to is null ? null : EdtfDate.Parse(to).Latest,
            });
            var day = Overdue.Day(c.AsOf, Today);
            Assert.Equal(Json(folded), Json(states.Select(s => s.Meeting with { Overdue = Overdue.Is(s.Meeting.Status, s.Meeting.Latest, day) })));
        }, iter: Iterations);
    }

    [Fact]
    public void Each_state_carries_the_attendance_facts_and_the_latest_report_the_log_shows()
    {
        Cases.Sample(c =>
        {
            var log = c.Log.Stamp();
            var views = TimelineFold.Meetings(log, c.AsOf, c.RecordedAsOf).ToDictionary(v => v.Id.Value);
            var states = MeetingStates.Select(Rows(log), new StateQuery { AsOf = c.AsOf, RecordedAsOf = c.RecordedAsOf });
            Assert.Equal(views.Keys.Order(StringComparer.Ordinal), states.Select(s => s.Meeting.Id).Order(StringComparer.Ordinal));
            foreach (var state in states)
            {
                var view = views[state.Meeting.Id];
                Assert.Equal(
                    view.State.Participants.Select(p => (p.Name.Value, view.AttendanceOf(p.Name).AnnouncedLevel, view.AttendanceOf(p.Name).DeclinedAt?.Text)),
                    state.Statements.Select(s => (s.Participant, s.AnnouncedLevel, s.DeclinedAt)));
                var history = GetHistoryHandler.Build(view.Id, log, new GetHistory(view.Id.Value, c.AsOf?.Text, c.RecordedAsOf?.Text));
                var latest = history.Entries.LastOrDefault(e => !e.Retracted);
                Assert.Equal(latest?.Sequence, state.LatestReport?.Sequence);
                Assert.Equal(latest?.Summary, state.LatestReport?.Summary);
                Assert.Equal(latest?.ReportedAt, state.LatestReport?.ReportedAt);
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Pages_of_any_size_put_together_give_the_whole_answer_and_search_finds_what_the_fields_contain()
    {
        Gen.Select(Cases, Gen.Int[1, 3], Gen.OneOf("putin", "SUMMIT", "xi", "g20", "ğ", "zzz")).Sample((c, size, text) =>
        {
            var rows = Rows(c.Log.Stamp());
            var query = new StateQuery { AsOf = c.AsOf, RecordedAsOf = c.RecordedAsOf };
            var whole = MeetingStates.Select(rows, query);
            var paged = new List<MeetingSnapshot>();
            for (var page = MeetingStates.Select(rows, query with { Limit = size }); page.Count > 0;
                 page = MeetingStates.Select(rows, query with { Limit = size, After = ScheduleCursor.After(page[^1].Meeting) }))
            {
                Assert.True(page.Count <= size);
                paged.AddRange(page);
                Assert.True(ScheduleCursor.TryParse(ScheduleCursor.After(page[^1].Meeting).ToString(), out var cursor));
                Assert.Equal(ScheduleCursor.After(page[^1].Meeting), cursor);
            }
            Assert.Equal(Json(whole.Select(s => s.Meeting)), Json(paged.Select(s => s.Meeting)));

            var found = MeetingStates.Select(rows, query with { Search = text });
            var expected = whole.Where(s =>
                s.Meeting.Title.Contains(text, StringComparison.OrdinalIgnoreCase)
                || (s.Meeting.Organization ?? "").Contains(text, StringComparison.OrdinalIgnoreCase)
                || s.Meeting.Participants.Any(p => p.Name.Contains(text, StringComparison.OrdinalIgnoreCase)));
            Assert.Equal(Json(expected.Select(s => s.Meeting)), Json(found.Select(s => s.Meeting)));
        }, iter: Iterations);
    }

    [Fact]
    public void The_schedule_s_pages_and_searches_from_the_index_equal_the_fold_s_next_cursors_included()
    {
        string?[] texts = [null, "putin", "SUMMIT", "xi", "zzz"];
        Gen.Select(Cases, Gen.Int[1, 3], Gen.Int[0, texts.Length - 1]).Sample((c, size, text) =>
        {
            var log = c.Log.Stamp();
            var rows = Rows(log);
            var query = new GetSchedule(c.AsOf?.Text, c.RecordedAsOf?.Text, Search: texts[text], Limit: size);
            for (var pages = 1; ; pages++)
            {
                var folded = GetScheduleHandler.Build(log, query, Today);
                var indexed = GetScheduleHandler.Document(MeetingStates.Select(rows, GetScheduleHandler.PageOf(query)), query, Today);
                Assert.Equal(Json([folded]), Json([indexed]));
                if (folded.Next is null)
                {
                    break;
                }
                Assert.True(pages < 100, "the pages never end");
                query = query with { After = folded.Next };
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Each_meeting_s_rows_never_overlap_and_an_append_in_report_order_only_closes_the_last_interval()
    {
        RandomLogs.Log().Sample(random =>
        {
            foreach (var stream in random.Stamp().GroupBy(e => e.Stream))
            {
                var rows = MeetingStates.Of([.. stream]);
                foreach (var (a, i) in rows.Select((r, i) => (r, i)))
                {
                    Assert.True(a.ReportedFrom < a.ReportedTo && a.RecordedFrom < a.RecordedTo, $"empty interval {a}");
                    Assert.DoesNotContain(rows.Skip(i + 1), b =>
                        a.ReportedFrom < b.ReportedTo && b.ReportedFrom < a.ReportedTo && a.RecordedFrom < b.RecordedTo && b.RecordedFrom < a.RecordedTo);
                }
            }
        }, iter: Iterations);

        // Three reports of one meeting, appended in report order: each append closes one row and opens two.
        var log = new Support.LogBuilder();
        log.Append("g20-2022", Support.Seed.G20Announced, "2022-09-08");
        log.Append("g20-2022", new MeetingEvent.AttendanceAnnounced(Support.Seed.Putin, AttendanceLevel.Expected, null), "2022-09-10");
        log.Append("g20-2022", new MeetingEvent.AttendanceConfirmed(Support.Seed.Putin, null), "2022-09-12");
        var g20 = MeetingStates.Of([.. log.Events]);
        Assert.Equal(5, g20.Count);
        Assert.Equal(3, g20.Count(r => r.RecordedTo == MeetingStates.Open));
    }

    [Fact]
    public void Report_days_from_the_rows_count_every_event_recorded_by_then_on_its_reported_day()
    {
        Gen.Select(RandomLogs.Log(), RandomLogs.RecordedAsOf).Sample((random, recordedAsOf) =>
        {
            var log = random.Stamp();
            var expected = log
                .Where(e => recordedAsOf is null || recordedAsOf.Includes(e.RecordedAt))
                .GroupBy(e => e.ReportedAt.Day)
                .OrderBy(g => g.Key)
                .Select(g => new ReportDay(g.Key, g.Count()));
            Assert.Equal(expected, MeetingStates.CountDays(MeetingStates.ReportDays(log), recordedAsOf));
        }, iter: Iterations);
    }

    [Fact]
    public void A_snapshot_reads_back_as_it_was_written()
    {
        RandomLogs.Log().Sample(random =>
        {
            foreach (var row in Rows(random.Stamp()))
            {
                Assert.Equal(row.Snapshot, MeetingStates.Write(MeetingStates.Read(row.Snapshot)));
            }
        }, iter: 100);
    }

    [Fact]
    public void A_snapshot_with_every_field_reads_back_as_System_Text_Json_reads_it()
    {
        var meeting = new ScheduledMeeting(
            "g20-2022-bali", "G20 \"summit\" in Bali", MeetingKind.Summit, "G20", MeetingStatus.Postponed, "the host asked", "2022-11-15/2022-11-16",
            new Location("Nusa Dua", "Indonesia"), "apec-2022", ["Joko Widodo"],
            [
                new ScheduledParticipant("Vladimir Putin", AttendanceLevel.Declined, AttendanceMode.Virtual, "Sergey Lavrov", "2022-09-01", "2022-09-02", "2022-11-10T08:00:00Z"),
                new ScheduledParticipant("Xi Jinping", AttendanceLevel.Confirmed, null, null, null, null, null),
            ],
            9)
        { Earliest = new DateOnly(2022, 11, 15), Latest = new DateOnly(2022, 11, 16) };
        var snapshot = new MeetingSnapshot(
            meeting,
            [new AttendanceStatement("Vladimir Putin", AttendanceLevel.Expected, "2022-11-10T08:00:00Z"), new AttendanceStatement("Xi Jinping", null, null)],
            new LatestReport(42, "2022-11-10", "declined: Vladimir Putin", new Source("TASS", "https://tass.com/1", "2022-11-10", "Dmitry Peskov", "He will not go")));
        var written = MeetingStates.Write(snapshot);

        var read = MeetingStates.Read(written);

        Assert.Equal(written, MeetingStates.Write(read));
        Assert.Equal(Json([JsonSerializer.Deserialize<MeetingSnapshot>(written, TimelineJson.Stored)]), Json([read]));
        Assert.Equal(Json([snapshot]), Json([read]));
    }

    [Theory]
    [InlineData("""{"statements":[]}""")]
    [InlineData("""{"meeting":{"id":"m","title":"t","kind":"summit","status":"scheduled","hosts":[],"participants":[]},"statements":[]}""")]
    [InlineData("""{"meeting":{"id":"m","title":"t","kind":"picnic","status":"scheduled","hosts":[],"participants":[],"version":1},"statements":[]}""")]
    [InlineData("""{"meeting":{"id":"m","title":7,"kind":"summit","status":"scheduled","hosts":[],"participants":[],"version":1},"statements":[]}""")]
    [InlineData("""{"meeting":{"id":"m","title":"t","kind":"summit","status":"scheduled","hosts":[],"participants":[],"version":1},"statements":[{"announcedLevel":"expected"}]}""")]
    [InlineData("""[]""")]
    public void A_snapshot_that_lacks_a_field_or_holds_a_wrong_value_is_refused(string json) =>
        Assert.ThrowsAny<JsonException>(() => MeetingStates.Read(json));

    [Fact]
    public void A_snapshot_with_a_property_this_code_does_not_know_is_read_without_it()
    {
        var read = MeetingStates.Read("""
            {"meeting":{"id":"m","title":"t","kind":"summit","status":"scheduled","hosts":[],"participants":[],"version":1,"later":{"a":[1]}},"statements":[],"extra":1}
            """);

        Assert.Equal(("m", 1L, (LatestReport?)null), (read.Meeting.Id, read.Meeting.Version, read.LatestReport));
    }

    private static List<MeetingStateRow> Rows(IReadOnlyList<StoredEvent> log) =>
        [.. log.GroupBy(e => e.Stream).SelectMany(stream => MeetingStates.Of([.. stream]))];

    private static string Json<T>(IEnumerable<T> items) => JsonSerializer.Serialize(items.ToList(), TimelineJson.Output);
}
