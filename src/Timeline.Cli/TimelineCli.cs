using System.CommandLine;
using Timeline.Cli.Output;
using Timeline.Cli.Stores;
using Timeline.Store.Selection;
using Timeline.Cli.Verbs;
using Timeline.Core.Commands;
using Timeline.Core.Knowledge;
using Timeline.Core.Storage;

namespace Timeline.Cli;

/// <summary>The <c>timeline</c> command line: verbs, global options, and the one place errors become exit codes.</summary>
public static partial class TimelineCli
{
    internal static readonly Option<string?> StoreOption = new("--store")
    {
        Description = $"Where the events live: sqlite:<path>, postgres://user:password@host:port/database or an Npgsql connection string. Default: TIMELINE_STORE, else {StoreLocation.Default}",
        Recursive = true,
    };

    internal static readonly Option<string> FormatOption = CreateFormatOption();

    private static Option<string> CreateFormatOption()
    {
        var option = new Option<string>("--format")
        {
            Description = "table (for people) or json (the stable contract, for programs)",
            DefaultValueFactory = _ => "table",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong("table", "json");
        return option;
    }

    /// <summary>Runs one invocation and returns its exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment)
    {
        var root = new RootCommand("timeline: an event-sourced store of diplomatic timelines. What was announced, what was confirmed, and what was known on any date.");
        root.Options.Add(StoreOption);
        root.Options.Add(FormatOption);
        root.Subcommands.Add(ImportVerb.Create(environment));
        root.Subcommands.Add(QueryVerbs.Schedule(environment));
        root.Subcommands.Add(QueryVerbs.History(environment));
        root.Subcommands.Add(QueryVerbs.Attendance(environment));
        root.Subcommands.Add(QueryVerbs.Audit(environment));
        root.Subcommands.Add(ChangeVerbs.Diff(environment));
        root.Subcommands.Add(ChangeVerbs.Conflicts(environment));
        root.Subcommands.Add(WatchVerb.Create(environment));
        root.Subcommands.Add(DemoVerb.Create(environment));
        root.Subcommands.Add(StoreVerbs.Export(environment));
        root.Subcommands.Add(StoreVerbs.Restore(environment));
        root.Subcommands.Add(StoreVerbs.Migrate(environment));
        root.Subcommands.Add(ChainVerbs.Digest(environment));
        root.Subcommands.Add(ChainVerbs.Verify(environment));
        root.Subcommands.Add(StoreVerbs.Rebuild(environment));
        root.Subcommands.Add(ServeVerb.Create(environment));
        root.Subcommands.Add(KeysVerb.Create(environment));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await environment.Error.WriteLineAsync($"timeline: {Describe(error)}");
            }
            await environment.Error.WriteLineAsync("Run 'timeline --help' for usage.");
            return ExitCodes.BadInput;
        }
        // Ctrl+C cancels the verb's token and waits this long for it to finish (close the store, flush the output) before
        // exiting with 130; the library's 2 s is too short for a busy machine, where 'watch' would then end with 130, not 0.
        return await parse.InvokeAsync(new InvocationConfiguration
        {
            Output = environment.Out, Error = environment.Error, EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = TimeSpan.FromSeconds(15),
        });
    }

    /// <summary>
    /// Runs a verb's work with its services and turns every failure into a message and an exit code: 2 for bad
    /// input, 3 for a rule rejection or write conflict, 4 when the store is unavailable, 1 for anything unexpected. No stack trace is printed
    /// unless <c>TIMELINE_DEBUG=1</c>.
    /// </summary>
    internal static async Task<int> Execute(
        CliEnvironment environment,
        ParseResult parse,
        Func<Session, CancellationToken, Task<int>> work,
        CancellationToken cancellationToken,
        bool storeMustExist = true,
        string? storeOverride = null,
        bool writes = true)
    {
        // System.CommandLine installs its Ctrl+C handler only once the action has handed back its task, so a verb that ran
        // synchronously for a while (SQLite calls complete synchronously) could be stopped by SIGINT's default action,
        // exit 130, instead of by its cancellation token: hand the task back first.
        await Task.Yield();
        try
        {
            var location = StoreChoice.Resolve(storeOverride ?? parse.GetValue(StoreOption), environment);
            if (storeMustExist && location.IsMissing)
            {
                throw new UsageProblem($"there is no store at {location}; import some commands first, or run 'timeline demo'");
            }
            var wasMissing = location.IsMissing;
            var format = parse.GetValue(FormatOption) == "json" ? OutputFormat.Json : OutputFormat.Table;
            var keep = false;
            try
            {
                await using var session = Session.Open(environment, location, format);
                var code = await work(session, cancellationToken);
                keep = writes;
                return code;
            }
            finally
            {
                // A failed first write, or a run that writes nothing (a dry run), leaves no trace: not even an empty store file.
                if (wasMissing && !keep)
                {
                    location.DeleteFiles();
                }
            }
        }
        catch (Exception e)
        {
            return await Report(environment, e);
        }
    }

    /// <summary>A parse error as users should read it: naming the option, never a .NET type.</summary>
    private static string Describe(System.CommandLine.Parsing.ParseError error)
    {
        var message = ExpectedType().Replace(error.Message, match =>
            match.Groups[1].Value.Contains("Int", StringComparison.Ordinal) ? "as a whole number" : "as a value of the right kind");
        var option = error.SymbolResult switch
        {
            System.CommandLine.Parsing.OptionResult result => result.Option.Name,
            System.CommandLine.Parsing.ArgumentResult { Parent: System.CommandLine.Parsing.OptionResult result } => result.Option.Name,
            _ => null,
        };
        return option is null || message.Contains(option, StringComparison.Ordinal) ? message : $"{option}: {message}";
    }

    [System.Text.RegularExpressions.GeneratedRegex("as expected type '([^']*)'")]
    private static partial System.Text.RegularExpressions.Regex ExpectedType();

    /// <summary><c>asOf</c> becomes <c>--as-of</c>.</summary>
    private static string OptionName(string field) =>
        field == "meetingId" ? "meeting" : "--" + System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(field);

    private static async Task<int> Report(CliEnvironment environment, Exception exception)
    {
        var error = environment.Error;
        switch (exception)
        {
            case InputRejected rejected:
                foreach (var problem in rejected.Errors.Take(50))
                {
                    // Commands point at their file and index; a query's problem is with one of its options.
                    await error.WriteLineAsync(problem.Origin is null && problem.Field.Length > 0
                        ? $"error: {OptionName(problem.Field)}: {problem.Message}"
                        : $"error: {problem}");
                }
                if (rejected.Errors.Count > 50)
                {
                    await error.WriteLineAsync($"... and {rejected.Errors.Count - 50} more problems.");
                }
                if (rejected.Errors.Any(e => e.Origin is not null || e.Field.Length == 0))
                {
                    await error.WriteLineAsync("Nothing was written.");
                }
                return ExitCodes.BadInput;
            case CommandRejected rejected:
                await error.WriteLineAsync($"rejected: {rejected.Message}");
                await error.WriteLineAsync("Nothing was written.");
                return ExitCodes.Rejected;
            case StoreUnavailable:
                await error.WriteLineAsync($"error: {exception.Message}");
                return ExitCodes.StoreUnavailable;
            case UsageProblem or MeetingNotFound or InvalidDataException or StoreNotEmpty:
                await error.WriteLineAsync($"error: {exception.Message}");
                return ExitCodes.BadInput;
            case IOException or UnauthorizedAccessException:
                await error.WriteLineAsync($"error: {exception.Message}");
                await error.WriteLineAsync("Check the files named: they must exist (or their folder must) and be readable and writable.");
                return ExitCodes.BadInput;
            case OperationCanceledException:
                await error.WriteLineAsync("cancelled; nothing was written.");
                return ExitCodes.Unexpected;
            default:
                await error.WriteLineAsync($"timeline: unexpected failure ({exception.GetType().Name}): {exception.Message}");
                if (environment.Variable("TIMELINE_DEBUG") == "1")
                {
                    await error.WriteLineAsync(exception.ToString());
                }
                else
                {
                    await error.WriteLineAsync("Set TIMELINE_DEBUG=1 to see the details.");
                }
                return ExitCodes.Unexpected;
        }
    }
}
