using System.Globalization;
using System.Text.Json;
using Timeline.Benchmarks.Archive;
using Timeline.Benchmarks.Baselines;
using Timeline.Benchmarks.Measuring;
using Timeline.Benchmarks.Running;
using Timeline.Core.Commands;
using Timeline.Core.Commands.ApplyCommands;
using Timeline.Store.Selection;

namespace Timeline.Benchmarks.Phases;

/// <summary>
/// One command at a time through the whole pipeline, as <c>POST /api/commands</c> sends it: read from JSON, validated,
/// decided against its meeting (read from the store), appended and committed on its own. Each is a new attendance
/// statement on an existing meeting, reported after the archive ends. Against one durable single-row insert.
/// </summary>
internal static class DurablePhase
{
    public static async Task<PhaseResult> RunAsync(BenchmarkPlan plan, CancellationToken cancellationToken)
    {
        // SQLite: the pages each command writes to the write-ahead log, counted over the product's commands.
        var sqlite = plan.Store == StoreKind.Sqlite ? StoreLocation.Parse(plan.StoreText, Directory.GetCurrentDirectory()).SqlitePath : null;
        double? walPages = null;
        Measuring.Latency product;
        var commands = 0;
        await using (var frames = sqlite is null ? null : await WalFrames.HoldAsync(sqlite, cancellationToken))
        {
            product = await MeasureProductAsync(plan, () => commands++, cancellationToken);
            walPages = frames is null ? null : (double)frames.Written / commands;
        }
        var baseline = await RawBaseline.For(plan).DurableInsertAsync(plan.Repetitions, cancellationToken);
        return new PhaseResult(
            Product: product.Milliseconds, Baseline: baseline.Milliseconds, WalPagesPerCommand: walPages, Note: $"{commands} commands appended");
    }

    private static async Task<Measuring.Latency> MeasureProductAsync(BenchmarkPlan plan, Action applied, CancellationToken cancellationToken)
    {
        await using var session = Product.Open(plan);
        var start = SyntheticArchive.LastReport.AddDays(1);
        return await plan.Repetitions.MeasureAsync(async run =>
        {
            var meeting = plan.DurableMeetings[run % plan.DurableMeetings.Count];
            var json = JsonSerializer.Serialize(new
            {
                command = "AnnounceAttendance",
                meetingId = meeting,
                reportedAt = start.AddMinutes(run).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                participant = $"Benchmark Observer {run}",
                level = "expected",
                source = new { speaker = "the benchmark", quote = "A report entered on its own, as through the API." },
            });
            using var document = JsonDocument.Parse(json);
            var origin = new CommandOrigin("benchmark", run);
            var errors = new List<InputError>();
            var input = CommandCatalog.Read(document.RootElement, origin, errors)
                ?? throw new ArchiveRejected($"the benchmark's own command is not valid: {string.Join("; ", errors)}");
            var report = await session.Mediator.Send(new ApplyCommands([new SubmittedCommand(input, origin)]), cancellationToken);
            if (report.Applied != 1)
            {
                throw new ArchiveRejected($"a new attendance statement on '{meeting}' was {report.Outcomes[0].Result}, not applied");
            }
            applied();
        });
    }
}
