using System.Diagnostics;
using Timeline.Benchmarks.Measuring;
using Timeline.Benchmarks.Running;
using Timeline.Cli.Input;
using Timeline.Core.Commands.ApplyCommands;
using Timeline.Core.Knowledge;
using Timeline.Core.Storage;

namespace Timeline.Benchmarks.Phases;

/// <summary>
/// Imports the archive the way <c>timeline import FILE</c> does, once per file: the CLI's own reader streams the NDJSON
/// into one <see cref="ImportCommands"/>, which checks, decides and appends the file in batches inside one
/// transaction. One session serves every file, so the figure is the pipeline's, not a process's start-up (the first
/// file still pays for JIT compilation, which weighs at small sizes). Every command must append its event: a
/// rejection, or a command that changes nothing, fails the benchmark.
/// </summary>
internal static class ImportPhase
{
    public static async Task<PhaseResult> RunAsync(BenchmarkPlan plan, CancellationToken cancellationToken)
    {
        var environment = Product.Environment(TextWriter.Null, TextWriter.Null);
        var marks = new List<string>();
        var elapsed = TimeSpan.Zero;
        await using (var session = Product.Open(plan))
        {
            // The schema first, untimed, as an operator runs `timeline migrate`: the figure is the import's, not the DDL's.
            await session.Store().MigrateAsync(cancellationToken);
            foreach (var part in plan.Parts)
            {
                var watch = Stopwatch.StartNew();
                ApplyReport report;
                try
                {
                    var errors = new List<Core.Commands.InputError>();
                    var commands = CommandFiles.StreamAsync([part], environment, errors, null, cancellationToken);
                    report = await session.Mediator.Send(new ImportCommands(commands, errors) { KeepOutcomes = false }, cancellationToken);
                }
                catch (Exception e) when (e is Core.Commands.InputRejected or Core.Commands.CommandRejected)
                {
                    throw new ArchiveRejected($"{Path.GetFileName(part)}: {e.Message}");
                }
                elapsed += watch.Elapsed;
                if (report.Applied != report.Counts.Commands)
                {
                    throw new ArchiveRejected(
                        $"{report.Counts.Commands - report.Applied} commands of {Path.GetFileName(part)} appended nothing ({report.Unchanged} changed nothing, {report.Duplicates} were already stored)");
                }
                // A system time after this file's transaction and before the next one's: a recorded-as-of cutoff between them.
                marks.Add(RecordedAt.CutDown(environment.Clock.GetUtcNow()).ToString());
            }
        }
        var peak = PeakMemory.Bytes();

        await using var check = Product.Open(plan);
        var stored = await check.Store().CountAsync(cancellationToken);
        if (stored != plan.Events)
        {
            throw new ArchiveRejected($"the archive has {plan.Events} commands but the store holds {stored} events");
        }
        return new PhaseResult(Rows: plan.Events, Seconds: elapsed.TotalSeconds, PeakBytes: peak, Marks: marks);
    }
}
