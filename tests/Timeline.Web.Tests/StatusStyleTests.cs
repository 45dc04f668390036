using Timeline.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Timeline.Web.Tests;

/// <summary>
/// What the seeds never show: postponed and cancelled meetings, uncertain and approximate dates, a year-only date and a
/// meeting with no dates, on a server of their own (invented meetings, not diplomatic history).
/// </summary>
public sealed class StatusStyleTests(WebFixture web)
{
    private static readonly string[] Invented =
    [
        """
        [{"command": "AnnounceMeeting", "meetingId": "example-postponed", "reportedAt": "2022-09-01", "title": "Example talks, postponed",
          "kind": "bilateral", "participants": ["Vladimir Putin"], "dates": "2022-10-20", "location": {"city": "Astana", "country": "Kazakhstan"}},
         {"command": "PostponeMeeting", "meetingId": "example-postponed", "reportedAt": "2022-09-20", "dates": "2022-12?", "reason": "to be agreed"}]
        """,
        """
        [{"command": "AnnounceMeeting", "meetingId": "example-cancelled", "reportedAt": "2022-09-01", "title": "Example forum, cancelled",
          "kind": "forum", "participants": [{"name": "Vladimir Putin", "level": "possible"}], "dates": "2022-11-05/2022-11-06"},
         {"command": "ConfirmAttendance", "meetingId": "example-cancelled", "reportedAt": "2022-09-10", "participant": "Vladimir Putin"},
         {"command": "CancelMeeting", "meetingId": "example-cancelled", "reportedAt": "2022-10-01", "reason": "the host withdrew"}]
        """,
        """
        [{"command": "AnnounceMeeting", "meetingId": "example-approximate", "reportedAt": "2022-09-01", "title": "Example visit, dates approximate",
          "kind": "visit", "participants": [{"name": "Vladimir Putin", "level": "expected"}], "dates": "2022-09-28/2022-10-02~"},
         {"command": "AnnounceMeeting", "meetingId": "example-year", "reportedAt": "2022-09-01", "title": "Example summit, some time next year",
          "kind": "summit", "participants": [{"name": "Xi Jinping", "level": "invited"}], "dates": "2023"},
         {"command": "AnnounceMeeting", "meetingId": "example-undated", "reportedAt": "2022-09-01", "title": "Example meeting, no dates yet",
          "kind": "other", "participants": []}]
        """,
    ];

    [Fact]
    public async Task Postponed_is_hatched_cancelled_is_faded_and_struck_and_inexact_dates_say_so()
    {
        Chromium.Require();
        await using var server = await TimelineServer.StartAsync(allowAnonymousRead: true, TestContext.Current.CancellationToken, Invented);
        await using var session = await web.OpenPageAsync(server);
        var page = session.Page;
        await session.GotoAsync();

        var postponed = session.Row("example-postponed");
        await Expect(postponed).ToHaveAttributeAsync("data-status", "postponed");
        await Expect(postponed.Locator(".badge")).ToContainTextAsync("postponed");
        await Expect(postponed.Locator(".meta").First).ToContainTextAsync("Dec 2022 (uncertain)");
        await Expect(postponed.Locator(".reason")).ToHaveTextAsync("postponed: to be agreed");
        var hatching = await postponed.Locator(".bar").EvaluateAsync<string>("e => getComputedStyle(e).backgroundImage");
        Assert.Contains("repeating-linear-gradient", hatching, StringComparison.Ordinal);

        var cancelled = session.Row("example-cancelled");
        await Expect(cancelled).ToHaveAttributeAsync("data-status", "cancelled");
        await Expect(cancelled).ToHaveAttributeAsync("data-attendance", "confirmed");
        var opacity = await cancelled.Locator(".bar").EvaluateAsync<string>("e => getComputedStyle(e).opacity");
        Assert.True(double.Parse(opacity, System.Globalization.CultureInfo.InvariantCulture) < 1, $"a cancelled bar is faded (opacity {opacity})");
        var strike = await cancelled.Locator(".title").EvaluateAsync<string>("e => getComputedStyle(e).textDecorationLine");
        Assert.Contains("line-through", strike, StringComparison.Ordinal);

        await Expect(session.Row("example-approximate").Locator(".meta").First).ToContainTextAsync("28 Sep – 2 Oct 2022 (approximate)");
        await Expect(session.Row("example-year").Locator(".bar")).ToContainTextAsync("year only");
        await Expect(page.Locator("#chart .group-title", new() { HasText = "Sometime in 2023" })).ToBeVisibleAsync();
        await Expect(session.Row("example-undated").Locator(".no-bar")).ToHaveTextAsync("no dates yet");
        await Expect(page.Locator("#chart .group-title").Last).ToContainTextAsync("Dates not known yet");

        await session.ScreenshotAsync("10-statuses-and-inexact-dates");
        session.AssertClean();
    }
}
