using System.Net;
using Ical.Net.CalendarComponents;
using Timeline.Api.Tests.Hosting;
using Timeline.Api.Tests.Stores;
using IcalCalendar = Ical.Net.Calendar;

namespace Timeline.Api.Tests.Calendar;

/// <summary>
/// GET /api/schedule.ics, parsed back with Ical.Net. The tests share one store: the seeds, plus a summit announced and
/// cancelled.
/// </summary>
public abstract class CalendarFeedContract(ApiStores stores) : ApiContract<HttpClient>(stores)
{
    protected override bool SharesHost => true;

    private HttpClient Reader => Prepared;

    protected override async Task<HttpClient> PrepareAsync(ApiHost host)
    {
        var editor = await Seeds.PostAllAsEditorAsync(host, "seed-editor");
        using var cancelled = await editor.PostAsync("/api/commands", Seeds.Json("""
            [
              {"command": "AnnounceMeeting", "meetingId": "summit-that-was-not", "reportedAt": "2022-09-01", "title": "A summit that was not",
               "kind": "summit", "dates": "2022-10-20", "participants": ["Vladimir Putin"]},
              {"command": "CancelMeeting", "meetingId": "summit-that-was-not", "reportedAt": "2022-09-05", "reason": "no agreement on the agenda"}
            ]
            """), Web.Cancel);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        return host.Client(await host.KeyAsync("reader", "reader"));
    }

    [Fact]
    public async Task As_of_10_September_Putin_is_expected_at_the_G20_over_two_whole_days()
    {
        var g20 = Event(await FeedAsync("?participant=Vladimir%20Putin&asOf=2022-09-10"), "g20-2022");

        Assert.Equal("TENTATIVE", g20.Status);
        Assert.False(g20.DtStart!.HasTime);
        Assert.Equal(new DateOnly(2022, 11, 15), DateOnly.FromDateTime(g20.DtStart.Value));
        Assert.Equal(new DateOnly(2022, 11, 17), DateOnly.FromDateTime(g20.DtEnd!.Value));
        Assert.Equal("G20 summit: Vladimir Putin expected", g20.Summary);
        Assert.Equal("Bali, Indonesia", g20.Location);
        Assert.Contains("Yury Ushakov", g20.Description, StringComparison.Ordinal);
        Assert.Contains("we will confirm this later", g20.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task As_of_12_November_his_declined_G20_is_cancelled_and_names_the_latest_source()
    {
        var g20 = Event(await FeedAsync("?participant=Vladimir%20Putin&asOf=2022-11-12"), "g20-2022");

        Assert.Equal("CANCELLED", g20.Status);
        Assert.Contains("Sergey Lavrov", g20.Summary, StringComparison.Ordinal);
        Assert.Contains("Dmitry Peskov", g20.Description, StringComparison.Ordinal);
        Assert.Contains("2022-11-10", g20.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_month_precision_meeting_is_a_marked_all_month_event_never_a_day()
    {
        var csto = Event(await FeedAsync("?participant=Vladimir%20Putin&asOf=2022-09-10"), "csto-2022");

        Assert.StartsWith("[dates: Nov 2022] ", csto.Summary, StringComparison.Ordinal);
        Assert.False(csto.DtStart!.HasTime);
        Assert.Equal(new DateOnly(2022, 11, 1), DateOnly.FromDateTime(csto.DtStart.Value));
        Assert.Equal(new DateOnly(2022, 12, 1), DateOnly.FromDateTime(csto.DtEnd!.Value));
        Assert.Equal("2022-11", csto.Properties.Get<string>("X-TIMELINE-DATES"));
        Assert.Equal("month", csto.Properties.Get<string>("X-TIMELINE-PRECISION"));
    }

    [Fact]
    public async Task Held_and_attended_meetings_are_confirmed_and_dated_by_what_was_held()
    {
        var feed = await FeedAsync("?participant=Vladimir%20Putin");

        var csto = Event(feed, "csto-2022");
        Assert.Equal("CONFIRMED", csto.Status);
        Assert.Equal(new DateOnly(2022, 11, 23), DateOnly.FromDateTime(csto.DtStart!.Value));
        Assert.Equal("day", csto.Properties.Get<string>("X-TIMELINE-PRECISION"));
        Assert.DoesNotContain("[dates:", csto.Summary, StringComparison.Ordinal);
        Assert.Equal("CANCELLED", Event(feed, "g20-2022").Status);
    }

    [Fact]
    public async Task Without_a_participant_status_follows_the_meeting()
    {
        var feed = await FeedAsync("?asOf=2022-09-10");

        Assert.Equal("CONFIRMED", Event(feed, "eef-2022").Status);
        Assert.Equal("TENTATIVE", Event(feed, "g20-2022").Status);
        Assert.Equal("G20 summit", Event(feed, "g20-2022").Summary);
        Assert.Equal("CANCELLED", Event(feed, "summit-that-was-not").Status);
    }

    [Fact]
    public async Task Every_dated_meeting_has_one_event_with_a_stable_uid_and_the_clock_as_stamp()
    {
        var feed = await FeedAsync(string.Empty);
        using var schedule = await Reader.GetAsync("/api/schedule", Web.Cancel);
        var ids = (await schedule.JsonAsync())["meetings"]!.AsArray().Where(m => m!["dates"] is not null).Select(m => m!["id"]!.GetValue<string>() + "@timeline");

        Assert.Equal(ids.Order(StringComparer.Ordinal), feed.Events.Select(e => e.Uid!).Order(StringComparer.Ordinal));
        Assert.All(feed.Events, e => Assert.Equal(ApiHost.Start.UtcDateTime, e.DtStamp!.AsUtc));
    }

    [Fact]
    public async Task The_feed_is_text_calendar()
    {
        using var response = await Reader.GetAsync("/api/schedule.ics", Web.Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", await response.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_as_of_gets_400()
    {
        using var response = await Reader.GetAsync("/api/schedule.ics?asOf=someday", Web.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.ProblemAsync()).Errors("asOf"));
    }

    private async Task<IcalCalendar> FeedAsync(string query)
    {
        using var response = await Reader.GetAsync("/api/schedule.ics" + query, Web.Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return IcalCalendar.Load(await response.TextAsync())!;
    }

    private static CalendarEvent Event(IcalCalendar calendar, string meetingId) =>
        calendar.Events.Single(e => e.Uid == meetingId + "@timeline");
}
