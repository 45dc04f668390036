using System.Net;
using Ical.Net.CalendarComponents;
using Timeline.Api.Tests.Hosting;
using IcalCalendar = Ical.Net.Calendar;

namespace Timeline.Api.Tests.Postgres;

/// <summary>GET /api/schedule.ics on PostgreSQL, parsed back with Ical.Net (see <see cref="Calendar.CalendarFeedTests"/>).</summary>
public sealed class PostgresCalendarFeedTests(SeededPostgres seeded) : IClassFixture<SeededPostgres>
{
    [Fact]
    public async Task As_of_12_November_Putins_declined_G20_is_cancelled_and_names_the_latest_source()
    {
        var g20 = Event(await FeedAsync("?participant=Vladimir%20Putin&asOf=2022-11-12"), "g20-2022");

        Assert.Equal("CANCELLED", g20.Status);
        Assert.Contains("Sergey Lavrov", g20.Summary, StringComparison.Ordinal);
        Assert.Contains("Dmitry Peskov", g20.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Today_Putins_G20_is_cancelled_because_he_declined_while_the_held_CSTO_is_confirmed()
    {
        var feed = await FeedAsync("?participant=Vladimir%20Putin");

        Assert.Equal("CANCELLED", Event(feed, "g20-2022").Status);
        Assert.Equal("CONFIRMED", Event(feed, "csto-2022").Status);
    }

    [Fact]
    public async Task As_of_10_September_Putin_is_expected_at_the_G20_over_two_whole_days()
    {
        var g20 = Event(await FeedAsync("?participant=Vladimir%20Putin&asOf=2022-09-10"), "g20-2022");

        Assert.Equal("TENTATIVE", g20.Status);
        Assert.False(g20.DtStart!.HasTime);
        Assert.Equal(new DateOnly(2022, 11, 15), DateOnly.FromDateTime(g20.DtStart.Value));
        Assert.Equal(new DateOnly(2022, 11, 17), DateOnly.FromDateTime(g20.DtEnd!.Value));
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

    private async Task<IcalCalendar> FeedAsync(string query)
    {
        await seeded.HostAsync();
        using var response = await seeded.Reader.GetAsync("/api/schedule.ics" + query, Web.Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        return IcalCalendar.Load(await response.TextAsync())!;
    }

    private static CalendarEvent Event(IcalCalendar calendar, string meetingId) =>
        calendar.Events.Single(e => e.Uid == meetingId + "@timeline");
}
