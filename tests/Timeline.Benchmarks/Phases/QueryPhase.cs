using Marten;
using Timeline.Benchmarks.Measuring;
using Timeline.Benchmarks.Report;
using Timeline.Benchmarks.Running;
using Timeline.Benchmarks.TimeTravel;
using Timeline.Cli;
using Timeline.Core.Attendance;
using Timeline.Core.Audit;
using Timeline.Core.History;
using Timeline.Core.Knowledge;
using Timeline.Core.Schedule;
using Timeline.Core.Serialization;
using Timeline.Core.Storage;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;
using Timeline.Store.Marten;

namespace Timeline.Benchmarks.Phases;

/// <summary>
/// The queries: the windowed as-of schedule, the recorded-as-of windowed schedule, one meeting as of D, one
/// participant's calendar feed as of D, one meeting's history, one participant's attendance ledger and the audit by speaker. Each runs in a process of its
/// own: the product first (its peak memory is read right after), then the baseline.
/// </summary>
internal static class QueryPhase
{
    /// <summary>The phase of the windowed as-of schedule, which the growth figure runs again on the smaller archive.</summary>
    public const string Windowed = "query-windowed";

    public static readonly IReadOnlyList<QueryBench> All =
    [
        new(Windowed, Figures.Windowed, "meetings", WindowedAsOf, run => FullReplayWindow(run, Cutoff.Parse(run.Choices.AsOf), null)),
        new("query-recorded", Figures.Recorded, "meetings", RecordedWindow, RecordedBaseline, SameAnswer: false),
        new("query-meeting", Figures.Meeting, "meeting", OneMeeting, OneMeetingByFullReplay),
        new("query-calendar", Figures.Calendar, "meetings", Calendar, CalendarAsBefore),
        new("query-history", Figures.History, "entries", History, StreamRead),
        new("query-attendance", Figures.Attendance, "rows", Attendance, AttendanceByFullReplay),
        new("query-audit", Figures.Audit, "events", AuditBySpeaker, AuditByScan),
    ];

    public static async Task<PhaseResult> RunAsync(QueryBench bench, BenchmarkPlan plan, CancellationToken cancellationToken)
    {
        await using var session = Product.Open(plan);
        var run = new QueryRun(session, plan, cancellationToken);
        QueryAnswer? product = null;
        var productTimes = await plan.Repetitions.MeasureAsync(async _ => product = await bench.Product(run));
        var peak = PeakMemory.Bytes();
        QueryAnswer? baseline = null;
        var baselineTimes = await plan.Repetitions.MeasureAsync(async _ => baseline = await bench.Baseline(run));
        if (bench.SameAnswer ? product!.Key != baseline!.Key : product!.Count != baseline!.Count)
        {
            throw new InvalidOperationException(
                $"{bench.Name}: the product and its baseline disagree ({product.Count} vs {baseline.Count}): product [{Shorten(product.Key)}], baseline [{Shorten(baseline.Key)}]");
        }
        return new PhaseResult(PeakBytes: peak, Product: productTimes.Milliseconds, Baseline: baselineTimes.Milliseconds, Note: $"{product.Count} {bench.Counts}");
    }

    private static string Shorten(string key) => key.Length <= 300 ? key : key[..300] + "…";

    private static QueryAnswer Meetings(IEnumerable<(string Id, MeetingStatus Status, long Version)> meetings)
    {
        var keys = meetings.Select(m => $"{m.Id}:{m.Status}:{m.Version}").Order(StringComparer.Ordinal).ToList();
        return new QueryAnswer(keys.Count, string.Join(",", keys));
    }

    private static async Task<QueryAnswer> WindowedAsOf(QueryRun run)
    {
        var q = run.Choices;
        var schedule = await run.Mediator.Send(new GetSchedule(AsOf: q.AsOf, From: q.WindowFrom, To: q.WindowTo), run.Cancellation);
        return Meetings(schedule.Meetings.Select(m => (m.Id, m.Status, m.Version)));
    }

