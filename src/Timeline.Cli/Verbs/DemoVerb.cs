using System.CommandLine;
using System.Reflection;
using System.Text.Json;
using Spectre.Console;
using Timeline.Cli.Output;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Core.Storage;
using Timeline.Store.Selection;
using Timeline.Core.Attendance;
using Timeline.Core.Commands;
using Timeline.Core.Commands.ApplyCommands;
using Timeline.Core.History;
using Timeline.Core.Schedule;

namespace Timeline.Cli.Verbs;

/// <summary>
/// <c>timeline demo</c>: loads the seed article and the later reports that travel inside the tool into a fresh store,
/// then shows the schedule as known on 10 Sep 2022, the schedule now, the G20 history and Putin's attendance ledger.
/// </summary>
internal static class DemoVerb
{
    public const string ArticleResource = "seeds/2022-09-08-ushakov-briefing.json";
    public const string LaterPrefix = "seeds/later/";
    private const string ArticleDay = "2022-09-10";
    private const string HistoryMeeting = "g20-2022";
    private const string Person = "Vladimir Putin";

    public static Command Create(CliEnvironment environment)
    {
        var command = new Command(
            "demo",
            "Load the seed article and what happened next into a fresh store and show what Timeline answers. Without --store it uses a new file in the temp directory; with --store it replaces that store.");
        command.SetAction((parse, cancellationToken) =>
        {
            var named = parse.GetValue(TimelineCli.StoreOption);
            string? temporary = null;
            if (named is null)
            {
                temporary = Path.Combine(Path.GetTempPath(), $"timeline-demo-{Guid.NewGuid():N}.db");
            }
            return TimelineCli.Execute(environment, parse, (session, ct) => Run(environment, session, named is not null, ct), cancellationToken, storeMustExist: false, storeOverride: temporary is null ? null : $"sqlite:{temporary}");
        });
        return command;
    }

    private static async Task<int> Run(CliEnvironment environment, Session session, bool replace, CancellationToken cancellationToken)
    {
        if (replace)
        {
            await ClearAsync(session, cancellationToken);
        }
        var article = await session.Mediator.Send(new ApplyCommands(Read(ArticleResource)), cancellationToken);
        var thenSchedule = await session.Mediator.Send(new GetSchedule(AsOf: ArticleDay), cancellationToken);
        var later = await session.Mediator.Send(new ApplyCommands([.. LaterResources().SelectMany(Read)]), cancellationToken);
        var nowSchedule = await session.Mediator.Send(new GetSchedule(), cancellationToken);
        var history = await session.Mediator.Send(new GetHistory(HistoryMeeting), cancellationToken);
        var ledger = await (await session.Mediator.Send(new GetAttendance(Participant: Person), cancellationToken)).ToDocumentAsync(cancellationToken);

        var screen = session.Screen;
        if (screen.Format == OutputFormat.Json)
        {
            screen.Json(new { store = session.Location.ToString(), scheduleAsOf = thenSchedule, schedule = nowSchedule, history, attendance = ledger });
            return ExitCodes.Success;
        }

        var console = screen.Console;
        console.MarkupLineInterpolated($"[bold]Timeline demo[/], in the store [blue]{session.Location.ToString()}[/]");
        console.MarkupLineInterpolated($"1. The seed article: Kremlin aide Yury Ushakov's briefing of 8 Sep 2022 ({article.Outcomes.Count} statements, {article.EventsAppended} events).");
        console.WriteLine();
        Tables.Schedule(console, thenSchedule);
        console.WriteLine();
        console.MarkupLineInterpolated($"2. What happened next: {later.Outcomes.Count} later reports, from Samarkand in September to Bishkek in December ({later.EventsAppended} events).");
        console.WriteLine();
        Tables.Schedule(console, nowSchedule);
        console.WriteLine();
        Tables.History(console, history);
        console.WriteLine();
        Tables.Attendance(console, ledger);
        console.WriteLine();
        var store = Quote(session.Location.ToString());
        console.MarkupLine("[bold]Try next[/] (the demo store stays where it is):");
        console.MarkupLineInterpolated($"  timeline --store {store} schedule --as-of 2022-11-12");
        console.MarkupLineInterpolated($"  timeline --store {store} history apec-2022");
        console.MarkupLineInterpolated($"  timeline --store {store} audit --speaker ushakov --format json");
        console.MarkupLine("[grey](From a clone of the repository, 'timeline' is 'dotnet run --project src/Timeline.Cli --'.)[/]");
        return ExitCodes.Success;
    }

    // A named SQLite store is replaced; a PostgreSQL store is shared, so the demo only ever fills an empty one.
    private static async Task ClearAsync(Session session, CancellationToken cancellationToken)
    {
        if (session.Location.Kind == StoreKind.Sqlite)
        {
            session.Location.DeleteFiles();
            return;
        }
        var count = await session.Services.GetRequiredService<IStoreMaintenance>().CountAsync(cancellationToken);
        if (count > 0)
        {
            throw new UsageProblem($"{session.Location} already holds {count} events; the demo fills only an empty PostgreSQL store (use a new database or schema)");
        }
    }

    private static string Quote(string text) => text.Contains(' ', StringComparison.Ordinal) ? $"\"{text}\"" : text;

    internal static IEnumerable<string> LaterResources() =>
        typeof(DemoVerb).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(LaterPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    internal static List<SubmittedCommand> Read(string resource)
    {
        using var stream = typeof(DemoVerb).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the seed {resource} is missing from this build of timeline");
        using var document = JsonDocument.Parse(stream);
        var errors = new List<InputError>();
        var commands = document.RootElement.EnumerateArray()
            .Select((element, index) => (Input: CommandCatalog.Read(element.Clone(), new CommandOrigin(resource, index), errors), Index: index))
            .Where(c => c.Input is not null)
            .Select(c => new SubmittedCommand(c.Input!, new CommandOrigin(resource, c.Index)))
            .ToList();
        return errors.Count == 0 ? commands : throw new InputRejected(errors);
    }
}
