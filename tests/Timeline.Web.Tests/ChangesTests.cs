using Timeline.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Timeline.Web.Tests;

/// <summary>
/// "Compare with" beside the slider marks what changed between two days, and a click shows the reports that changed
/// it; meetings whose sources disagree and meetings overdue for an outcome carry a marker in words.
/// </summary>
public sealed class ChangesTests(WebFixture web)
{
    /// <summary>
    /// The seed article, then two sources at odds about Putin at the G20 (invented for the test, not history), and no
    /// word on Samarkand: by 3 Oct 2022 the SCO summit's dates have passed with no outcome reported.
    /// </summary>
    private static IReadOnlyList<string> DisagreeingSources() =>
    [
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "2022-09-08-ushakov-briefing.json")),
        """
        [{"command": "AnnounceAttendance", "meetingId": "g20-2022", "reportedAt": "2022-10-01", "participant": "Vladimir Putin",
          "level": "planned", "mode": "in-person", "source": {"outlet": "TASS", "speaker": "Dmitry Peskov", "quote": "the president will go to Bali"}},
         {"command": "ConfirmAttendance", "meetingId": "g20-2022", "reportedAt": "2022-10-03", "participant": "Vladimir Putin",
          "mode": "virtual", "source": {"outlet": "Example Wire", "quote": "he will speak by video link"}}]
        """,
    ];

    [Fact]
    public async Task Comparing_12_Nov_with_8_Sep_marks_the_G20_and_Samarkand_and_a_click_shows_Peskovs_report()
    {
        await using var session = await web.OpenPageAsync(web.Open);
        var page = session.Page;
        await session.GotoAsync("asOf=2022-11-12");

        var compare = page.Locator("#compare");
        await Expect(compare).ToBeEnabledAsync();
        await Expect(compare.Locator("option").First).ToHaveTextAsync("nothing");
        await compare.SelectOptionAsync("2022-09-08");
        await Expect(page.Locator("#chart")).ToHaveAttributeAsync("data-compare", "2022-09-08|2022-11-12");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("compare=2022-09-08"));

        var g20 = session.Row("g20-2022");
        await Expect(g20).ToHaveAttributeAsync("data-change", "changed");
        await Expect(g20.Locator(".diff-tag")).ToHaveTextAsync("Δ changed");
        await Expect(g20.Locator(".cell.att .was")).ToHaveTextAsync("was expected");
        await Expect(g20.Locator(".cell.att")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bfield-changed\b"));
        await Expect(g20).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("Changed between 8 Sep 2022 and 12 Nov 2022: Vladimir Putin’s attendance: expected → declined"));

        var sco = session.Row("sco-2022");
        await Expect(sco).ToHaveAttributeAsync("data-change", "changed");
        await Expect(sco.Locator(".title-line .was")).ToHaveTextAsync("was scheduled");
        await Expect(session.Row("kazakhstan-2022-10").Locator(".meta.was")).ToHaveTextAsync("dates were Oct 2022");
        // Nothing new about the CSTO between the two days: no mark.
        await Expect(session.Row("csto-2022")).Not.ToHaveAttributeAsync("data-change", new System.Text.RegularExpressions.Regex("."));
        await Expect(session.Row("csto-2022").Locator(".diff-tag")).ToHaveCountAsync(0);
        await Expect(page.Locator("#summary")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"Δ 5 meetings changed between 8 Sep 2022 and 12 Nov 2022\.$"));
        await session.ScreenshotAsync("11-compare-with-8-sep");

        await g20.ClickAsync();
        var changes = page.Locator("#panel-changes");
        await Expect(changes).ToBeVisibleAsync();
        await Expect(changes.Locator("h3")).ToHaveTextAsync("Δ Changed between 8 Sep 2022 and 12 Nov 2022");
        await Expect(changes.Locator(".change-fields li")).ToHaveTextAsync(
            ["Vladimir Putin’s attendance: expected → declined", "Vladimir Putin’s stand-in: Sergey Lavrov"]);
        var report = changes.Locator(".change-report");
        await Expect(report).ToHaveCountAsync(1);
        await Expect(report).ToContainTextAsync("10 Nov 2022 · Dmitry Peskov, Kremlin spokesman · Vladimir Putin: declined, represented by Sergey Lavrov");
        // The same report is marked in the history below.
        var entry = page.Locator("#panel-entries .entry.in-change");
        await Expect(entry).ToHaveCountAsync(1);
        await Expect(entry.Locator(".in-change-tag")).ToHaveTextAsync("Δ in this change");
        await Expect(entry).ToContainTextAsync("declined, represented by Sergey Lavrov");
        await session.ScreenshotAsync("12-what-changed-at-the-g20", fullPage: false);

        // Back to comparing nothing: the marks go.
        await page.Keyboard.PressAsync("Escape");
        await compare.SelectOptionAsync("");
        await Expect(page.Locator("#chart")).ToHaveAttributeAsync("data-compare", "");
        await Expect(page.Locator("#chart .diff-tag")).ToHaveCountAsync(0);
        session.AssertClean();
    }

    [Fact]
    public async Task A_compared_day_after_the_slider_shows_what_was_still_to_come_and_survives_a_reload()
    {
        await using var session = await web.OpenPageAsync(web.Open);
        var page = session.Page;
        await session.GotoAsync("asOf=2022-09-10&compare=2022-11-10");

        await Expect(page.Locator("#compare")).ToHaveValueAsync("2022-11-10");
        await Expect(page.Locator("#chart")).ToHaveAttributeAsync("data-compare", "2022-09-10|2022-11-10");
        await Expect(session.Row("g20-2022")).ToHaveAttributeAsync("data-change", "changed");
        await Expect(session.Row("g20-2022").Locator(".att-text")).ToHaveTextAsync("expected");
        session.AssertClean();
    }

    [Fact]
    public async Task Meetings_whose_sources_disagree_and_meetings_overdue_for_an_outcome_are_marked_in_words()
    {
        Chromium.Require();
        await using var server = await TimelineServer.StartAsync(allowAnonymousRead: true, TestContext.Current.CancellationToken, DisagreeingSources());
        await using var session = await web.OpenPageAsync(server);
        var page = session.Page;
        await session.GotoAsync();
        await Expect(page.Locator("#asof-text")).ToHaveTextAsync("3 Oct 2022");

        var g20 = session.Row("g20-2022");
        await Expect(g20).ToHaveAttributeAsync("data-conflicts", "1");
        await Expect(g20.Locator(".conflict-tag")).ToHaveTextAsync("⚠ sources disagree");
        await Expect(g20.Locator(".conflict-tag")).ToHaveAttributeAsync("title", "sources disagree on Vladimir Putin’s mode");
        await Expect(page.Locator("#summary")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"⚠ Sources disagree about 1 meeting\.$"));
        // Asked for the meetings drawn, by name (only their streams are read), never for the whole log.
        var asked = session.Requests.Where(u => u.Contains("/api/conflicts?", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(asked);
        Assert.All(asked, u => Assert.Contains("&meeting=g20-2022", u, StringComparison.Ordinal));

        var sco = session.Row("sco-2022");
        await Expect(sco).ToHaveAttributeAsync("data-overdue", "true");
        await Expect(sco.Locator(".overdue-tag")).ToHaveTextAsync("dates passed; outcome not reported");
        await Expect(g20).ToHaveAttributeAsync("data-overdue", "false");
        await Expect(g20.Locator(".overdue-tag")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("13-disagreeing-sources-and-overdue");

        await g20.ClickAsync();
        var conflicts = page.Locator("#panel-conflicts");
        await Expect(conflicts).ToBeVisibleAsync();
        await Expect(conflicts.Locator("h3")).ToHaveTextAsync("⚠ Sources disagree (1)");
        var conflict = conflicts.Locator(".conflict");
        await Expect(conflict.Locator(".conflict-fact")).ToHaveTextAsync("Vladimir Putin’s mode, 2 days apart:");
        await Expect(conflict.Locator(".side")).ToHaveTextAsync(
            ["in-person (1 Oct 2022, Dmitry Peskov, TASS)“the president will go to Bali”", "virtual (3 Oct 2022, Example Wire)“he will speak by video link”"]);
        await page.Keyboard.PressAsync("Escape");

        // A week earlier neither had spoken, and Samarkand was still ahead.
        await session.MoveSliderToAsync(new DateOnly(2022, 9, 12));
        await Expect(g20.Locator(".conflict-tag")).ToHaveCountAsync(0);
        await Expect(sco).ToHaveAttributeAsync("data-overdue", "false");

        await session.MoveSliderToAsync(new DateOnly(2022, 10, 3));
        await page.Locator("#tab-ledger").ClickAsync();
        var ledgerSco = page.Locator("#ledger tr[data-meeting-id=sco-2022][data-participant='Vladimir Putin']");
        await Expect(ledgerSco).ToHaveAttributeAsync("data-overdue", "true");
        await Expect(ledgerSco.Locator(".overdue-note")).ToHaveTextAsync("dates passed; outcome not reported");
        session.AssertClean();
    }
}
