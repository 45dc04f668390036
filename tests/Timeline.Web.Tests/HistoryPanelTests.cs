using Timeline.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Timeline.Web.Tests;

/// <summary>Clicking a meeting opens its history: sources, speakers, quotes, who recorded what, and retractions.</summary>
public sealed class HistoryPanelTests(WebFixture web)
{
    [Fact]
    public async Task Clicking_G20_shows_every_report_with_its_source_and_the_retracted_one_struck_through()
    {
        await using var session = await web.OpenPageAsync(web.Open);
        var page = session.Page;
        await session.GotoAsync("asOf=2022-11-12");

        await session.Row("g20-2022").ClickAsync();
        var panel = page.Locator("#panel");
        await Expect(panel).ToBeVisibleAsync();
        await Expect(panel).ToHaveAttributeAsync("data-meeting-id", "g20-2022");
        await Expect(page.Locator("#panel-title")).ToHaveTextAsync("G20 summit");
        await Expect(page.Locator("#panel-meta")).ToContainTextAsync("15–16 Nov 2022 · Bali, Indonesia");

        var entries = panel.Locator(".entry");
        await Expect(entries).ToHaveCountAsync(6);
        await Expect(entries.Locator(".reported")).ToHaveTextAsync(
            ["8 Sep 2022", "8 Sep 2022", "20 Oct 2022", "21 Oct 2022", "10 Nov 2022", "16 Nov 2022"]);

        var expected = entries.Nth(1);
        await Expect(expected).ToContainTextAsync("Vladimir Putin: attendance expected");
        await Expect(expected.Locator(".quote")).ToContainTextAsync("we expect the president to take part, but we will confirm this later");
        await Expect(expected.Locator(".speaker")).ToHaveTextAsync("Yury Ushakov, Kremlin aide");
        await Expect(expected.Locator(".recorded")).ToContainTextAsync($"Recorded by {TimelineServer.EditorName} on 2 Mar 2026, 09:01 UTC");

        var wrong = entries.Nth(2);
        await Expect(wrong).ToHaveAttributeAsync("data-retracted", "true");
        await Expect(wrong.Locator(".retracted-tag")).ToHaveTextAsync("Retracted on 21 Oct 2022: entered against the wrong summit");
        await Expect(wrong.Locator(".summary del")).ToHaveTextAsync("Vladimir Putin: attendance planned");
        await Expect(wrong.Locator(".source")).ToContainTextAsync("an unnamed source · Example Wire");
        await Expect(wrong.Locator(".source a")).ToHaveAttributeAsync("href", "https://example.org/g20-wrong-summit");
        await Expect(wrong.Locator(".source a")).ToHaveAttributeAsync("rel", "noopener noreferrer nofollow");
        var strike = await wrong.Locator(".summary del").EvaluateAsync<string>("e => getComputedStyle(e).textDecorationLine");
        Assert.Contains("line-through", strike, StringComparison.Ordinal);

        await Expect(entries.Nth(3)).ToContainTextAsync("Report retracted");
        await Expect(entries.Nth(4)).ToContainTextAsync("declined, represented by Sergey Lavrov");
        await Expect(entries.Nth(4).Locator(".speaker")).ToHaveTextAsync("Dmitry Peskov, Kremlin spokesman");

        // What was reported after the slider's day is set apart.
        await Expect(panel.Locator(".divider")).ToContainTextAsync("Reported after 12 Nov 2022");
        await Expect(entries.Nth(5)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\blater\b"));
        await Expect(page.Locator("#panel-count")).ToHaveTextAsync("6 reports, 1 retracted");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("meeting=g20-2022"));

        await session.ScreenshotAsync("05-history-g20-2022", fullPage: false);

        await page.Locator("#panel-close").ClickAsync();
        await Expect(panel).ToBeHiddenAsync();
        session.AssertClean();
    }

    [Fact]
    public async Task A_link_to_a_meeting_opens_its_panel_and_the_slider_moves_the_divider()
    {
        await using var session = await web.OpenPageAsync(web.Open);
        var page = session.Page;
        await session.GotoAsync("asOf=2022-09-10&meeting=g20-2022");
        var panel = page.Locator("#panel");
        await Expect(panel.Locator(".entry")).ToHaveCountAsync(6);
        await Expect(panel.Locator(".entry:not(.later)")).ToHaveCountAsync(2);
        await Expect(panel.Locator(".divider")).ToContainTextAsync("Reported after 10 Sep 2022");

        await session.MoveSliderToAsync(new DateOnly(2022, 11, 16));
        await Expect(panel.Locator(".divider")).ToHaveCountAsync(0);
        await Expect(panel.Locator(".entry.later")).ToHaveCountAsync(0);
        session.AssertClean();
    }
}
