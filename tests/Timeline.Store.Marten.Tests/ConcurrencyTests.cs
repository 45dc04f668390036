using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Timeline.Core.Storage;
using Timeline.Domain.Dates;
using Timeline.Testing.RacingWriter;
using static Timeline.Store.Contract.Seed;

namespace Timeline.Store.Marten.Tests;

/// <summary>Writers in this process and in others append to one meeting at once: nothing accepted is lost or doubled.</summary>
public sealed class ConcurrencyTests(MartenStoreFixture database) : IClassFixture<MartenStoreFixture>
{
    private const int Tasks = 8;
    private const int Processes = 2;
    private const int Attempts = 25;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Eight_tasks_and_two_processes_appending_to_one_meeting_lose_nothing_double_nothing_and_every_loser_gets_a_write_conflict()
    {
        var connection = await database.RequireAsync();
        var schema = database.NewSchema();
        var clock = new FakeTimeProvider(new DateTimeOffset(2022, 9, 8, 10, 30, 0, TimeSpan.Zero));
        await using var observer = new MartenEventStore(connection, clock, new() { Schema = schema });
        var announced = await observer.AppendAsync(
            [new StreamAppend(G20, 0, [new PendingEvent(Guid.NewGuid(), G20Announced, ReportedAt.Parse("2022-09-08"), Ushakov, "cmd-announce")])],
            "analyst",
            Cancel);
        var goFile = Path.Combine(Path.GetTempPath(), $"timeline-race-{Guid.NewGuid():N}");

        var processes = Enumerable.Range(0, Processes)
            .Select(i => StartWriterProcess(new RacingWriter.Orders(connection, schema, G20.Value, Attempts, $"process-{i}", goFile)))
            .ToList();
        try
        {
            var errors = processes.Select(p => Task.Run(() => p.StandardError.ReadToEndAsync(Cancel), Cancel)).ToList();
            var stores = new List<MartenEventStore>();
            for (var i = 0; i < Tasks; i++)
            {
                // Half share one instance, half have their own pool: both ways of being concurrent.
                stores.Add(i % 2 == 0 || stores.Count == 0 ? new MartenEventStore(connection, clock, new() { Schema = schema }) : stores[^1]);
            }
            using var start = new SemaphoreSlim(0);
            var tasks = stores.Select((store, i) => Task.Run(
                async () =>
                {
                    await start.WaitAsync(Cancel);
                    return await RacingWriter.RaceAsync(store, G20, Attempts, $"task-{i}", Cancel);
                },
                Cancel)).ToList();
            await WaitForReadyAsync(processes);
            var outputs = processes.Select(p => Task.Run(() => p.StandardOutput.ReadToEndAsync(Cancel), Cancel)).ToList();

            await File.WriteAllTextAsync(goFile, "go", Cancel);
            start.Release(Tasks);
            var inProcess = await Task.WhenAll(tasks);
            foreach (var store in stores.Distinct())
            {
                await store.DisposeAsync();
            }
            var fromProcesses = new List<RacingWriter.Outcome>();
            foreach (var (process, i) in processes.Select((p, i) => (p, i)))
            {
                Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "a racing process did not finish");
                var output = await outputs[i];
                Assert.True(process.ExitCode == 0, $"racing process {i} exited with {process.ExitCode}: {output} {await errors[i]}");
                fromProcesses.Add(JsonSerializer.Deserialize<RacingWriter.Outcome>(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1])!);
            }

            var outcomes = inProcess.Concat(fromProcesses).ToList();
            var accepted = outcomes.SelectMany(o => o.Accepted).ToList();
            var stream = await observer.ReadStreamAsync(G20, Cancel);

            // Every attempt either was accepted or got a WriteConflict (a crash fails the race above).
            Assert.All(outcomes, o => Assert.Equal(Attempts, o.Accepted.Count + o.Conflicts));
            Assert.True(accepted.Count >= Attempts, $"only {accepted.Count} appends were accepted");
            Assert.True(outcomes.Sum(o => o.Conflicts) > 0, "the writers never raced");
            Assert.True(fromProcesses.Sum(o => o.Accepted.Count) > 0 && inProcess.Sum(o => o.Accepted.Count) > 0, "both processes and tasks should win some");
            // Versions 1..n with n = accepted + the announcement; each accepted event exactly once; nothing else.
            Assert.Equal(Enumerable.Range(1, accepted.Count + 1).Select(v => (long)v), stream.Select(e => e.StreamVersion));
            Assert.Equal(announced[0].EventId, stream[0].EventId);
            Assert.Equal(accepted.Order(), stream.Skip(1).Select(e => e.EventId).Order());
            // One writer at a time draws sequence numbers, so they follow the versions.
            Assert.Equal(stream.Select(e => e.Sequence).Order(), stream.Select(e => e.Sequence));
            Assert.Equal(accepted.Count + 1, await observer.CountAsync(Cancel));
        }
        finally
        {
            foreach (var process in processes)
            {
                if (!process.HasExited)
                {
                    process.Kill();
                }
                process.Dispose();
            }
            File.Delete(goFile);
        }
    }

    /// <summary>Starts the racing writer, which the build puts beside this test assembly, as a process of its own.</summary>
    private static Process StartWriterProcess(RacingWriter.Orders orders)
    {
        var writer = Path.Combine(AppContext.BaseDirectory, "Timeline.Testing.RacingWriter.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["exec", writer, JsonSerializer.Serialize(orders)])
        {
            start.ArgumentList.Add(argument);
        }
        return Process.Start(start) ?? throw new InvalidOperationException("the racing process did not start");
    }

    private static async Task WaitForReadyAsync(IReadOnlyList<Process> processes)
    {
        // "ready" is each process's first line; the rest of its output is read after the race.
        foreach (var process in processes)
        {
            var line = await process.StandardOutput.ReadLineAsync(Cancel).AsTask().WaitAsync(TimeSpan.FromMinutes(1), Cancel);
            Assert.True(line == "ready", $"a racing process said '{line}' instead of ready");
        }
    }
}