    private static async Task<QueryAnswer> RecordedWindow(QueryRun run)
    {
        var q = run.Choices;
        var schedule = await run.Mediator.Send(new GetSchedule(RecordedAsOf: run.Plan.RecordedAsOf, From: q.WindowFrom, To: q.WindowTo), run.Cancellation);
        run.LastMeetings = [.. schedule.Meetings.Select(m => m.Id)];
        return Meetings(schedule.Meetings.Select(m => (m.Id, m.Status, m.Version)));
    }

    /// <summary>
    /// Today's algorithm, kept here as the baseline: read the whole log, fold every meeting with
    /// <see cref="TimelineFold.Meetings"/>, then keep those whose dates meet the window.
    /// </summary>
    private static async Task<QueryAnswer> FullReplayWindow(QueryRun run, Cutoff? asOf, Cutoff? recordedAsOf)
    {
        var from = EdtfDate.Parse(run.Choices.WindowFrom).Earliest;
        var to = EdtfDate.Parse(run.Choices.WindowTo).Latest;
        var views = TimelineFold.Meetings(await ReadLogAsync(run), asOf, recordedAsOf)
            .Where(v => v.State.Dates is { } dates && dates.Overlaps(from, to));
        return Meetings(views.Select(v => (v.Id.Value, v.State.Status, v.Version)));
    }

    /// <summary>
    /// PostgreSQL: Marten's own time travel, what a Marten user would write: for each meeting of the window,
    /// <c>AggregateStreamAsync(id, timestamp: T)</c> with a live aggregate. It is handed the window's meeting ids for
    /// free (it has no way to find them). SQLite: the full-replay fold restricted to what was recorded by T.
    /// </summary>
    private static async Task<QueryAnswer> RecordedBaseline(QueryRun run)
    {
        var recordedAsOf = Cutoff.Parse(run.Plan.RecordedAsOf!);
        if (run.Store is not MartenEventStore marten)
        {
            return await FullReplayWindow(run, null, recordedAsOf);
        }
        await using var session = marten.DocumentStore.QuerySession();
        var found = 0;
        foreach (var id in run.LastMeetings)
        {
            var meeting = await session.Events.AggregateStreamAsync<MeetingTimeTravel>(id, timestamp: recordedAsOf.Through(), token: run.Cancellation);
            found += meeting is { State.Exists: true } ? 1 : 0;
        }
        return new QueryAnswer(found, $"{found} meetings folded by Marten");
    }

    /// <summary>One meeting as of D, the way <c>GET /api/meetings/{id}?asOf=D</c> answers it.</summary>
    private static async Task<QueryAnswer> OneMeeting(QueryRun run)
    {
        var q = run.Choices;
        var meeting = await run.Mediator.Send(new GetMeeting(q.MeetingId, AsOf: q.AsOf), run.Cancellation);
        return new QueryAnswer(1, $"{meeting.Id}:{meeting.Status}:{meeting.Dates}:{meeting.Participants.Count}:{meeting.Version}");
    }

    private static async Task<QueryAnswer> OneMeetingByFullReplay(QueryRun run)
    {
        var q = run.Choices;
        var view = TimelineFold.Meetings(await ReadLogAsync(run), Cutoff.Parse(q.AsOf), null).Single(v => v.Id.Value == q.MeetingId);
        return new QueryAnswer(1, $"{view.Id}:{view.State.Status}:{view.State.Dates?.Text}:{view.State.Participants.Count}:{view.Version}");
    }

    /// <summary>
    /// The calendar feed of the participant as of D, the way <c>GET /calendar.ics?participant=P&amp;asOf=D</c> reads it:
    /// one meeting at a time, each reduced to its key as it comes.
    /// </summary>
    private static async Task<QueryAnswer> Calendar(QueryRun run)
    {
        var q = run.Choices;
        var feed = await run.Mediator.Send(new GetCalendar(q.AsOf, Participant: q.Participant), run.Cancellation);
        var keys = new List<string>();
        await foreach (var entry in feed.Entries.WithCancellation(run.Cancellation))
        {
            if (entry.Meeting.Dates is not null)
            {
                keys.Add(CalendarKey(entry.Meeting, entry.LatestReport?.Sequence));
            }
        }
        return CalendarAnswer(keys);
    }

