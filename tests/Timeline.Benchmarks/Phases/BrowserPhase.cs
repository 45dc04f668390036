using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Timeline.Api;
using Timeline.Benchmarks.Measuring;
using Timeline.Benchmarks.Running;
using Timeline.Core.Storage;
using Timeline.Testing;

namespace Timeline.Benchmarks.Phases;

/// <summary>
/// The web page (<c>--browser</c>): the filled store served in this process through the API's composition root
/// (<see cref="TimelineApi.CreateApp"/>, as <c>timeline serve --allow-anonymous-read</c> serves it) on a loopback
/// port, and the page opened in the headless system <see cref="Chromium"/>. Times are taken inside the page, from
/// the navigation or the key press to the frame after the timeline was drawn (<c>#chart</c> showing the new as-of day,
/// no longer busy), so Playwright's own round trips are not in them. Each baseline is the API request the page sends
/// for the same data, timed over HTTP in the same run.
/// </summary>
internal static class BrowserPhase
{
    public const string FirstRender = "browser-first-render";
    public const string SliderStep = "browser-slider-step";

    /// <summary>The page's page size (PAGE_SIZE in app.js): what its first schedule request asks for.</summary>
    public const int PageSize = 200;

    /// <summary>
    /// Installed before the page's own script: notes when a key goes down, and each time <c>#chart</c> shows a new
    /// as-of day drawn, the time of the frame after it (layout and paint included), both on the page's clock, whose
    /// zero is the start of the navigation.
    /// </summary>
    private const string Probe = """
        window.__bench = { keyAt: null, drawn: [] };
        document.addEventListener('keydown', () => { window.__bench.keyAt = performance.now(); }, true);
        let lastDrawn = null;
        new MutationObserver(() => {
          const chart = document.getElementById('chart');
          if (!chart || !chart.dataset.asOf || chart.getAttribute('aria-busy') !== 'false' || chart.dataset.asOf === lastDrawn) return;
          const asOf = lastDrawn = chart.dataset.asOf;
          const rows = chart.querySelectorAll('.row').length;
          requestAnimationFrame(() => setTimeout(() => window.__bench.drawn.push({ asOf, rows, at: performance.now() })));
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-busy', 'data-as-of'] });
        """;

    /// <summary>Fresh page loads (a new browser context each: nothing cached), timed to the first page of meetings drawn.</summary>
    public static Task<PhaseResult> FirstRenderAsync(BenchmarkPlan plan, CancellationToken cancellationToken) =>
        WithPageAsync(plan, async (browser, http) =>
        {
            var rows = 0;
            var page = await plan.Repetitions.MeasureSelfTimedAsync(async _ =>
            {
                await using var context = await NewContextAsync(browser, http.BaseAddress!);
                var tab = await context.NewPageAsync();
                await tab.GotoAsync("/");
                var drawn = await NextDrawnAsync(tab, 0);
                rows = drawn.Rows;
                return drawn.At;
            });
            var peak = PeakMemory.Bytes();
            var api = await plan.Repetitions.MeasureAsync(_ => GetAsync(http, $"api/schedule?limit={PageSize}", cancellationToken));
            return new PhaseResult(PeakBytes: peak, Product: page.Milliseconds, Baseline: api.Milliseconds, Note: $"{rows} meetings drawn");
        }, cancellationToken);

    /// <summary>
    /// One page, its slider focused, then ArrowLeft again and again, a day earlier each time, as a keyboard user moves
    /// it; each step timed from the key going down to the earlier day drawn. The baseline is the schedule request of
    /// each of those days (<c>GET /api/schedule?asOf=D&amp;limit=200</c>, as the page sends it).
    /// </summary>
    public static Task<PhaseResult> SliderStepAsync(BenchmarkPlan plan, CancellationToken cancellationToken) =>
        WithPageAsync(plan, async (browser, http) =>
        {
            await using var context = await NewContextAsync(browser, http.BaseAddress!);
            var tab = await context.NewPageAsync();
            await tab.GotoAsync("/");
            var shown = await NextDrawnAsync(tab, 0);
            var count = 1;
            var days = new List<string>();
            var rows = new List<int>();
            await tab.Locator("#asof").FocusAsync();
            var steps = await plan.Repetitions.MeasureSelfTimedAsync(async _ =>
            {
                var expected = DateOnly.ParseExact(shown.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                await tab.Keyboard.PressAsync("ArrowLeft");
                shown = await NextDrawnAsync(tab, count++);
                if (shown.AsOf != expected)
                {
                    throw new InvalidOperationException($"after ArrowLeft the page drew {shown.AsOf}, not {expected}: is the slider at its first day?");
                }
                days.Add(shown.AsOf);
                rows.Add(shown.Rows);
                return shown.At - await tab.EvaluateAsync<double>("() => window.__bench.keyAt");
            });
            var peak = PeakMemory.Bytes();
            var day = 0;
            var api = await plan.Repetitions.MeasureAsync(_ => GetAsync(http, $"api/schedule?asOf={days[day++ % days.Count]}&limit={PageSize}", cancellationToken));
            return new PhaseResult(PeakBytes: peak, Product: steps.Milliseconds, Baseline: api.Milliseconds,
                Note: $"{days.Count} steps, {days[^1]} to {days[0]}, {rows.Min()}–{rows.Max()} meetings drawn");
        }, cancellationToken);

    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private sealed record Drawn(string AsOf, int Rows, double At);

    /// <summary>Waits for the page to draw an as-of day after the <paramref name="seen"/> it drew before.</summary>
    private static async Task<Drawn> NextDrawnAsync(IPage page, int seen)
    {
        await page.WaitForFunctionAsync("n => window.__bench.drawn.length > n", seen, new PageWaitForFunctionOptions { Timeout = 120_000 });
        var json = await page.EvaluateAsync<string>("n => JSON.stringify(window.__bench.drawn[n])", seen);
        return JsonSerializer.Deserialize<Drawn>(json, WebJson)!;
    }

    private static async Task<IBrowserContext> NewContextAsync(IBrowser browser, Uri origin)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            BaseURL = origin.ToString(),
            Locale = "en-GB",
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        await context.AddInitScriptAsync(Probe);
        return context;
    }

    private static async Task GetAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    /// <summary>Serves the plan's store on a loopback port with reads open, launches Chromium, and runs <paramref name="measure"/>.</summary>
    private static async Task<PhaseResult> WithPageAsync(
        BenchmarkPlan plan, Func<IBrowser, HttpClient, Task<PhaseResult>> measure, CancellationToken cancellationToken)
    {
        if (!Chromium.IsInstalled)
        {
            throw new ArgumentException($"--browser needs Chromium, which is not installed at {Chromium.ExecutablePath}: apt-get install -y chromium (or set TIMELINE_CHROMIUM to its path)");
        }
        await using var session = Product.Open(plan);
        var store = session.Services.GetRequiredService<IStore>();
        var options = new ApiOptions { Urls = "http://127.0.0.1:0", AllowAnonymousRead = true };
        await using var app = TimelineApi.CreateApp([], options, _ => store, TimeProvider.System);
        await app.StartAsync(cancellationToken);
        var port = TimelineApi.ListeningOn(app).Select(a => new Uri(a)).First(a => a.IsLoopback).Port;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            Headless = true,
            ExecutablePath = Chromium.ExecutablePath,
            Args = Chromium.Args,
        });
        try
        {
            return await measure(browser, http);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }
}
