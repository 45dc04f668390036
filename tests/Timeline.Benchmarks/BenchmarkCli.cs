using System.CommandLine;
using Timeline.Benchmarks.Archive;
using Timeline.Benchmarks.Phases;
using Timeline.Benchmarks.Running;
using Timeline.Store.Selection;

namespace Timeline.Benchmarks;

/// <summary>
/// The benchmark's command line: a run (the default), <c>generate</c> for the synthetic archive as a file, and the
/// hidden <c>--phase</c> a run starts its child processes with.
/// </summary>
internal static class BenchmarkCli
{
    /// <summary>Exit codes: 0 done, 1 unexpected failure, 2 bad usage, 3 the archive was rejected, 4 no store.</summary>
    public static class Exit
    {
        public const int Success = 0;
        public const int Unexpected = 1;
        public const int BadUsage = 2;
        public const int Rejected = 3;
        public const int StoreUnavailable = 4;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var events = Positive(new Option<int>("--events")
        {
            HelpName = "N",
            Description = "How many events the synthetic archive holds (each of its commands appends one).",
            DefaultValueFactory = _ => 10_000,
        });
        var seed = new Option<int>("--seed")
        {
            HelpName = "S",
            Description = "The archive's seed: the same --events and --seed always give the same archive.",
            DefaultValueFactory = _ => 1,
        };

