using System.Globalization;
using Timeline.Benchmarks.Archive;
using Timeline.Benchmarks.Phases;
using Timeline.Benchmarks.Report;
using Timeline.Cli.Input;
using Timeline.Store.Selection;

namespace Timeline.Benchmarks.Running;

/// <summary>What a benchmark run was asked to do.</summary>
/// <param name="Postgres">A server to use instead of a throwaway cluster.</param>
/// <param name="Work">A folder for the archive, SQLite files and scratch files; a new temporary one when null.</param>
/// <param name="Keep">Keep the work folder afterwards.</param>
/// <param name="Parts">Files the archive is split into, one <c>timeline import</c> each.</param>
/// <param name="GrowthBase">The smaller archive the growth figure compares with; 0 leaves it out.</param>
/// <param name="Out">Also write the JSON report to this file.</param>
/// <param name="Browser">Also time the web page in the system Chromium (first render, slider step).</param>
internal sealed record RunOptions(
    int Events,
    StoreKind Store,
    int Seed,
    string? Postgres,
    string? Work,
    bool Keep,
    int Parts,
    int Repetitions,
    double BudgetSeconds,
    int GrowthBase,
    bool Json,
    string? Out,
    bool Browser = false);

/// <summary>
/// One benchmark run: generates the archive, prepares the stores, runs every measured phase in a child process, and
/// writes the report. Progress goes to <c>log</c> (standard error), the report to <c>output</c>.
/// </summary>
internal static class BenchmarkRun
{
    public static async Task RunAsync(RunOptions options, TextWriter output, TextWriter log, CancellationToken cancellationToken)
    {
        var loadAtStart = Machine.LoadAverage();
        var work = options.Work ?? Path.Combine(Path.GetTempPath(), $"timeline-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        try
        {
            var growth = options.GrowthBase > 0 && options.Events > options.GrowthBase;
            await using var stores = await StoreTargets.OpenAsync(options.Store, options.Postgres, work, growth, cancellationToken);
            var runner = new PhaseRunner(work, log);

            await log.WriteLineAsync($"Generating {Format.Whole(options.Events)} events (seed {options.Seed})…");
            var (plan, shape) = Prepare(options, stores.Main, Path.Combine(work, "archive"), work);

            await log.WriteLineAsync($"Measuring {stores.Where}:");
            var import = await runner.RunAsync(Phase.Import, plan, cancellationToken);
            // A cutoff between two imports in the middle of the archive, where the window is.
            plan = plan with { RecordedAsOf = import.Marks![((import.Marks.Count + 1) / 2) - 1] };
            var rawInsert = await runner.RunAsync(Phase.RawInsert, plan, cancellationToken);
            var rawRead = await runner.RunAsync(Phase.RawRead, plan, cancellationToken);
            var settings = rawRead.Note!;
            var rebuild = RebuildPhase.Available ? await runner.RunAsync(Phase.Rebuild, plan, cancellationToken) : null;
            var queries = new Dictionary<string, PhaseResult>(StringComparer.Ordinal);
            foreach (var (phase, _) in Figures.Queries)
            {
                queries[phase] = await runner.RunAsync(phase, plan, cancellationToken);
            }
            // Before the durable phase, so the page shows the imported archive alone.
            var firstRender = options.Browser ? await runner.RunAsync(BrowserPhase.FirstRender, plan, cancellationToken) : null;
            var sliderStep = options.Browser ? await runner.RunAsync(BrowserPhase.SliderStep, plan, cancellationToken) : null;
            // Last: it adds events to the store.
            var durable = await runner.RunAsync(Phase.Durable, plan, cancellationToken);
            var (small, growthNote) = await GrowthAsync(options, stores, runner, work, log, cancellationToken);

            var results = new RunResults(import, rawInsert, rawRead, rebuild, queries, durable, small, growthNote, firstRender, sliderStep);
            var report = new BenchmarkReport(
                options,
                Machine.Current(),
                (loadAtStart, Machine.LoadAverage()),
                stores.Where,
                settings,
                shape,
                plan.Queries,
                plan.RecordedAsOf!,
                plan.Parts.Count,
                ReportRows.From(results, options.Events, shape.Meetings, stores.Kind == StoreKind.Postgres));
            report.Write(output, options.Json);
            if (options.Out is { } path)
            {
                await File.WriteAllTextAsync(path, report.ToJson(), cancellationToken);
                await log.WriteLineAsync($"Wrote {path}");
            }
        }
        finally
        {
            if (!options.Keep && options.Work is null)
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    /// <summary>
    /// Generates the archive, writes it as the files the import reads, and chooses the queries. The archive itself
    /// is dropped afterwards: at a million commands it is large, and the phases read the files.
    /// </summary>
    private static (BenchmarkPlan Plan, ArchiveShape Shape) Prepare(RunOptions options, string store, string folder, string work)
    {
        Directory.CreateDirectory(folder);
        var archive = SyntheticArchive.Generate(options.Events, options.Seed);
        var parts = archive.WriteParts(folder, options.Parts);
        foreach (var part in parts)
        {
            if (new FileInfo(part).Length > CommandFiles.MaxBytes)
            {
                throw new ArgumentException(
                    $"{part} is over the {CommandFiles.MaxBytes / (1024 * 1024)} MiB that timeline import reads; give more --parts");
            }
        }
        var plan = new BenchmarkPlan(
            options.Store,
            store,
            Path.Combine(work, "scratch"),
            options.Events,
            parts,
            QueryChoices.From(archive),
            QueryChoices.DurableTargets(archive, 2 * options.Repetitions),
            options.Repetitions,
            options.BudgetSeconds);
        return (plan, archive.Shape);
    }

    /// <summary>
    /// The windowed as-of schedule again over a store of the smaller archive (same seed), imported the same way, so
    /// the report can say how its time grows with the size of the store.
    /// </summary>
    private static async Task<(PhaseResult?, string)> GrowthAsync(
        RunOptions options, StoreTargets stores, PhaseRunner runner, string work, TextWriter log, CancellationToken cancellationToken)
    {
        if (options.GrowthBase <= 0)
        {
            return (null, "not measured (--growth-base 0)");
        }
        if (options.Events <= options.GrowthBase)
        {
            return (null, $"not measured: {Format.Whole(options.Events)} events is not more than the {Format.Whole(options.GrowthBase)} it compares with");
        }
        if (stores.Growth is null)
        {
            return (null, stores.GrowthProblem!);
        }
        await log.WriteLineAsync($"Growth: the windowed as-of schedule over {Format.Whole(options.GrowthBase)} events:");
        var (plan, _) = Prepare(options with { Events = options.GrowthBase }, stores.Growth, Path.Combine(work, "growth-archive"), work);
        await runner.RunAsync(Phase.Import, plan, cancellationToken);
        var windowed = await runner.RunAsync(QueryPhase.Windowed, plan, cancellationToken);
        return (windowed, $"{options.GrowthBase.ToString("#,0", CultureInfo.InvariantCulture)} events");
    }
}
