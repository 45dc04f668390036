using System.Collections.Concurrent;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Timeline.Web.Tests.Support;

/// <summary>
/// One browser page, with everything that goes wrong on it written down: console errors, uncaught exceptions,
/// failed requests, answers of 400 and more, and any request that leaves the server under test.
/// </summary>
public sealed class PageSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly Uri _origin;
    private readonly ConcurrentQueue<string> _consoleErrors = new();
    private readonly ConcurrentQueue<string> _failedRequests = new();
    private readonly ConcurrentQueue<string> _externalRequests = new();
    private readonly ConcurrentQueue<(int Status, string Url)> _errorResponses = new();
    private readonly ConcurrentQueue<string> _requests = new();

    private PageSession(IBrowserContext context, IPage page, Uri origin)
    {
        _context = context;
        Page = page;
        _origin = origin;
    }

    public IPage Page { get; }

    /// <summary>Every URL the page asked for, in order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public static async Task<PageSession> StartAsync(IBrowserContext context, Uri origin)
    {
        var page = await context.NewPageAsync();
        var session = new PageSession(context, page, origin);
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning" && !message.Text.Contains("DevTools", StringComparison.Ordinal))
            {
                session._consoleErrors.Enqueue($"{message.Type}: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => session._consoleErrors.Enqueue($"uncaught: {error}");
        page.RequestFailed += (_, request) => session._failedRequests.Enqueue($"{request.Method} {request.Url}: {request.Failure}");
        page.Request += (_, request) =>
        {
            session._requests.Enqueue(request.Url);
            if (!IsOwn(request.Url, origin))
            {
                session._externalRequests.Enqueue(request.Url);
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                session._errorResponses.Enqueue((response.Status, response.Url));
            }
        };
        // Anything that tries to leave the test server is stopped here, and written down above.
        await context.RouteAsync(url => !IsOwn(url, origin), route => route.AbortAsync("blockedbyclient"));
        return session;
    }

    private static bool IsOwn(string url, Uri origin) =>
        url.StartsWith(origin.GetLeftPart(UriPartial.Authority) + "/", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal);

    /// <summary>Opens the page (with an optional hash) and waits until the timeline has drawn.</summary>
    public async Task GotoAsync(string hash = "")
    {
        await Page.GotoAsync(hash.Length == 0 ? "/" : $"/#{hash}");
        await WaitForChartAsync();
    }

    public async Task WaitForChartAsync(string? asOf = null)
    {
        var selector = asOf is null ? "#chart[data-as-of][aria-busy=false]" : $"#chart[data-as-of=\"{asOf}\"][aria-busy=false]";
        await Expect(Page.Locator(selector)).ToBeAttachedAsync(); // drawn, even while another tab is shown
    }

    public ILocator Slider => Page.Locator("#asof");

    /// <summary>The timeline row of a meeting.</summary>
    public ILocator Row(string meetingId) => Page.Locator($"#chart .row[data-meeting-id=\"{meetingId}\"]");

    /// <summary>The meeting ids of the rows currently in the document, in their order.</summary>
    public Task<string[]> DrawnRowIdsAsync() =>
        Page.Locator("#chart .row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.meetingId)");

    /// <summary>
    /// The meeting ids of every row a reader scrolling from the top of the page to its end meets, in order: the page
    /// draws only the rows near the window, so this scrolls by half a window at a time and notes the rows drawn.
    /// </summary>
    public Task<string[]> ScrolledRowIdsAsync() => Page.EvaluateAsync<string[]>("""
        async () => {
          const frames = () => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          const ids = [];
          const seen = new Set();
          window.scrollTo(0, 0);
          await frames();
          for (;;) {
            for (const row of document.querySelectorAll('#chart .row')) {
              if (!seen.has(row.dataset.meetingId)) {
                seen.add(row.dataset.meetingId);
                ids.push(row.dataset.meetingId);
              }
            }
            const before = window.scrollY;
            window.scrollBy(0, window.innerHeight / 2);
            await frames();
            if (window.scrollY === before) return ids;
          }
        }
        """);

    /// <summary>
    /// Moves the "as known on" slider to a day the way a keyboard user does: focus, then an arrow key held down until
    /// the day is reached (one key-down per day, auto-repeats after the first), then released. Waits until the timeline
    /// shows that day; with <paramref name="waitEachDay"/>, after every day as well, as on a store that answers at once.
    /// </summary>
    public async Task MoveSliderToAsync(DateOnly day, bool waitEachDay = false)
    {
        var min = DateOnly.Parse(await Page.Locator("#asof-min").TextContentAsync() ?? "", System.Globalization.CultureInfo.InvariantCulture);
        var current = min.AddDays(int.Parse(await Slider.InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture));
        await Slider.FocusAsync();
        var steps = day.DayNumber - current.DayNumber;
        var key = steps > 0 ? "ArrowRight" : "ArrowLeft";
        for (var i = 0; i < Math.Abs(steps); i++)
        {
            await Page.Keyboard.DownAsync(key);
            if (waitEachDay)
            {
                await WaitForChartAsync(current.AddDays(steps > 0 ? i + 1 : -(i + 1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        await Page.Keyboard.UpAsync(key);
        await WaitForChartAsync(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Saves a full-page screenshot under artifacts/ and writes its path to the test output.</summary>
    /// <remarks>fullPage false takes the window only: right for a fixed panel or a dialog over a scrolled page.</remarks>
    public async Task<string> ScreenshotAsync(string name, bool fullPage = true)
    {
        var path = Path.Combine(WebFixture.ArtifactsFolder, $"{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage, Animations = ScreenshotAnimations.Disabled });
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {path}");
        return path;
    }

    /// <summary>
    /// Fails on any console error or warning, uncaught exception, failed request, error answer or external request.
    /// allowedStatus names answers the test expects (401 before a key is given); Chromium also logs those to the
    /// console, so their console lines are let through too.
    /// </summary>
    public void AssertClean(params int[] allowedStatus)
    {
        var allowedConsole = allowedStatus.Select(s => $"status of {s}").ToArray();
        var problems = new List<string>();
        problems.AddRange(_consoleErrors.Where(e => !allowedConsole.Any(a => e.Contains(a, StringComparison.Ordinal))).Select(e => $"console {e}"));
        problems.AddRange(_failedRequests.Select(f => $"failed request {f}"));
        problems.AddRange(_errorResponses.Where(r => !allowedStatus.Contains(r.Status)).Select(r => $"answer {r.Status} for {r.Url}"));
        problems.AddRange(_externalRequests.Select(u => $"external request {u}"));
        Assert.True(problems.Count == 0, "The page had problems:\n" + string.Join("\n", problems));
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
