using Timeline.Core.Serialization;
using Timeline.Core.Storage;
using Timeline.Domain.Meetings;
using static Timeline.Domain.Meetings.MeetingEvent;
using static Timeline.Store.Contract.Seed;

namespace Timeline.Store.Contract;

public abstract partial class EventStoreContract
{
    private const string Researcher = "researcher";

    private static readonly DateTimeOffset Sept8 = new(2022, 9, 8, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Seven events in three appends, an hour and then a day apart:
    /// <list type="number">
    /// <item>by the analyst: g20 announced (7 Sept, Peskov), Putin expected at g20 (8 Sept 01:00 +03:00, Ushakov),
    /// apec announced (8 Sept, Ushakov in Russian);</item>
    /// <item>by the researcher: asean announced (8 Sept 10:30 Z, SQL-looking source), Putin possible at asean (9 Sept, no source);</item>
    /// <item>by the analyst: Putin confirmed at g20 (10 Nov, Peskov for Reuters), Putin declined at g20 (10 Nov 18:00 +08:00, Ushakov).</item>
    /// </list>
    /// </summary>
    private async Task<IReadOnlyList<StoredEvent>> AppendTheLogAsync()
    {
        var first = await Store.AppendAsync(
            [
                Append(G20, 0, Pending(G20Announced, "2022-09-07", Peskov), Pending(PutinExpected, "2022-09-08T01:00:00+03:00", Ushakov)),
                Append(Apec, 0, Pending(ApecAnnounced, "2022-09-08", UshakovInRussian)),
            ],
            Analyst,
            Cancel);
        Clock.Advance(TimeSpan.FromHours(1));
        var second = await Store.AppendAsync(
            [Append(Asean, 0, Pending(AseanAnnounced, "2022-09-08T10:30:00Z", InjectionLooking), Pending(PutinPossible, "2022-09-09", Source.None))],
            Researcher,
            Cancel);
        Clock.Advance(TimeSpan.FromDays(1));
        var third = await Store.AppendAsync(
            [
                Append(
                    G20,
                    2,
                    Pending(PutinConfirmed, "2022-11-10", new Source(Outlet: "Reuters", Speaker: "Dmitry Peskov")),
                    Pending(PutinDeclined, "2022-11-10T18:00:00+08:00", Ushakov)),
            ],
            Analyst,
            Cancel);
        return [.. first, .. second, .. third];
    }

    private async Task<IReadOnlyList<MeetingEvent>> EventsOfAsync(EventQuery query) =>
        (await ReadAllAsync(query)).Select(e => e.Event).ToList();

    [Fact]
    public async Task Reading_everything_returns_every_event_in_sequence_order()
    {
        var log = await AppendTheLogAsync();

        var all = await ReadAllAsync(EventQuery.All);

        Assert.Equal(log, all);
        Assert.Equal(all.OrderBy(e => e.Sequence), all);
    }

    [Fact]
    public async Task Reading_an_empty_store_returns_nothing()
    {
        Assert.Empty(await ReadAllAsync(EventQuery.All));
    }

    [Fact]
    public async Task The_last_event_is_none_for_an_empty_log_then_the_latest_append()
    {
        Assert.Null(await Store.ReadLastAsync(Cancel));

        var log = await AppendTheLogAsync();

        var last = await Store.ReadLastAsync(Cancel);
        Assert.Equal(log[^1].Sequence, last?.Sequence);
        Assert.Equal(log.Max(e => e.Sequence), last?.Sequence);
        Assert.Equal(log[^1].EventId, last?.EventId);
    }

    [Fact]
    public async Task Reading_by_streams_returns_only_those_meetings()
    {
        await AppendTheLogAsync();

        Assert.Equal(
            [G20Announced, PutinExpected, AseanAnnounced, PutinPossible, PutinConfirmed, PutinDeclined],
            await EventsOfAsync(new EventQuery { Streams = [G20, Asean] }));
        Assert.Equal([ApecAnnounced], await EventsOfAsync(new EventQuery { Streams = [Apec, Sco] }));
    }

    [Fact]
    public async Task Reading_by_an_empty_list_of_streams_or_event_types_returns_nothing()
    {
        await AppendTheLogAsync();

        Assert.Empty(await ReadAllAsync(new EventQuery { Streams = [] }));
        Assert.Empty(await ReadAllAsync(new EventQuery { EventTypes = [] }));
    }

    [Fact]
    public async Task Reading_by_a_list_of_thousands_of_streams_works()
    {
        await AppendTheLogAsync();
        var streams = Enumerable.Range(0, 2_000).Select(i => MeetingId.Parse($"meeting-{i}")).Append(Apec).Prepend(Asean).ToList();

        Assert.Equal([ApecAnnounced, AseanAnnounced, PutinPossible], await EventsOfAsync(new EventQuery { Streams = streams }));
    }

    [Fact]
    public async Task Reading_after_a_sequence_resumes_with_the_next_event_and_up_to_a_sequence_includes_it()
    {
        var log = await AppendTheLogAsync();
        var s = log.Select(e => e.Sequence).ToList();

        Assert.Equal(s[3..], await SequencesOfAsync(new EventQuery { AfterSequence = s[2] }));
        Assert.Equal(s[..3], await SequencesOfAsync(new EventQuery { UpToSequence = s[2] }));
        Assert.Equal(s[2..5], await SequencesOfAsync(new EventQuery { AfterSequence = s[1], UpToSequence = s[4] }));
        Assert.Empty(await SequencesOfAsync(new EventQuery { AfterSequence = s[^1] }));
        Assert.Empty(await SequencesOfAsync(new EventQuery { AfterSequence = s[4], UpToSequence = s[2] }));
    }

    [Fact]
    public async Task Reading_by_event_types_matches_their_stored_names()
    {
        await AppendTheLogAsync();

        Assert.Equal(
            [PutinExpected, PutinPossible],
            await EventsOfAsync(new EventQuery { EventTypes = [EventTypeMap.NameOf(typeof(AttendanceAnnounced))] }));
        Assert.Equal(
            [G20Announced, ApecAnnounced, AseanAnnounced, PutinDeclined],
            await EventsOfAsync(new EventQuery { EventTypes = ["summit-announced.v1", "attendance-declined.v1"] }));
        Assert.Empty(await ReadAllAsync(new EventQuery { EventTypes = ["SummitAnnounced", "summit-announced"] }));
    }

    [Fact]
    public async Task Reading_by_command_ids_returns_the_events_of_those_commands()
    {
        var log = await AppendTheLogAsync();

        Assert.Equal(
            [G20Announced, PutinDeclined],
            await EventsOfAsync(new EventQuery { CommandIds = [log[0].CommandId, log[^1].CommandId, "no-such-command"] }));
        Assert.Equal([PutinPossible], await EventsOfAsync(new EventQuery { CommandIds = [log[4].CommandId], Streams = [Asean] }));
        Assert.Empty(await ReadAllAsync(new EventQuery { CommandIds = [] }));
        Assert.Empty(await ReadAllAsync(new EventQuery { CommandIds = [log[0].CommandId.ToUpperInvariant()] }));
    }

    [Fact]
    public async Task Reading_by_recorder_matches_the_name_exactly()
    {
        await AppendTheLogAsync();

        Assert.Equal([AseanAnnounced, PutinPossible], await EventsOfAsync(new EventQuery { RecordedBy = Researcher }));
        Assert.Equal(5, (await ReadAllAsync(new EventQuery { RecordedBy = Analyst })).Count);
        Assert.Empty(await ReadAllAsync(new EventQuery { RecordedBy = "Researcher" }));
        Assert.Empty(await ReadAllAsync(new EventQuery { RecordedBy = "research" }));
    }

    [Fact]
    public async Task Reading_as_recorded_at_or_before_an_instant_includes_that_instant()
    {
        await AppendTheLogAsync();
        var firstAppend = ClockStartInMicroseconds;
        var secondAppend = firstAppend.AddHours(1);

        Assert.Equal(3, (await ReadAllAsync(new EventQuery { RecordedAtOrBefore = firstAppend })).Count);
        Assert.Equal(3, (await ReadAllAsync(new EventQuery { RecordedAtOrBefore = ClockStart })).Count);
        Assert.Empty(await ReadAllAsync(new EventQuery { RecordedAtOrBefore = firstAppend.AddTicks(-1) }));
        Assert.Equal(3, (await ReadAllAsync(new EventQuery { RecordedAtOrBefore = secondAppend.AddTicks(-1) })).Count);
        Assert.Equal(5, (await ReadAllAsync(new EventQuery { RecordedAtOrBefore = secondAppend.ToOffset(TimeSpan.FromHours(3)) })).Count);
        Assert.Equal(7, (await ReadAllAsync(new EventQuery { RecordedAtOrBefore = DateTimeOffset.MaxValue })).Count);
    }

    [Fact]
    public async Task Reading_by_reported_time_includes_the_start_excludes_the_end_and_compares_instants()
    {
        await AppendTheLogAsync();

        // "2022-09-08T01:00:00+03:00" is 7 Sept 22:00 UTC, so it falls before 8 Sept; a bare day sorts at 00:00 UTC.
        Assert.Equal(
            [ApecAnnounced, AseanAnnounced, PutinPossible, PutinConfirmed, PutinDeclined],
            await EventsOfAsync(new EventQuery { ReportedFrom = Sept8 }));
        Assert.Equal([G20Announced, PutinExpected], await EventsOfAsync(new EventQuery { ReportedBefore = Sept8 }));
        Assert.Equal(
            [ApecAnnounced, AseanAnnounced],
            await EventsOfAsync(new EventQuery { ReportedFrom = Sept8.ToOffset(TimeSpan.FromHours(3)), ReportedBefore = Sept8.AddDays(1) }));
        Assert.Equal(
            [G20Announced, PutinExpected, ApecAnnounced, AseanAnnounced],
            await EventsOfAsync(new EventQuery { ReportedBefore = Sept8.AddHours(10.5).AddTicks(1) }));
        Assert.Equal(
            [PutinPossible, PutinConfirmed, PutinDeclined],
            await EventsOfAsync(new EventQuery { ReportedFrom = Sept8.AddHours(10.5).AddTicks(1) }));
        Assert.Equal(
            [PutinDeclined],
            await EventsOfAsync(new EventQuery { ReportedFrom = new DateTimeOffset(2022, 11, 10, 10, 0, 0, TimeSpan.Zero) }));
    }

    [Fact]
    public async Task Reading_by_speaker_matches_a_case_insensitive_substring_in_any_script()
    {
        await AppendTheLogAsync();

        Assert.Equal([PutinExpected, PutinDeclined], await EventsOfAsync(new EventQuery { Speaker = "USHAKOV" }));
        Assert.Equal([ApecAnnounced], await EventsOfAsync(new EventQuery { Speaker = "ушаков" }));
        Assert.Equal([ApecAnnounced], await EventsOfAsync(new EventQuery { Speaker = "ЮРИЙ УШ" }));
        Assert.Equal([G20Announced, PutinConfirmed], await EventsOfAsync(new EventQuery { Speaker = "peskov" }));
        Assert.Equal([AseanAnnounced], await EventsOfAsync(new EventQuery { Speaker = "drop table" }));
        Assert.Empty(await ReadAllAsync(new EventQuery { Speaker = "Lavrov" }));
    }

    [Fact]
    public async Task Reading_by_outlet_matches_a_case_insensitive_substring_and_wildcards_are_plain_text()
    {
        await AppendTheLogAsync();

        Assert.Equal([PutinExpected, PutinDeclined], await EventsOfAsync(new EventQuery { Outlet = "tass" }));
        Assert.Equal([ApecAnnounced], await EventsOfAsync(new EventQuery { Outlet = "тасс" }));
        Assert.Equal([G20Announced], await EventsOfAsync(new EventQuery { Outlet = "KREMLIN.RU" }));
        Assert.Equal([AseanAnnounced], await EventsOfAsync(new EventQuery { Outlet = "; drop" }));
        Assert.Empty(await ReadAllAsync(new EventQuery { Outlet = "%" }));
        Assert.Empty(await ReadAllAsync(new EventQuery { Outlet = "_" }));
        Assert.Empty(await ReadAllAsync(new EventQuery { Speaker = "%" }));
    }

    [Fact]
    public async Task Reading_with_a_limit_returns_the_first_events_in_sequence_order()
    {
        var log = await AppendTheLogAsync();

        Assert.Equal(log.Take(3), await ReadAllAsync(new EventQuery { Limit = 3 }));
        Assert.Equal(log, await ReadAllAsync(new EventQuery { Limit = 100 }));
        Assert.Empty(await ReadAllAsync(new EventQuery { Limit = 0 }));
        Assert.Equal(
            [PutinConfirmed],
            await EventsOfAsync(new EventQuery { Streams = [G20], AfterSequence = log[1].Sequence, Limit = 1 }));
    }

    [Fact]
    public async Task Reading_page_by_page_with_a_limit_and_the_last_sequence_returns_the_whole_log_once()
    {
        var log = await AppendTheLogAsync();
        var pages = new List<StoredEvent>();

        for (var after = 0L; ;)
        {
            var page = await ReadAllAsync(new EventQuery { AfterSequence = after, Limit = 2 });
            if (page.Count == 0)
            {
                break;
            }
            pages.AddRange(page);
            after = page[^1].Sequence;
        }

        Assert.Equal(log, pages);
    }

    [Fact]
    public async Task Every_filter_combines_with_the_others_by_and()
    {
        await AppendTheLogAsync();

        var declined = await EventsOfAsync(new EventQuery
        {
            Streams = [G20, Apec],
            EventTypes = ["attendance-announced.v1", "attendance-declined.v1"],
            RecordedBy = Analyst,
            ReportedFrom = Sept8,
            Speaker = "ushakov",
            Outlet = "TASS",
            Limit = 5,
        });

        Assert.Equal([PutinDeclined], declined);
    }

    /// <summary>Queries that mix filters, by description.</summary>
    private static readonly Dictionary<string, EventQuery> MixedQueries = new()
    {
        ["g20 as reported before November"] = new EventQuery { Streams = [G20], ReportedBefore = new DateTimeOffset(2022, 11, 1, 0, 0, 0, TimeSpan.Zero) },
        ["the analyst's announcements"] = new EventQuery { RecordedBy = Analyst, EventTypes = ["summit-announced.v1", "attendance-announced.v1"] },
        ["as recorded in the first two hours, reported from 8 Sept"] = new EventQuery { RecordedAtOrBefore = ClockStart.AddHours(2), ReportedFrom = Sept8 },
        ["Ushakov in Russian, after the first event"] = new EventQuery { Speaker = "ушаков", AfterSequence = 1 },
        ["the first of Peskov's at g20"] = new EventQuery { Speaker = "Peskov", Streams = [G20], Limit = 1 },
        ["outlets with a dot, up to the fifth event"] = new EventQuery { Outlet = ".", UpToSequence = 5 },
        ["nothing: the researcher said nothing on g20"] = new EventQuery { RecordedBy = Researcher, Streams = [G20] },
    };

    public static TheoryData<string> MixedQueryDescriptions => [.. MixedQueries.Keys];

    [Theory]
    [MemberData(nameof(MixedQueryDescriptions))]
    public async Task A_query_that_mixes_filters_returns_what_each_filter_says(string description)
    {
        var query = MixedQueries[description];
        var log = await AppendTheLogAsync();
        var expected = log.Where(e => EventQueryMeaning.Matches(e, query)).Take(query.Limit ?? int.MaxValue).Select(e => e.Sequence).ToList();

        Assert.True(expected.Count > 0 || description.StartsWith("nothing", StringComparison.Ordinal), $"'{description}' should select something");
        Assert.Equal(expected, await SequencesOfAsync(query));
    }

    [Fact]
    public async Task A_reader_that_stops_early_does_not_hold_up_later_appends()
    {
        var log = await AppendTheLogAsync();

        await foreach (var first in Store.ReadAllAsync(EventQuery.All, Cancel))
        {
            Assert.Equal(log[0], first);
            break;
        }
        var appended = await AppendAsync(Append(Apec, 1, Pending(PutinExpected)));

        Assert.Equal(log.Count + 1, (await ReadAllAsync(EventQuery.All)).Count);
        Assert.Equal(appended, await ReadAllAsync(new EventQuery { AfterSequence = log[^1].Sequence }));
    }
}
