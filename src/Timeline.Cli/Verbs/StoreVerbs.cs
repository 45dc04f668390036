using System.CommandLine;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Cli.Output;
using Timeline.Core.Archive;
using Timeline.Core.Index;
using Timeline.Core.Storage;

namespace Timeline.Cli.Verbs;

/// <summary>Operator verbs: <c>export</c>, <c>restore</c> and <c>migrate</c>, for moving a timeline between stores, and <c>rebuild</c>.</summary>
internal static class StoreVerbs
{
    public static Command Export(CliEnvironment environment)
    {
        var output = new Option<string?>("--out") { Description = "Write to this file instead of standard output (replaced only once the export is complete)" };
        var command = new Command("export", "Write every event with all of its metadata as NDJSON, for backups and for moving to another store") { output };
        command.SetAction((parse, cancellationToken) => TimelineCli.Execute(environment, parse, async (session, ct) =>
        {
            var store = session.Services.GetRequiredService<IEventStore>();
            var path = parse.GetValue(output);
            if (path is null)
            {
                var count = await WriteAsync(store, environment.Out, ct);
                await environment.Error.WriteLineAsync($"Exported {count} events from {session.Location}.");
                return ExitCodes.Success;
            }
            var target = environment.Resolve(path);
            var partial = target + ".partial";
            long written;
            try
            {
                await using (var file = new StreamWriter(partial, false, new UTF8Encoding(false)))
                {
                    written = await WriteAsync(store, file, ct);
                }
                File.Move(partial, target, overwrite: true);
            }
            catch
            {
                // A store that cannot be read (unreachable, refused) leaves no half-written file behind.
                File.Delete(partial);
                throw;
            }
            await environment.Out.WriteLineAsync($"Exported {written} events from {session.Location} to {path}.");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    public static Command Restore(CliEnvironment environment)
    {
        var input = new Argument<string>("file") { Description = "An export made by 'timeline export'; - reads standard input" };
        var command = new Command("restore", "Load an export into an empty store, keeping sequences, recordedAt and recordedBy; refuses a store that holds events") { input };
        command.SetAction((parse, cancellationToken) => TimelineCli.Execute(environment, parse, async (session, ct) =>
        {
            var name = parse.GetValue(input)!;
            var maintenance = session.Services.GetRequiredService<IStoreMaintenance>();
            using var reader = OpenInput(environment, name);
            var restored = await maintenance.RestoreAsync(ReadAsync(reader, name, ct), ct);
            await environment.Out.WriteLineAsync($"Restored {restored} events into {session.Location}.");
            return ExitCodes.Success;
        }, cancellationToken, storeMustExist: false));
        return command;
    }

    public static Command Migrate(CliEnvironment environment)
    {
        var command = new Command("migrate", "Create or upgrade the store's schema now, for operators who forbid schema changes at run time");
        command.SetAction((parse, cancellationToken) => TimelineCli.Execute(environment, parse, async (session, ct) =>
        {
            var message = await session.Services.GetRequiredService<IStoreMaintenance>().MigrateAsync(ct);
            await environment.Out.WriteLineAsync(message);
            return ExitCodes.Success;
        }, cancellationToken, storeMustExist: false));
        return command;
    }

    public static Command Rebuild(CliEnvironment environment)
    {
        var command = new Command("rebuild", "Recompute every index from the log (the log is the only source of truth; answers do not change)");
        command.SetAction((parse, cancellationToken) => TimelineCli.Execute(environment, parse, async (session, ct) =>
        {
            QueryVerbs.Render(session.Screen, await session.Mediator.Send(new RebuildIndex(), ct), Tables.Rebuild);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static async Task<long> WriteAsync(IEventStore store, TextWriter writer, CancellationToken cancellationToken)
    {
        long count = 0;
        await foreach (var e in store.ReadAllAsync(EventQuery.All, cancellationToken))
        {
            await writer.WriteLineAsync(ArchiveFormat.Write(e));
            count++;
        }
        await writer.FlushAsync(cancellationToken);
        return count;
    }

    private static StreamReader OpenInput(CliEnvironment environment, string name)
    {
        if (name == "-")
        {
            return new StreamReader(environment.OpenStandardInput(), Encoding.UTF8);
        }
        var path = environment.Resolve(name);
        return File.Exists(path) ? new StreamReader(path, Encoding.UTF8) : throw new UsageProblem($"{name}: no such file");
    }

    private static async IAsyncEnumerable<StoredEvent> ReadAsync(StreamReader reader, string name, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (line.Length > 0)
            {
                yield return ArchiveFormat.Read(line, name, lineNumber);
            }
        }
    }
}