    /// <summary>
    /// The feed as it was read before the index, kept here as the baseline: the schedule folded from the whole log,
    /// then each dated meeting's history for its latest report that is not retracted (one read per meeting).
    /// </summary>
    private static async Task<QueryAnswer> CalendarAsBefore(QueryRun run)
    {
        var q = run.Choices;
        var schedule = GetScheduleHandler.Build(await ReadLogAsync(run), new GetSchedule(q.AsOf, Participant: q.Participant), DateOnly.MaxValue);
        var keys = new List<string>();
        foreach (var meeting in schedule.Meetings.Where(m => m.Dates is not null))
        {
            var history = await run.Mediator.Send(new GetHistory(meeting.Id, q.AsOf), run.Cancellation);
            keys.Add(CalendarKey(meeting, history.Entries.LastOrDefault(e => !e.Retracted)?.Sequence));
        }
        return CalendarAnswer(keys);
    }

    /// <summary>One event of the feed: a dated meeting's id, status, version and latest report.</summary>
    private static string CalendarKey(ScheduledMeeting meeting, long? latest) => $"{meeting.Id}:{meeting.Status}:{meeting.Version}:{latest}";

    private static QueryAnswer CalendarAnswer(List<string> keys)
    {
        keys.Sort(StringComparer.Ordinal);
        return new QueryAnswer(keys.Count, string.Join(",", keys));
    }

    private static async Task<QueryAnswer> History(QueryRun run)
    {
        var history = await run.Mediator.Send(new GetHistory(run.Choices.MeetingId), run.Cancellation);
        return new QueryAnswer(history.Entries.Count, $"{history.Entries.Count} entries to version {history.Version}");
    }

    /// <summary>The meeting's stream read through the store port: what any history must read at least.</summary>
    private static async Task<QueryAnswer> StreamRead(QueryRun run)
    {
        var stream = await run.Store.ReadStreamAsync(MeetingId.Parse(run.Choices.MeetingId), run.Cancellation);
        return new QueryAnswer(stream.Count, $"{stream.Count} entries to version {stream[^1].StreamVersion}");
    }

    private static async Task<QueryAnswer> Attendance(QueryRun run)
    {
        var ledger = await run.Mediator.Send(new GetAttendance(Participant: run.Choices.Participant), run.Cancellation);
        var rows = 0;
        await (ledger with { Rows = ledger.Rows.Select(row => { rows++; return row; }) }).WriteJsonAsync(Discard, run.Cancellation);
        return new QueryAnswer(rows, $"{rows} rows");
    }

    private static async Task<QueryAnswer> AttendanceByFullReplay(QueryRun run)
    {
        var participant = ParticipantName.Parse(run.Choices.Participant);
        var rows = TimelineFold.Meetings(await ReadLogAsync(run), null, null).Count(v => v.State.Find(participant) is not null);
        return new QueryAnswer(rows, $"{rows} rows");
    }

    private static async Task<QueryAnswer> AuditBySpeaker(QueryRun run)
    {
        var audit = await run.Mediator.Send(new GetAudit(Speaker: run.Choices.Speaker), run.Cancellation);
        var events = 0;
        await (audit with { Matching = audit.Matching.Select(e => { events++; return e; }) }).WriteJsonAsync(Discard, run.Cancellation);
        return new QueryAnswer(events, $"{events} events");
    }

    /// <summary>Where the streamed answers are written, as the CLI writes them to standard output: the bytes are made, then dropped.</summary>
    private static ValueTask Discard(ReadOnlyMemory<byte> utf8, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Every event through the store port, matched in memory: the scan an audit without an index amounts to.</summary>
    private static async Task<QueryAnswer> AuditByScan(QueryRun run)
    {
        var key = EventQuery.SearchKey(run.Choices.Speaker)!;
        var count = 0;
        await foreach (var e in run.Store.ReadAllAsync(EventQuery.All, run.Cancellation))
        {
            count += EventQuery.SearchKey(e.Source.Speaker)?.Contains(key, StringComparison.Ordinal) == true ? 1 : 0;
        }
        return new QueryAnswer(count, $"{count} events");
    }

    private static async Task<List<StoredEvent>> ReadLogAsync(QueryRun run)
    {
        var log = new List<StoredEvent>();
        await foreach (var e in run.Store.ReadAllAsync(EventQuery.All, run.Cancellation))
        {
            log.Add(e);
        }
        return log;
    }
}
