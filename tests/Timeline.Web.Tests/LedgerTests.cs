using Timeline.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Timeline.Web.Tests;

/// <summary>The Ledger tab: when each attendance was announced versus confirmed, and what came of it.</summary>
public sealed class LedgerTests(WebFixture web)
{
    [Fact]
    public async Task The_ledger_tab_shows_announced_versus_confirmed_with_days_to_confirm_and_outcome()
    {
        await using var session = await web.OpenPageAsync(web.Open);
        var page = session.Page;
        await session.GotoAsync();

        await page.Locator("#tab-ledger").ClickAsync();
        await Expect(page.Locator("#tab-ledger")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page.Locator("#view-ledger")).ToBeVisibleAsync();
        await Expect(page.Locator("#view-timeline")).ToBeHiddenAsync();
        var table = page.Locator("#ledger");
        await Expect(table).ToHaveAttributeAsync("aria-busy", "false");
        await Expect(table.Locator("caption")).ToHaveTextAsync("Vladimir Putin: announced versus confirmed, as known on 9 Dec 2022");

        var rows = table.Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(9);
        var g20 = table.Locator("tr[data-meeting-id=g20-2022][data-participant='Vladimir Putin']");
        await Expect(g20.Locator("td")).ToHaveTextAsync(
            ["15–16 Nov 2022", "Vladimir Putin", "8 Sep 2022 expected", "—", "—", "10 Nov 2022", "declined", "Sergey Lavrov"]);
        var sco = table.Locator("tr[data-meeting-id=sco-2022][data-participant='Vladimir Putin']");
        await Expect(sco.Locator("td")).ToHaveTextAsync(
            ["15–16 Sep 2022", "Vladimir Putin", "8 Sep 2022 planned", "13 Sep 2022", "5", "—", "attended", "—"]);
        await session.ScreenshotAsync("06-ledger");

        // Every participant, not only the chosen one.
        await page.Locator("#ledger-everyone").CheckAsync();
        await Expect(table.Locator("caption")).ToHaveTextAsync("Every participant: announced versus confirmed, as known on 9 Dec 2022");
        await Expect(table.Locator("tbody tr[data-participant='Xi Jinping']").First).ToBeVisibleAsync();

        // A meeting in the ledger opens its history.
        await g20.Locator(".meeting-link").ClickAsync();
        await Expect(page.Locator("#panel")).ToHaveAttributeAsync("data-meeting-id", "g20-2022");

        // The tabs work from the keyboard too.
        await page.Keyboard.PressAsync("Escape");
        await page.Locator("#tab-ledger").FocusAsync();
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(page.Locator("#tab-timeline")).ToBeFocusedAsync();
        await Expect(page.Locator("#view-timeline")).ToBeVisibleAsync();
        session.AssertClean();
    }

    [Fact]
    public async Task The_ledger_follows_the_slider()
    {
        await using var session = await web.OpenPageAsync(web.Open);
        var page = session.Page;
        await session.GotoAsync("asOf=2022-09-10&tab=ledger");
        var table = page.Locator("#ledger");
        await Expect(table).ToHaveAttributeAsync("data-as-of", "2022-09-10");
        await Expect(table.Locator("tr[data-meeting-id=g20-2022]")).ToHaveAttributeAsync("data-outcome", "pending");
        await Expect(table.Locator("tr[data-meeting-id=sco-2022] td").Nth(3)).ToHaveTextAsync("—");

        await session.MoveSliderToAsync(new DateOnly(2022, 11, 12));
        await Expect(table).ToHaveAttributeAsync("data-as-of", "2022-11-12");
        await Expect(table.Locator("tr[data-meeting-id=g20-2022]")).ToHaveAttributeAsync("data-outcome", "declined");
        session.AssertClean();
    }
}