        var root = new RootCommand(
            "Timeline's benchmark: imports a deterministic synthetic archive into a real store and prints one table in which "
            + "every figure (import, one durable command, the queries, rebuild, growth, peak memory) stands beside its baseline "
            + "measured in the same run, with its target. Each measured phase runs in a process of its own.");
        var store = new Option<string>("--store")
        {
            Description = "sqlite (a file in the work folder) or postgres (a throwaway cluster from the local PostgreSQL binaries, fsync off, unless --postgres names a server).",
            DefaultValueFactory = _ => "sqlite",
        };
        store.AcceptOnlyFromAmong("sqlite", "postgres");
        var postgres = new Option<string?>("--postgres")
        {
            HelpName = "CONNECTION",
            Description = "With --store postgres: a PostgreSQL URI or Npgsql connection string of an empty database to fill, instead of a throwaway cluster. The imported archive stays there; a second database is made (and dropped) for the growth figure if the role may create one.",
        };
        var work = new Option<string?>("--work")
        {
            HelpName = "DIR",
            Description = "A folder for the archive's files, SQLite stores and scratch files. Default: a new temporary folder, deleted afterwards.",
        };
        var keep = new Option<bool>("--keep") { Description = "Keep the temporary work folder (archive files, SQLite stores) afterwards." };
        var parts = Positive(new Option<int>("--parts")
        {
            HelpName = "N",
            Description = "Files the archive is split into, each imported as `timeline import` imports a file (one transaction), so the store holds several recorded times.",
            DefaultValueFactory = _ => 10,
        });
        var repetitions = Positive(new Option<int>("--reps")
        {
            HelpName = "N",
            Description = "At most this many timed runs of each latency figure, after an untimed warm-up (at least one run, up to a second).",
            DefaultValueFactory = _ => 30,
        });
        var budget = new Option<double>("--budget")
        {
            HelpName = "SECONDS",
            Description = "Seconds to keep repeating a latency figure; at least 3 timed runs happen regardless.",
            DefaultValueFactory = _ => 10,
        };
        var growthBase = new Option<int>("--growth-base")
        {
            HelpName = "N",
            Description = "The archive size the growth figure compares the windowed query with (same seed, imported the same way). 0 leaves it out.",
            DefaultValueFactory = _ => 10_000,
        };
        var format = new Option<string>("--format")
        {
            Description = "table (for people) or json (to store runs and compare them).",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json");
        var browser = new Option<bool>("--browser")
        {
            Description = "Also time the web page: the filled store is served in this process (reads open) on a loopback port and opened in the headless system Chromium (/usr/bin/chromium, or TIMELINE_CHROMIUM): its first render (navigation to the first page of meetings drawn, over fresh page loads) and a slider step (ArrowLeft on the slider to the earlier day drawn), each beside the API request it waits for.",
        };
        var output = new Option<string?>("--out") { HelpName = "FILE", Description = "Also write the report as JSON to this file." };
        var phase = new Option<string?>("--phase") { Hidden = true, Description = "Runs one measured phase (the benchmark starts itself with it)." };
        var plan = new Option<string?>("--plan") { Hidden = true, Description = "The phase's plan file." };
        foreach (var option in new Option[] { events, store, postgres, seed, work, keep, parts, repetitions, budget, growthBase, format, browser, output, phase, plan })
        {
            root.Options.Add(option);
        }
        root.SetAction((parse, ct) => Guarded(async () =>
        {
            if (parse.GetValue(phase) is { } name)
            {
                await Phase.RunHereAsync(name, parse.GetValue(plan) ?? throw new ArgumentException("--phase needs --plan"), Console.Out, ct);
                return Exit.Success;
            }
            var kind = parse.GetValue(store) == "postgres" ? StoreKind.Postgres : StoreKind.Sqlite;
            if (parse.GetValue(postgres) is not null && kind != StoreKind.Postgres)
            {
                throw new ArgumentException("--postgres needs --store postgres");
            }
            var options = new RunOptions(
                parse.GetValue(events),
                kind,
                parse.GetValue(seed),
                parse.GetValue(postgres),
                parse.GetValue(work),
                parse.GetValue(keep),
                parse.GetValue(parts),
                parse.GetValue(repetitions),
                Math.Max(0, parse.GetValue(budget)),
                Math.Max(0, parse.GetValue(growthBase)),
                parse.GetValue(format) == "json",
                parse.GetValue(output),
                parse.GetValue(browser));
            await BenchmarkRun.RunAsync(options, Console.Out, Console.Error, ct);
            return Exit.Success;
        }));

        var generate = new Command("generate", "Writes the synthetic archive as one NDJSON file of commands, ready for `timeline import`.");
        var generateEvents = Positive(new Option<int>("--events") { HelpName = "N", Description = "How many commands (one event each).", Required = true });
        var generateSeed = new Option<int>("--seed") { HelpName = "S", Description = "The archive's seed.", DefaultValueFactory = _ => 1 };
        var file = new Option<string>("--out") { HelpName = "FILE", Description = "The file to write (FILE.ndjson).", Required = true };
        generate.Options.Add(generateEvents);
        generate.Options.Add(generateSeed);
        generate.Options.Add(file);
        generate.SetAction((parse, ct) => Guarded(async () =>
        {
            var archive = SyntheticArchive.Generate(parse.GetValue(generateEvents), parse.GetValue(generateSeed));
            var path = parse.GetValue(file)!;
            archive.WriteFile(path);
            var shape = archive.Shape;
            await Console.Out.WriteLineAsync(
                $"{path}: {shape.Commands} commands, {shape.Meetings} meetings, {shape.Participants} participants, {shape.Backdated} backdated reports");
            if (new FileInfo(path).Length > Timeline.Cli.Input.CommandFiles.MaxBytes)
            {
                await Console.Error.WriteLineAsync(
                    $"note: timeline import reads files of at most {Timeline.Cli.Input.CommandFiles.MaxBytes / (1024 * 1024)} MiB; split this one (split -l 500000) and import the parts");
            }
            return Exit.Success;
        }));
        root.Subcommands.Add(generate);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync($"benchmark: {error.Message}");
            }
            await Console.Error.WriteLineAsync("Run with --help for usage.");
            return Exit.BadUsage;
        }
        return await parsed.InvokeAsync();
    }

    private static Option<int> Positive(Option<int> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError($"{option.Name} must be at least 1");
            }
        });
        return option;
    }

    /// <summary>One line for every failure, with the exit code that says what kind it was.</summary>
    private static async Task<int> Guarded(Func<Task<int>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"benchmark: {e.Message}");
            return Exit.BadUsage;
        }
        catch (ArchiveRejected e)
        {
            await Console.Error.WriteLineAsync($"benchmark: the archive was not applied in full: {e.Message}");
            return Exit.Rejected;
        }
        catch (StoreUnavailable e)
        {
            await Console.Error.WriteLineAsync($"benchmark: {e.Message}");
            return Exit.StoreUnavailable;
        }
        catch (PhaseFailed e)
        {
            await Console.Error.WriteLineAsync($"benchmark: {e.Message}");
            return e.ExitCode is Exit.Rejected or Exit.StoreUnavailable ? e.ExitCode : Exit.Unexpected;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"benchmark: unexpected failure ({e.GetType().Name}): {e}");
            return Exit.Unexpected;
        }
    }
}
