using Microsoft.Playwright;
using Timeline.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Timeline.Web.Tests;

/// <summary>The timeline at /: rows, bars, legend, the participant picker and the "as known on" slider.</summary>
public sealed class TimelinePageTests(WebFixture web)
{
    [Fact]
    public async Task The_page_opens_on_the_latest_day_with_a_row_per_meeting_grouped_by_month()
    {
        await using var session = await web.OpenPageAsync(web.Open);
        var page = session.Page;
        await session.GotoAsync();

        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("Timeline"));
        // The slider spans the reportedAt range of the log, 8 Sep to 9 Dec 2022, and starts at its end.
        await Expect(page.Locator("#asof-min")).ToHaveTextAsync("8 Sep 2022");
        await Expect(page.Locator("#asof-max")).ToHaveTextAsync("9 Dec 2022");
        await Expect(session.Slider).ToHaveAttributeAsync("aria-valuetext", "as known on 9 Dec 2022");
        await Expect(page.Locator("#asof-text")).ToHaveTextAsync("9 Dec 2022");
        await Expect(page.Locator("#asof-help")).ToContainTextAsync("replay the plans");

        await Expect(page.Locator("#participant")).ToHaveValueAsync("Vladimir Putin");
        await Expect(page.Locator("#chart .row")).ToHaveCountAsync(12);
        await Expect(page.Locator("#chart .group-title")).ToHaveTextAsync(
            [new System.Text.RegularExpressions.Regex("September 2022"), new("October 2022"), new("November 2022"), new("December 2022")]);

        // A legend for every attendance level and every status.
        foreach (var word in new[] { "possible", "expected", "planned", "confirmed", "declined", "attended", "scheduled", "postponed", "cancelled", "held", "month only" })
        {
            await Expect(page.Locator("#legend")).ToContainTextAsync(word);
        }

        // Statuses show: held meetings carry the held badge and style.
        await Expect(session.Row("sco-2022")).ToHaveAttributeAsync("data-status", "held");
        await Expect(session.Row("sco-2022").Locator(".badge")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("held"));
        await Expect(session.Row("sco-2022").Locator(".bar")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bstatus-held\b"));

        // Readable at a laptop's width: nothing sticks out sideways.
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the window");

        await session.ScreenshotAsync("01-timeline-latest");
        session.AssertClean();
    }

