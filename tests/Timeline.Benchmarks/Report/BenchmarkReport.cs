using System.Text.Json;
using Spectre.Console;
using Timeline.Benchmarks.Archive;
using Timeline.Benchmarks.Running;

namespace Timeline.Benchmarks.Report;

/// <summary>
/// The report of one run: what was measured, on what, and one table in which every figure stands beside its
/// baseline from the same run, with its target and whether it is met. Printed as a table or as JSON.
/// </summary>
internal sealed record BenchmarkReport(
    RunOptions Options,
    Machine Machine,
    (double? AtStart, double? AtEnd) Load,
    string Where,
    string Settings,
    ArchiveShape Archive,
    QueryChoices Queries,
    string RecordedAsOf,
    int Files,
    IReadOnlyList<ReportRow> Rows)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Stored runs are read by people too: ×, ≤ and quotes stay as they are.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public void Write(TextWriter output, bool json)
    {
        if (json)
        {
            output.WriteLine(ToJson());
            return;
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = Console.IsOutputRedirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = Console.IsOutputRedirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 260;
        }
        foreach (var (label, text) in Context())
        {
            console.Write(new Markup($"[bold]{Markup.Escape(label)}[/]: "));
            console.WriteLine(text);
        }
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in new[] { "figure", "value", "baseline (same run)", "ratio", "target", "" })
        {
            table.AddColumn(column);
        }
        foreach (var row in Rows)
        {
            var verdict = row.Verdict switch
            {
                ReportRow.Pass => "[green]pass[/]",
                ReportRow.Miss => "[red]miss[/]",
                _ => Markup.Escape(row.Verdict),
            };
            table.AddRow(
                new Text(row.Figure),
                new Text(row.Value),
                new Text(row.Baseline),
                new Text(row.Ratio),
                new Text(row.Target),
                new Markup(verdict));
        }
        console.Write(table);
    }

    public string ToJson() => JsonSerializer.Serialize(
        new
        {
            events = Options.Events,
            store = Options.Store.ToString().ToLowerInvariant(),
            seed = Options.Seed,
            files = Files,
            machine = Machine,
            loadAverage = new { atStart = Load.AtStart, atEnd = Load.AtEnd },
            where = Where,
            settings = Settings,
            archive = Archive,
            queries = Queries,
            recordedAsOf = RecordedAsOf,
            repetitions = new { max = Options.Repetitions, budgetSeconds = Options.BudgetSeconds },
            rows = Rows,
        },
        Json);

    private static string Show(double? load) => load is { } value ? value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "unknown";

    private string StoreName => Options.Store == Timeline.Store.Selection.StoreKind.Sqlite ? "SQLite" : "PostgreSQL";

    private IEnumerable<(string Label, string Text)> Context()
    {
        var a = Archive;
        yield return ("Timeline benchmark", $"{Format.Whole(Options.Events)} events on {StoreName} (seed {Options.Seed}), imported as {Files} files, each read by timeline import's reader and applied in one transaction");
        yield return ("machine", $"{Machine}; 1-minute load average {Show(Load.AtStart)} at the start, {Show(Load.AtEnd)} at the end");
        yield return ("store", $"{Where}; {Settings}");
        yield return ("archive", $"{Format.Whole(a.Meetings)} meetings ({Format.Whole(a.Summits)} summits), {Format.Whole(a.Participants)} participants, "
            + $"reports {a.FirstReport:yyyy-MM-dd} to {a.LastReport:yyyy-MM-dd}, {Format.Whole(a.Backdated)} backdated, "
            + string.Join(", ", a.ByCommand.Where(c => c.Key is not ("AnnounceSummit" or "AnnounceMeeting")).Select(c => $"{Format.Whole(c.Value)} {c.Key}")));
        yield return ("queries", $"window {Queries.WindowFrom}..{Queries.WindowTo} (dates of {Queries.WindowMeetings} meetings), as of D = {Queries.AsOf}, "
            + $"recorded as of T = {RecordedAsOf}, meeting {Queries.MeetingId}, participant {Queries.Participant}, speaker \"{Queries.Speaker}\"");
        yield return ("repetitions", $"after an untimed warm-up (at least one run, up to a second), up to {Options.Repetitions} timed runs or {Options.BudgetSeconds:0.#} s per figure (at least 3); "
            + "p99 is the slowest run when there are fewer than 100");
    }
}
