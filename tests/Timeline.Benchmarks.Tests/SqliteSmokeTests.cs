using System.Text.Json;
using Timeline.Benchmarks.Report;
using Timeline.Testing;

namespace Timeline.Benchmarks.Tests;

/// <summary>
/// The benchmark at a tiny size on SQLite, as CI runs it: it must exit 0 and print every row. No timing is asserted.
/// </summary>
public sealed class SqliteSmokeTests
{
    [Fact]
    public async Task It_prints_every_figure_growth_included()
    {
        var run = await BenchmarkProcess.RunAsync([.. BenchmarkProcess.Tiny, "--store", "sqlite", "--growth-base", "150"]);

        run.ShowsEveryFigure();
        Assert.Contains("p50", run.Row(Figures.Growth), StringComparison.Ordinal);
        Assert.Contains("not measured (no --browser)", run.Row(Figures.FirstRender), StringComparison.Ordinal);
        Assert.Contains("full-replay fold", run.Row(Figures.Windowed), StringComparison.Ordinal);
        // A commit writes at least one page, so a count below one would be a counter that does not count.
        Assert.Matches(@"; [1-9][0-9]*\.[0-9] WAL pages a command", run.Row(Figures.DurableCommand));
    }

    /// <summary>
    /// --browser: the page opened in the system Chromium (skipped without it, failed when <c>CI=true</c>) over the
    /// filled store; both web page rows hold figures beside their API requests.
    /// </summary>
    [Fact]
    public async Task With_browser_it_times_the_web_page_beside_its_requests()
    {
        Chromium.Require();

        var run = await BenchmarkProcess.RunAsync([.. BenchmarkProcess.Tiny, "--store", "sqlite", "--growth-base", "0", "--browser"]);

        run.ShowsEveryFigure();
        Assert.Contains("meetings drawn", run.Row(Figures.FirstRender), StringComparison.Ordinal);
        Assert.Contains("GET /api/schedule?limit=200 p50", run.Row(Figures.FirstRender), StringComparison.Ordinal);
        Assert.Contains("steps", run.Row(Figures.SliderStep), StringComparison.Ordinal);
        Assert.Contains("GET /api/schedule?asOf=D&limit=200 p50", run.Row(Figures.SliderStep), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_writes_the_archive_as_ndjson_commands()
    {
        var file = Path.Combine(Path.GetTempPath(), $"timeline-archive-{Guid.NewGuid():N}.ndjson");
        try
        {
            var run = await BenchmarkProcess.RunAsync(["generate", "--events", "120", "--seed", "7", "--out", file], report: false);

            var lines = await File.ReadAllLinesAsync(file, TestContext.Current.CancellationToken);
            Assert.Equal(120, lines.Length);
            Assert.All(lines, line => Assert.True(JsonDocument.Parse(line).RootElement.TryGetProperty("command", out _), line));
            Assert.Contains("120 commands", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
