using System.CommandLine;
using Spectre.Console;
using Timeline.Cli.Input;
using Timeline.Cli.Output;
using Timeline.Core.Commands;
using Timeline.Core.Commands.ApplyCommands;

namespace Timeline.Cli.Verbs;

/// <summary><c>timeline import FILE…</c>: validates every file, then applies them all in one transaction.</summary>
internal static class ImportVerb
{
    public static Command Create(CliEnvironment environment)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "JSON (an array of commands), NDJSON (.ndjson, .jsonl) or YAML (.yaml, .yml) files; - reads standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "Decide every command against the store and print each outcome (applied, unchanged, duplicate or rejected by a rule), but write nothing",
        };
        var progress = new Option<bool>("--progress")
        {
            Description = "Show progress on standard error (commands decided, bytes read, rate and time left) even when it is not a terminal; a terminal gets a progress bar anyway",
        };
        var command = new Command("import", "Apply commands from files, all or nothing: a bad command anywhere means nothing is written") { files, dryRun, progress };
        command.SetAction((parse, cancellationToken) => TimelineCli.Execute(
            environment,
            parse,
            async (session, ct) =>
            {
                var paths = parse.GetValue(files)!;
                if (parse.GetValue(dryRun))
                {
                    var commands = await CommandFiles.ReadAsync(paths, environment, ct);
                    var tried = DryRunReport.Of(await session.Mediator.Send(new ApplyCommands(commands) { DryRun = true }, ct));
                    ShowDryRun(session.Screen, tried);
                    return tried.Rejected > 0 ? ExitCodes.Rejected : ExitCodes.Success;
                }
                var errors = new List<InputError>();
                var read = new ReadProgress();
                var request = new ImportCommands(CommandFiles.StreamAsync(paths, environment, errors, read, ct), errors)
                {
                    // Only the JSON report lists every outcome; the summary needs only the counts.
                    KeepOutcomes = session.Screen.Format == OutputFormat.Json,
                };
                request = request with
                {
                    BatchSize = environment.ImportBatchSize ?? request.BatchSize,
                    KeepMeetings = environment.ImportKeepMeetings ?? request.KeepMeetings,
                };
                var report = await ImportWithProgress(environment, session, request, read, parse.GetValue(progress), ct);
                Show(session.Screen, paths, report);
                return ExitCodes.Success;
            },
            cancellationToken,
            storeMustExist: false,
            writes: !parse.GetValue(dryRun)));
        return command;
    }

    /// <summary>Each command's outcome, one line each, and the counts; nothing was written either way.</summary>
    private static void ShowDryRun(Screen screen, DryRunReport report)
    {
        if (screen.Format == OutputFormat.Json)
        {
            screen.Json(report);
            return;
        }
        foreach (var o in report.Outcomes)
        {
            var what = o.Result switch
            {
                "applied" => $"would apply ({o.Events} event{(o.Events == 1 ? "" : "s")})",
                "unchanged" => "would change nothing",
                "duplicate" => "already in the store",
                _ => $"would be rejected ({o.Rule}): {o.Reason}",
            };
            screen.Console.MarkupLineInterpolated($"{o.Origin}: {o.Command} {o.MeetingId}: {what}");
        }
        screen.Console.MarkupLineInterpolated(
            $"Dry run: {report.Commands} commands; {report.Applied} would apply, {report.Unchanged} would change nothing, {report.Duplicates} already in the store, {report.Rejected} would be rejected; {report.EventsToAppend} events would be appended. Nothing was written.");
    }

    /// <summary>
    /// Long imports on a terminal show a progress bar on standard error, and <c>--progress</c> writes a line a second
    /// there; otherwise nothing is shown.
    /// </summary>
    private static async Task<ApplyReport> ImportWithProgress(
        CliEnvironment environment, Session session, ImportCommands request, ReadProgress read, bool lines, CancellationToken ct)
    {
        const long LongImport = 256 * 1024;
        if (lines)
        {
            var progress = new ImportProgress(read, environment.Clock, line => environment.Error.WriteLine(line), TimeSpan.FromSeconds(1));
            return await session.Mediator.Send(request with { Progress = progress }, ct);
        }
        if (!environment.IsInteractive || read.TotalBytes < LongImport)
        {
            return await session.Mediator.Send(request, ct);
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(environment.Error) });
        return await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("import: reading", maxValue: read.TotalBytes);
                var progress = new ImportProgress(read, environment.Clock, line => (task.Description, task.Value) = (Markup.Escape(line), read.BytesRead), TimeSpan.FromMilliseconds(250));
                var report = await session.Mediator.Send(request with { Progress = progress }, ct);
                task.Value = read.TotalBytes;
                return report;
            });
    }

    internal static void Show(Screen screen, IReadOnlyList<string> paths, ApplyReport report)
    {
        if (screen.Format == OutputFormat.Json)
        {
            screen.Json(new
            {
                files = paths,
                commands = report.Counts.Commands,
                applied = report.Applied,
                unchanged = report.Unchanged,
                duplicates = report.Duplicates,
                retries = report.Retries,
                eventsAppended = report.EventsAppended,
                streamVersions = report.StreamVersions,
                outcomes = report.Outcomes.Select(o => new
                {
                    file = o.Origin.File,
                    index = o.Origin.Index,
                    line = o.Origin.Line,
                    command = o.Command,
                    meetingId = o.MeetingId,
                    commandId = o.CommandId,
                    result = o.Result,
                    sequences = o.Sequences,
                }),
            });
            return;
        }
        var files = paths.Count == 1 ? paths[0] : $"{paths.Count} files";
        screen.Console.MarkupLineInterpolated(
            $"Imported {files}: {report.Counts.Commands} commands; [green]{report.Applied} applied[/], {report.Unchanged} changed nothing, {report.Duplicates} already in the store; {report.EventsAppended} events appended.");
    }
}
