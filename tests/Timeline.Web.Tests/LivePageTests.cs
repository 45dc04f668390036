using Timeline.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Timeline.Web.Tests;

/// <summary>
/// The page follows the change feed: a report posted by someone else while the page is open shows on it without a
/// reload, on a server whose reads are open and on one whose reads need a key (which EventSource could not send).
/// Each test has a server of its own holding only the seed article, so what it posts touches no other test.
/// </summary>
public sealed class LivePageTests(WebFixture web)
{
    private const string PutinDeclinesBali = """
        {"command": "DeclineAttendance", "meetingId": "g20-2022", "reportedAt": "2022-11-10", "participant": "Vladimir Putin",
         "representedBy": "Sergey Lavrov", "source": {"speaker": "Dmitry Peskov", "quote": "Lavrov will lead the delegation"}}
        """;

    private static IReadOnlyList<string> Article() =>
        [File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "2022-09-08-ushakov-briefing.json"))];

    [Fact]
    public async Task A_report_posted_while_the_page_shows_the_latest_day_moves_it_to_the_new_day_without_a_reload()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await TimelineServer.StartAsync(allowAnonymousRead: true, ct, Article());
        await using var session = await web.OpenPageAsync(server);
        var page = session.Page;
        await session.GotoAsync();
        await session.WaitForChartAsync("2022-09-08");
        var g20 = session.Row("g20-2022");
        await Expect(g20).ToHaveAttributeAsync("data-attendance", "expected");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-live", "on");
        await page.EvaluateAsync("() => { window.sameDocument = true; }");

        await server.PostAsEditorAsync(PutinDeclinesBali, ct);

        await Expect(session.Slider).ToHaveAttributeAsync("aria-valuetext", "as known on 10 Nov 2022");
        await session.WaitForChartAsync("2022-11-10");
        await Expect(g20).ToHaveAttributeAsync("data-attendance", "declined");
        await Expect(g20.Locator(".att-text")).ToHaveTextAsync("declined (Sergey Lavrov)");
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page was reloaded");
        await session.ScreenshotAsync("live-01-report-landed");
        session.AssertClean();
    }

    [Fact]
    public async Task With_a_key_the_page_follows_too_and_an_earlier_day_shown_stays_while_the_new_day_joins_the_slider()
    {
        var ct = TestContext.Current.CancellationToken;
        var samarkand = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "later", "2022-09-samarkand.json"));
        await using var server = await TimelineServer.StartAsync(allowAnonymousRead: false, ct, [.. Article(), samarkand]);
        await using var session = await web.OpenPageAsync(server);
        var page = session.Page;
        await page.GotoAsync("/#asOf=2022-09-08");
        await page.Locator("#key-input").FillAsync(server.ReaderKey);
        await page.Keyboard.PressAsync("Enter");
        await session.WaitForChartAsync("2022-09-08");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-live", "on");
        await page.EvaluateAsync("() => { window.sameDocument = true; }");

        await server.PostAsEditorAsync(PutinDeclinesBali, ct);

        await Expect(page.Locator("#compare option[value=\"2022-11-10\"]")).ToBeAttachedAsync();
        await Expect(page.Locator("#asof-max")).ToHaveTextAsync("10 Nov 2022");
        await Expect(session.Slider).ToHaveAttributeAsync("aria-valuetext", "as known on 8 Sep 2022");
        await Expect(session.Row("g20-2022")).ToHaveAttributeAsync("data-attendance", "expected");
        await session.MoveSliderToAsync(new DateOnly(2022, 11, 10));
        await Expect(session.Row("g20-2022")).ToHaveAttributeAsync("data-attendance", "declined");
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page was reloaded");
        session.AssertClean(401);
    }
}
