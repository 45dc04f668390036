using Timeline.Core.Index;
using Timeline.Core.Schedule;
using Timeline.Core.Storage;
using Timeline.Core.Tests.Support;
using Timeline.Domain.Meetings;
using static Timeline.Core.Tests.Support.Seed;

namespace Timeline.Core.Tests.Schedule;

public sealed class SchedulePageTests
{
    /// <summary>The seed reports, plus one undated meeting, which sorts last.</summary>
    private static readonly IReadOnlyList<StoredEvent> Log = BuildLog();

    private static IReadOnlyList<StoredEvent> BuildLog()
    {
        var log = new LogBuilder();
        foreach (var report in SeedLog.Files.SelectMany(f => f))
        {
            log.Append(report);
        }
        log.Append(
            "putin-erdogan-2022",
            new MeetingEvent.MeetingAnnounced("Putin-Erdogan talks", MeetingKind.Bilateral, [new(Putin), new(Name("Recep Tayyip Erdogan"))], null, null, null),
            "2022-09-08");
        return log.Events;
    }

    private static ScheduleDocument Build(GetSchedule query) => GetScheduleHandler.Build(Log, query, Projections.Today);

    private static List<string> PageThrough(GetSchedule query, int limit)
    {
        var ids = new List<string>();
        string? after = null;
        do
        {
            var page = Build(query with { After = after, Limit = limit });
            Assert.True(page.Meetings.Count <= limit);
            Assert.True(page.Next is null || page.Meetings.Count == limit, "only a full page has a next page");
            ids.AddRange(page.Meetings.Select(m => m.Id));
            after = page.Next;
        }
        while (after is not null);
        return ids;
    }

    public static TheoryData<int, string?> Pages() => new()
    {
        { 1, null }, { 2, null }, { 3, "2022-09-10" }, { 5, null }, { 7, "2022-11-12" }, { 100, null },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void Paging_through_the_schedule_gives_every_meeting_once_in_schedule_order(int limit, string? asOf)
    {
        var whole = Build(new GetSchedule(asOf)).Meetings.Select(m => m.Id).ToList();

        var paged = PageThrough(new GetSchedule(asOf), limit);

        Assert.True(whole.Count > 3);
        Assert.Equal(whole, paged);
    }

    [Fact]
    public void An_undated_meeting_comes_last_and_its_page_is_the_last()
    {
        var whole = Build(new GetSchedule()).Meetings;

        var last = Build(new GetSchedule(After: ScheduleCursor.After(whole[^2]).ToString(), Limit: 1));

        Assert.Equal("putin-erdogan-2022", Assert.Single(last.Meetings).Id);
        Assert.Null(last.Next);
    }

    [Theory]
    [InlineData("lavrov", "g20-2022")] // a participant, ignoring case
    [InlineData("collective security", "csto-2022")] // an organization
    [InlineData("erdogan", "putin-erdogan-2022")] // a title
    public void Search_finds_meetings_by_title_organization_and_participant(string text, string expected)
    {
        var found = Build(new GetSchedule(Search: text)).Meetings.Select(m => m.Id).ToList();

        Assert.Contains(expected, found);
        Assert.All(Build(new GetSchedule(Search: text)).Meetings, m => Assert.True(SchedulePage.Matches(m, text)));
        Assert.True(found.Count < Build(new GetSchedule()).Meetings.Count);
    }

    [Fact]
    public void A_search_that_matches_nothing_gives_no_meetings()
    {
        Assert.Empty(Build(new GetSchedule(Search: "no such meeting")).Meetings);
    }
}
