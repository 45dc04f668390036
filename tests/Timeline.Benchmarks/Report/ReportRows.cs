using System.Globalization;
using Timeline.Benchmarks.Measuring;
using Timeline.Benchmarks.Phases;

namespace Timeline.Benchmarks.Report;

/// <summary>Turns a run's results into the report's rows, each beside its baseline and target.</summary>
internal static class ReportRows
{
    /// <summary>Import of 1M commands peaks at most at this.</summary>
    public const long ImportMemoryTarget = 300_000_000;

    /// <summary>Any query peaks at most at this.</summary>
    public const long QueryMemoryTarget = 200_000_000;

    /// <summary>The size the import memory and growth targets are stated for; below it they are not judged.</summary>
    public const int TargetEvents = 1_000_000;

    private const string AtTargetSize = "(at 1M)";

    /// <summary>The store size the web page's targets are stated for; below it they are not judged.</summary>
    public const int TargetMeetings = 100_000;

    /// <summary>The web page's first render, from navigation to the first page of meetings drawn, takes at most this.</summary>
    public const double FirstRenderTarget = 2_000;

    /// <summary>A slider step, from the key press to the day drawn, takes at most this.</summary>
    public const double SliderStepTarget = 200;

    public static IReadOnlyList<ReportRow> From(RunResults results, int events, int meetings, bool postgres)
    {
        var rows = new List<ReportRow> { ImportRow(results), DurableRow(results.Durable) };
        foreach (var (phase, figure) in Figures.Queries)
        {
            rows.Add(QueryRow(figure, results.Queries[phase], postgres));
        }
        rows.Add(RebuildRow(results));
        rows.Add(GrowthRow(results, events));
        rows.Add(PageRow(Figures.FirstRender, results.FirstRender, "GET /api/schedule?limit=200", FirstRenderTarget, meetings));
        rows.Add(PageRow(Figures.SliderStep, results.SliderStep, "GET /api/schedule?asOf=D&limit=200", SliderStepTarget, meetings));
        rows.Add(MemoryRow(Figures.ImportMemory, results.Import.PeakBytes, ImportMemoryTarget, events >= TargetEvents, $"≤ {Format.Bytes(ImportMemoryTarget)} at 1M commands"));
        foreach (var (phase, figure) in Figures.Queries)
        {
            rows.Add(MemoryRow(Figures.QueryMemory + figure, results.Queries[phase].PeakBytes, QueryMemoryTarget, true, $"≤ {Format.Bytes(QueryMemoryTarget)}"));
        }
        return rows;
    }

    private static ReportRow ImportRow(RunResults results)
    {
        var import = Rate(results.Import);
        var raw = Rate(results.RawInsert);
        var ratio = import / raw;
        return new ReportRow(
            Figures.Import,
            Format.Rate(import, "commands"),
            $"raw batched insert {Format.Rate(raw, "rows")}",
            $"{Format.Times(ratio)} the raw rate",
            "≥ 0.5× the raw rate",
            ReportRow.VerdictOf(ratio >= 0.5),
            new Dictionary<string, double> { ["commandsPerSecond"] = import, ["rawRowsPerSecond"] = raw, ["seconds"] = results.Import.Seconds ?? 0 });
    }

    private static ReportRow DurableRow(PhaseResult durable)
    {
        var product = new Latency(durable.Product!);
        var raw = new Latency(durable.Baseline!);
        var ratio = product.P50 / raw.P50;
        var measures = Measures(product, raw);
        var value = Format.Latency(product);
        if (durable.WalPagesPerCommand is { } pages)
        {
            measures["walPagesPerCommand"] = pages;
            value += $"; {pages.ToString("0.0", CultureInfo.InvariantCulture)} WAL pages a command";
        }
        return new ReportRow(
            Figures.DurableCommand,
            value,
            $"raw durable insert {Format.Latency(raw)}",
            $"{Format.Times(ratio)} the raw time",
            "≤ 2× the raw time",
            ReportRow.VerdictOf(ratio <= 2),
            measures);
    }

