using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Timeline.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Timeline.Web.Tests;

/// <summary>
/// A store far larger than a page: <see cref="Meetings"/> meetings, one a day from 1 Jan 2019, each announced 30 days
/// ahead. The page must ask for one page at a time, page on with the cursor, search on the server, and slide.
/// </summary>
public sealed class LargeStore : IAsyncLifetime
{
    public const int Meetings = 1_500;

    /// <summary>The page size of the web page (PAGE_SIZE in app.js).</summary>
    public const int PageSize = 200;

    public static readonly DateOnly FirstMeeting = new(2019, 1, 1);

    /// <summary>A participant of every 97th meeting only.</summary>
    public const string RareParticipant = "Zora Quist";

    public TimelineServer Server { get; private set; } = null!;

    public static string Id(int i) => $"meeting-{i:D4}";

    public static DateOnly Day(int i) => FirstMeeting.AddDays(i);

    public async ValueTask InitializeAsync() =>
        Server = await TimelineServer.StartAsync(allowAnonymousRead: true, TestContext.Current.CancellationToken, Bodies());

    /// <summary>The commands, posted 750 to a request.</summary>
    private static List<string> Bodies()
    {
        string[] given = ["Anna", "Boris", "Chen", "Dara", "Emil", "Farah", "Goran", "Hana"];
        string[] family = ["Petrova", "Lindqvist", "Okafor", "Tanaka", "Moreau", "Haddad", "Novak", "Silva"];
        var commands = new List<object>();
        for (var i = 0; i < Meetings; i++)
        {
            var host = $"{given[i % 8]} {family[i / 8 % 8]}";
            var guest = i % 97 == 0 ? RareParticipant : $"{given[(i + 3) % 8]} {family[(i / 3 + 5) % 8]}";
            commands.Add(new Dictionary<string, object>
            {
                ["command"] = "AnnounceMeeting",
                ["meetingId"] = Id(i),
                ["reportedAt"] = Iso(Day(i).AddDays(-30)),
                ["title"] = $"Talks number {i}",
                ["kind"] = i % 5 == 0 ? "forum" : "bilateral",
                ["dates"] = Iso(Day(i)),
                ["participants"] = new[] { host, guest },
                ["source"] = new Dictionary<string, string> { ["speaker"] = "a generated archive" },
            });
        }
        return [.. commands.Chunk(750).Select(chunk => JsonSerializer.Serialize(chunk))];
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}

/// <summary>The page on a store too large to load whole: pages, "Show more", search and the slider.</summary>
public sealed class LargeStoreTests(WebFixture web, LargeStore store) : IClassFixture<LargeStore>
{
    [Fact]
    public async Task The_page_shows_the_first_page_pages_on_searches_on_the_server_and_slides()
    {
        await using var session = await web.OpenPageAsync(store.Server);
        var page = session.Page;
        await session.GotoAsync();
        var rows = page.Locator("#chart .row");

        // One page, in date order, with a way to the next.
        await Expect(page.Locator("#shown-count")).ToContainTextAsync("Showing the first 200 meetings in date order");
        await Expect(rows.First).ToHaveAttributeAsync("data-meeting-id", LargeStore.Id(0));
        await Expect(page.Locator("#summary")).ToContainTextAsync($"{LargeStore.PageSize} meetings known on");
        await Expect(page.Locator("#more")).ToBeVisibleAsync();

        // At the end of the list, the next page comes (the button asks for it; so does scrolling there).
        await page.Locator("#more").ClickAsync();
        await Expect(page.Locator("#shown-count")).ToContainTextAsync("Showing the first 400 meetings in date order");
        await Expect(session.Row(LargeStore.Id(LargeStore.PageSize - 1))).ToBeVisibleAsync();
        await page.Locator("#more").ScrollIntoViewIfNeededAsync();
        await Expect(session.Row(LargeStore.Id((2 * LargeStore.PageSize) - 1))).ToBeVisibleAsync();

        // Search runs on the server, over every meeting, not just the rows on screen.
        await page.Locator("#search").FillAsync(LargeStore.RareParticipant.ToLowerInvariant());
        await page.Locator("#search").PressAsync("Enter");
        var expected = Enumerable.Range(0, LargeStore.Meetings).Where(i => i % 97 == 0).Select(LargeStore.Id).ToArray();
        await Expect(page.Locator("#shown-count")).ToHaveTextAsync($"{expected.Length} meetings match “zora quist”.");
        Assert.Equal(expected, await session.ScrolledRowIdsAsync());
        await Expect(page.Locator("#more")).ToBeHiddenAsync();
        Assert.Contains("q=zora+quist", page.Url, StringComparison.Ordinal);

        // Back to everything, then slide to 1 Mar 2019: only the meetings announced by then, which fit on one page.
        await page.Locator("#search").FillAsync("");
        await page.Locator("#search").PressAsync("Enter");
        await Expect(page.Locator("#shown-count")).ToContainTextAsync("Showing the first 200 meetings in date order");
        await SlideToAsync(session, new DateOnly(2019, 3, 1));
        var known = Enumerable.Range(0, LargeStore.Meetings).Count(i => LargeStore.Day(i).AddDays(-30) <= new DateOnly(2019, 3, 1));
        await Expect(page.Locator("#more")).ToBeHiddenAsync();
        Assert.Equal(Enumerable.Range(0, known).Select(LargeStore.Id), await session.ScrolledRowIdsAsync());

        // Every schedule request asked for a page; none asked for the whole store.
        var schedules = session.Requests.Where(r => r.Contains("/api/schedule", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(schedules);
        Assert.All(schedules, r => Assert.Matches(new Regex(@"[?&]limit=\d+"), r));
        await session.ScreenshotAsync("20-large-store", fullPage: false);
        session.AssertClean();
    }

    [Fact]
    public async Task Only_the_rows_near_the_window_are_drawn_and_scrolling_or_the_keyboard_brings_the_others()
    {
        await using var session = await web.OpenPageAsync(store.Server);
        var page = session.Page;
        await session.GotoAsync();

        // 200 meetings on the page, but only about two screenfuls of rows in the document, from the first one.
        await Expect(page.Locator("#summary")).ToContainTextAsync($"{LargeStore.PageSize} meetings known on");
        var drawn = await session.DrawnRowIdsAsync();
        Assert.InRange(drawn.Length, 5, LargeStore.PageSize / 3);
        Assert.Equal(Enumerable.Range(0, drawn.Length).Select(LargeStore.Id), drawn);

        // Each row says where it stands in its month: January 2019 holds 31 meetings, one a day.
        var first = page.Locator("#chart li").First;
        await Expect(first).ToHaveAttributeAsync("aria-posinset", "1");
        await Expect(first).ToHaveAttributeAsync("aria-setsize", "31");
        await Expect(page.Locator("#chart .group-title").First).ToContainTextAsync("31 meetings");

        // Scrolling to the middle draws the rows there in place of the first ones, each still placed in its month.
        await page.EvaluateAsync("(() => { const chart = document.querySelector('#chart').getBoundingClientRect(); window.scrollTo(0, window.scrollY + chart.top + chart.height / 2); })()");
        await Expect(session.Row(LargeStore.Id(0))).ToHaveCountAsync(0);
        var middle = await session.DrawnRowIdsAsync();
        Assert.InRange(middle.Length, 5, LargeStore.PageSize / 3);
        var from = Array.IndexOf(Enumerable.Range(0, LargeStore.PageSize).Select(LargeStore.Id).ToArray(), middle[0]);
        Assert.InRange(from, 30, LargeStore.PageSize - 30);
        Assert.Equal(Enumerable.Range(from, middle.Length).Select(LargeStore.Id), middle);
        var item = session.Row(middle[0]).Locator("xpath=..");
        await Expect(item).ToHaveAttributeAsync("aria-posinset", LargeStore.Day(from).Day.ToString(CultureInfo.InvariantCulture));
        await Expect(item).ToHaveAttributeAsync("aria-setsize",
            DateTime.DaysInMonth(LargeStore.Day(from).Year, LargeStore.Day(from).Month).ToString(CultureInfo.InvariantCulture));

        // Tab from a row goes on to the next one, far past the rows first drawn, and a row opened and closed keeps focus.
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await session.Row(LargeStore.Id(0)).FocusAsync();
        for (var i = 1; i <= drawn.Length + 20; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            await Expect(session.Row(LargeStore.Id(i))).ToBeFocusedAsync();
        }
        var row = session.Row(LargeStore.Id(drawn.Length + 20));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#panel")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(row).ToBeFocusedAsync();
        await Expect(row).ToBeInViewportAsync();
        session.AssertClean();
    }

    /// <summary>Sets the slider as a pointer drag ends: one input event at the day, not one key press per day.</summary>
    private static async Task SlideToAsync(PageSession session, DateOnly day)
    {
        var min = DateOnly.Parse(await session.Page.Locator("#asof-min").TextContentAsync() ?? "", CultureInfo.InvariantCulture);
        await session.Slider.EvaluateAsync("(e, v) => { e.value = String(v); e.dispatchEvent(new Event('input', { bubbles: true })); }", day.DayNumber - min.DayNumber);
        await session.WaitForChartAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
