using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Timeline.Web.Tests.Support.WebFixture))]
// One browser, two servers and two cores: the tests take turns.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]

namespace Timeline.Web.Tests.Support;

/// <summary>
/// Shared by every browser test: Playwright with the system Chromium, a server whose reads are open
/// (<c>--allow-anonymous-read</c>) and one whose reads need a key, both seeded alike.
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public TimelineServer Open { get; private set; } = null!;

    public TimelineServer Locked { get; private set; } = null!;

    /// <summary>Where screenshots go: artifacts/ in the test output.</summary>
    public static string ArtifactsFolder { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts");

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Directory.CreateDirectory(ArtifactsFolder);
        // As long as an action may take (SetDefaultTimeout below): two cores shared with the servers are slow at times.
        Assertions.SetDefaultExpectTimeout(15_000);
        Open = await TimelineServer.StartAsync(allowAnonymousRead: true, ct);
        Locked = await TimelineServer.StartAsync(allowAnonymousRead: false, ct);
        if (!Chromium.IsInstalled)
        {
            return; // each test skips, or fails under CI, with the install command
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            Headless = true,
            ExecutablePath = Chromium.ExecutablePath,
            Args = Chromium.Args,
        });
    }

    /// <summary>A new page (its own context: fresh sessionStorage) on one of the servers, watched for errors.</summary>
    public async Task<PageSession> OpenPageAsync(TimelineServer server, int width = 1366, int height = 900)
    {
        Chromium.Require();
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BaseURL = server.Address.ToString(),
            Locale = "en-GB",
            TimezoneId = "Europe/Moscow", // the page's dates are UTC whatever the browser's zone
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        context.SetDefaultTimeout(15_000);
        return await PageSession.StartAsync(context, server.Address);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (Open is not null)
        {
            await Open.DisposeAsync();
        }
        if (Locked is not null)
        {
            await Locked.DisposeAsync();
        }
    }
}