    private static ReportRow QueryRow(string figure, PhaseResult result, bool postgres)
    {
        var product = new Latency(result.Product!);
        var baseline = new Latency(result.Baseline!);
        var speedUp = baseline.P50 / product.P50;
        var value = $"{Format.Latency(product)}; {result.Note}";
        var faster = Format.Speed(speedUp);
        return figure switch
        {
            Figures.Windowed => new ReportRow(
                figure, value, $"full-replay fold {Format.Latency(baseline)}", faster, "p50 ≤ 5 ms and ≥ 200× faster",
                ReportRow.VerdictOf(product.P50 <= 5 && speedUp >= 200), Measures(product, baseline)),
            Figures.Recorded when postgres => new ReportRow(
                figure, value, $"Marten time travel {Format.Latency(baseline)}", faster, "faster than Marten",
                ReportRow.VerdictOf(speedUp > 1), Measures(product, baseline)),
            Figures.Recorded or Figures.Meeting or Figures.Attendance => new ReportRow(
                figure, value, $"full-replay fold {Format.Latency(baseline)}", faster, ReportRow.None, ReportRow.None, Measures(product, baseline)),
            Figures.Calendar => new ReportRow(
                figure, value, $"fold + a history per meeting {Format.Latency(baseline)}", faster, ReportRow.None, ReportRow.None, Measures(product, baseline)),
            Figures.History => new ReportRow(
                figure, value, $"stream read {Format.Latency(baseline)}", faster, ReportRow.None, ReportRow.None, Measures(product, baseline)),
            _ => new ReportRow(
                figure, value, $"scan of the log {Format.Latency(baseline)}", faster, ReportRow.None, ReportRow.None, Measures(product, baseline)),
        };
    }

    private static ReportRow RebuildRow(RunResults results)
    {
        var raw = Rate(results.RawRead);
        var baseline = $"raw sequential read {Format.Rate(raw, "rows")}";
        if (results.Rebuild is not { } rebuild)
        {
            return new ReportRow(Figures.Rebuild, "no index yet", baseline, ReportRow.None, "≥ 0.5× the raw read rate", ReportRow.None,
                new Dictionary<string, double> { ["rawRowsPerSecond"] = raw });
        }
        var rate = Rate(rebuild);
        return new ReportRow(Figures.Rebuild, Format.Rate(rate, "events"), baseline, $"{Format.Times(rate / raw)} the raw rate", "≥ 0.5× the raw read rate",
            ReportRow.VerdictOf(rate / raw >= 0.5), new Dictionary<string, double> { ["eventsPerSecond"] = rate, ["rawRowsPerSecond"] = raw });
    }

    private static ReportRow GrowthRow(RunResults results, int events)
    {
        if (results.GrowthWindowed is not { } small)
        {
            return new ReportRow(Figures.Growth, results.GrowthNote, ReportRow.None, ReportRow.None, "≤ 2× from 10k to 1M events", ReportRow.None,
                new Dictionary<string, double>());
        }
        var here = new Latency(results.Queries[QueryPhase.Windowed].Product!);
        var there = new Latency(small.Product!);
        var growth = here.P50 / there.P50;
        return new ReportRow(
            Figures.Growth,
            $"p50 {Format.Milliseconds(here.P50)} at {Format.Whole(events)} events",
            $"p50 {Format.Milliseconds(there.P50)} at {results.GrowthNote}",
            $"{Format.Times(growth)} the time",
            "≤ 2× from 10k to 1M events",
            events >= TargetEvents ? ReportRow.VerdictOf(growth <= 2) : AtTargetSize,
            new Dictionary<string, double> { ["p50Ms"] = here.P50, ["baseP50Ms"] = there.P50 });
    }

    /// <summary>A figure of the web page (<c>--browser</c>), beside the API request it waits for.</summary>
    private static ReportRow PageRow(string figure, PhaseResult? result, string request, double target, int meetings)
    {
        var targetText = $"≤ {Format.Milliseconds(target)} at 100k meetings";
        if (result is null)
        {
            return new ReportRow(figure, "not measured (no --browser)", ReportRow.None, ReportRow.None, targetText, ReportRow.None, new Dictionary<string, double>());
        }
        var page = new Latency(result.Product!);
        var api = new Latency(result.Baseline!);
        return new ReportRow(
            figure,
            $"{Format.Latency(page)}; {result.Note}",
            $"{request} {Format.Latency(api)}",
            $"{Format.Times(page.P50 / api.P50)} the request",
            targetText,
            meetings >= TargetMeetings ? ReportRow.VerdictOf(page.P50 <= target) : "(at 100k meetings)",
            Measures(page, api));
    }

    private static ReportRow MemoryRow(string figure, long? bytes, long target, bool judged, string targetText) =>
        bytes is not { } peak
            ? new ReportRow(figure, "not measured (no /proc)", ReportRow.None, ReportRow.None, targetText, ReportRow.None, new Dictionary<string, double>())
            : new ReportRow(figure, Format.Bytes(peak), ReportRow.None, ReportRow.None, targetText,
                judged ? ReportRow.VerdictOf(peak <= target) : AtTargetSize, new Dictionary<string, double> { ["peakBytes"] = peak });

    private static double Rate(PhaseResult result) => result.Seconds is > 0 ? result.Rows!.Value / result.Seconds.Value : 0;

    private static Dictionary<string, double> Measures(Latency product, Latency baseline) => new()
    {
        ["p50Ms"] = product.P50,
        ["p99Ms"] = product.P99,
        ["n"] = product.Count,
        ["baselineP50Ms"] = baseline.P50,
        ["baselineP99Ms"] = baseline.P99,
        ["baselineN"] = baseline.Count,
    };
}