    [Fact]
    public async Task The_slider_replays_G20_Bali_expected_on_10_Sep_and_declined_for_Lavrov_on_12_Nov()
    {
        await using var session = await web.OpenPageAsync(web.Open);
        var page = session.Page;
        await session.GotoAsync();
        var g20 = session.Row("g20-2022");

        await session.MoveSliderToAsync(new DateOnly(2022, 9, 10));
        await Expect(page.Locator("#asof-text")).ToHaveTextAsync("10 Sep 2022");
        await Expect(session.Slider).ToHaveAttributeAsync("aria-valuetext", "as known on 10 Sep 2022");
        await Expect(g20).ToHaveAttributeAsync("data-attendance", "expected");
        await Expect(g20.Locator(".att-text")).ToHaveTextAsync("expected");
        await Expect(g20.Locator(".bar")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\batt-expected\b"));
        await Expect(g20).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("Vladimir Putin: expected"));
        // Kazakhstan and the CSTO were still month-only plans then ("2022-10", "2022-11"): a whole-month span, drawn
        // unlike an exact-day bar such as the G20's (15-16 Nov).
        await Expect(session.Row("kazakhstan-2022-10").Locator(".bar")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bprecision-month\b"));
        var csto = session.Row("csto-2022").Locator(".bar");
        await Expect(csto).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bprecision-month\b"));
        await Expect(csto).ToContainTextAsync("month only");
        await Expect(session.Row("csto-2022").Locator(".bar-label")).ToHaveTextAsync("Nov: day not known");
        await Expect(g20.Locator(".bar")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bprecision-day\b"));
        var cstoBox = await csto.BoundingBoxAsync();
        var g20Box = await g20.Locator(".bar").BoundingBoxAsync();
        Assert.NotNull(cstoBox);
        Assert.NotNull(g20Box);
        Assert.True(cstoBox.Width > 8 * g20Box.Width, $"a month ({cstoBox.Width}px) should be far wider than two days ({g20Box.Width}px)");
        var border = await csto.EvaluateAsync<string>("e => getComputedStyle(e).borderTopStyle");
        Assert.Equal("dashed", border);
        await session.ScreenshotAsync("02-as-known-on-2022-09-10");

        var schedulesBefore = session.Requests.Count(u => u.Contains("/api/schedule?asOf=", StringComparison.Ordinal));
        await session.MoveSliderToAsync(new DateOnly(2022, 11, 12));
        await Expect(page.Locator("#asof-text")).ToHaveTextAsync("12 Nov 2022");
        await Expect(session.Slider).ToHaveAttributeAsync("aria-valuetext", "as known on 12 Nov 2022");
        await Expect(g20).ToHaveAttributeAsync("data-attendance", "declined");
        await Expect(g20.Locator(".att-text")).ToHaveTextAsync("declined (Sergey Lavrov)");
        await Expect(g20.Locator(".bar")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\batt-declined\b"));
        await Expect(g20).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bchanged\b"));
        await Expect(g20).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("Changed since 10 Sep 2022"));
        await Expect(session.Row("kazakhstan-2022-10")).ToHaveAttributeAsync("data-status", "held");
        await session.ScreenshotAsync("03-as-known-on-2022-11-12");

        // 63 days, one key-down each: far fewer schedule requests than days, none twice (answers are kept), and 12 Nov
        // was asked for, in this move or when the first move passed it.
        var scheduleRequests = session.Requests.Where(u => u.Contains("/api/schedule?asOf=", StringComparison.Ordinal)).ToList();
        Assert.InRange(scheduleRequests.Count - schedulesBefore, 0, 30);
        Assert.Contains(scheduleRequests, u => System.Text.RegularExpressions.Regex.IsMatch(u, @"[?&]asOf=2022-11-12(&|$)"));
        Assert.Equal(scheduleRequests.Count, scheduleRequests.Distinct(StringComparer.Ordinal).Count());

        // Back to 10 Sep: answered from the cache, no new request.
        var before = scheduleRequests.Count;
        await page.Locator("#prev-report").ClickAsync(); // 10 Nov, Putin declines
        await session.WaitForChartAsync("2022-11-10");
        await Expect(g20.Locator(".att-text")).ToHaveTextAsync("declined (Sergey Lavrov)");
        await page.Locator("#prev-report").ClickAsync(); // 21 Oct, a retraction
        await page.Locator("#prev-report").ClickAsync(); // 20 Oct, the (retracted) wrong report: it no longer counts
        await session.WaitForChartAsync("2022-10-20");
        await Expect(g20.Locator(".att-text")).ToHaveTextAsync("expected");

        session.AssertClean();
        Assert.True(session.Requests.Count(u => u.Contains("/api/schedule?asOf=", StringComparison.Ordinal)) >= before);
    }

    [Fact]
    public async Task Stepping_day_by_day_marks_what_changed_since_the_move_began_not_since_the_day_before()
    {
        await using var session = await web.OpenPageAsync(web.Open);
        await session.GotoAsync("asOf=2022-11-05");
        var g20 = session.Row("g20-2022");
        await Expect(g20).ToHaveAttributeAsync("data-attendance", "expected");

        // Every day on the way is drawn; Putin declines on 10 Nov, so 11 and 12 Nov show nothing new against the day
        // before, but against 5 Nov, where the move began, the G20 row changed.
        await session.MoveSliderToAsync(new DateOnly(2022, 11, 12), waitEachDay: true);
        await Expect(g20).ToHaveAttributeAsync("data-attendance", "declined");
        await Expect(g20).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bchanged\b"));
        await Expect(g20).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("Changed since 5 Nov 2022"));

        // A step that is not a slider move (the "previous report" button) compares with what is on screen.
        await session.Page.Locator("#prev-report").ClickAsync(); // 10 Nov: Putin declines
        await session.WaitForChartAsync("2022-11-10");
        await Expect(g20).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bchanged\b"));
        session.AssertClean();
    }

    [Fact]
    public async Task The_participant_picker_lists_everyone_named_and_recolours_the_bars()
    {
        await using var session = await web.OpenPageAsync(web.Open);
        var page = session.Page;
        await session.GotoAsync("asOf=2022-11-12");
        await Expect(page.Locator("#participant option")).ToContainTextAsync(["Vladimir Putin"]);
        var names = await page.Locator("#participant option").AllTextContentsAsync();
        Assert.Contains(names, n => n.StartsWith("Xi Jinping", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("Zhang Hanhui", StringComparison.Ordinal));

        await page.Locator("#participant").SelectOptionAsync("Xi Jinping");
        await Expect(page.Locator("#chart")).ToHaveAttributeAsync("data-participant", "Xi Jinping");
        await Expect(session.Row("putin-xi-2022")).ToHaveAttributeAsync("data-attendance", "attended");
        await Expect(session.Row("g20-2022")).ToHaveAttributeAsync("data-attendance", "none");
        await Expect(session.Row("g20-2022").Locator(".att-text")).ToHaveTextAsync("not named");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("participant=Xi\\+Jinping"));
        session.AssertClean();
    }

    [Fact]
    public async Task The_keyboard_reaches_the_slider_the_picker_the_tabs_and_every_row_and_a_row_opens_with_Enter()
    {
        await using var session = await web.OpenPageAsync(web.Open);
        var page = session.Page;
        await session.GotoAsync("asOf=2022-09-10");

        // Tab order: skip link, then the controls, then the tabs, then the rows.
        var order = new List<string>();
        await page.Locator("body").FocusAsync();
        for (var i = 0; i < 16; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            order.Add(await page.EvaluateAsync<string>(
                "(() => { const e = document.activeElement; return e.id || e.dataset.meetingId || e.className || e.tagName; })()"));
        }
        var slider = order.IndexOf("asof");
        var picker = order.IndexOf("participant");
        var search = order.IndexOf("search");
        var tab = order.IndexOf("tab-timeline");
        var firstRow = order.IndexOf("eef-2022");
        Assert.True(slider >= 0 && slider < picker && picker < search && search < tab && tab < firstRow, $"tab order was: {string.Join(", ", order)}");

        // The focused row is visibly outlined.
        var outline = await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle");
        Assert.Equal("solid", outline);

        // Arrow keys on the slider move one day.
        await session.Slider.FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(session.Slider).ToHaveAttributeAsync("aria-valuetext", "as known on 11 Sep 2022");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(session.Slider).ToHaveAttributeAsync("aria-valuetext", "as known on 10 Sep 2022");
        await session.WaitForChartAsync("2022-09-10");

        await session.Row("g20-2022").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#panel")).ToBeVisibleAsync();
        await Expect(page.Locator("#panel-title")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("#panel")).ToBeHiddenAsync();
        await Expect(session.Row("g20-2022")).ToBeFocusedAsync();
        session.AssertClean();
    }

    [Fact]
    public async Task At_1280_pixels_the_page_still_fits()
    {
        await using var session = await web.OpenPageAsync(web.Open, width: 1280, height: 800);
        await session.GotoAsync("asOf=2022-11-12");
        var overflow = await session.Page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the window");
        await session.ScreenshotAsync("04-timeline-at-1280px");
        session.AssertClean();
    }
}
