using System.Diagnostics;
using System.Text.Json;
using Timeline.Cli.Tests.Harness;

namespace Timeline.Cli.Tests.Postgres;

/// <summary>
/// Eight in-process writers and two real <c>timeline</c> processes send commands with an expected version to one
/// meeting on PostgreSQL at the same moment. Each round, exactly one wins; every loser exits 3 with a conflict message;
/// afterwards every accepted command is in the store exactly once and no losing command is.
/// </summary>
/// <remarks>
/// In-process writers start faster than a process can open its store, so they win the mixed rounds; a last round
/// between the two processes alone shows a process's accepted command landing too.
/// </remarks>
public sealed class ConcurrencyTests(CliPostgres postgres) : IClassFixture<CliPostgres>
{
    private const int Tasks = 8;
    private const int Processes = 2;
    private const int Rounds = 5;
    private const string Meeting = "race-summit-2022";

    private readonly ITestOutputHelper _output = TestContext.Current.TestOutputHelper!;

    [Fact]
    public async Task Eight_tasks_and_two_processes_racing_on_one_meeting_lose_nothing_double_nothing_and_every_loser_exits_3()
    {
        var store = await postgres.NewStoreAsync();
        using var workspace = new CliWorkspace();
        workspace.Variables["TIMELINE_STORE"] = store.Uri;
        (await workspace.Run("migrate")).Succeeded();
        (await workspace.Run("import", workspace.Write("announce.json", $$"""
            [{ "command": "AnnounceMeeting", "meetingId": "{{Meeting}}", "reportedAt": "2022-09-08", "title": "Race summit",
               "kind": "summit", "participants": ["Vladimir Putin"], "dates": "2022-12" }]
            """))).Succeeded();
        var processVariables = new Dictionary<string, string> { ["TIMELINE_STORE"] = store.Uri, ["TIMELINE_USER"] = "racer" };

        var accepted = new List<string>();
        var lost = new List<string>();
        for (var round = 1; round <= Rounds + 1; round++)
        {
            var tasks = round <= Rounds ? Tasks : 0;
            var clock = Stopwatch.StartNew();
            // The processes start first and wait on standard input, so they are up when the race begins.
            var processes = Enumerable.Range(0, Processes)
                .Select(_ => RunningTimeline.Start(workspace.Folder, processVariables, "import", "-", "--format", "json"))
                .ToList();
            try
            {
                // Every writer reads the meeting's version before anyone writes: they all hold the same one.
                var versions = await Task.WhenAll(Enumerable.Range(0, tasks + Processes).Select(_ => VersionAsync(workspace)));
                Assert.All(versions, v => Assert.Equal(round, v));

                using var go = new SemaphoreSlim(0);
                var writers = Enumerable.Range(0, tasks + Processes).Select(w => Task.Run(
                    async () =>
                    {
                        var writer = w < tasks ? $"task-{w}" : $"process-{w - tasks}";
                        var command = Invite(round, writer, versions[w]);
                        await go.WaitAsync(TestContext.Current.CancellationToken);
                        var run = w < tasks
                            ? await workspace.RunWithInput(command, "import", "-", "--format", "json")
                            : await processes[w - tasks].FinishAsync(command);
                        return (Id: CommandId(round, writer), Run: run);
                    },
                    TestContext.Current.CancellationToken)).ToList();
                go.Release(tasks + Processes);
                var results = await Task.WhenAll(writers);

                foreach (var (id, run) in results)
                {
                    Assert.Empty(run.StackTraceLines);
                    Assert.True(run.ExitCode is 0 or 3, $"{id}: {run}");
                    if (run.ExitCode == 3)
                    {
                        Assert.Matches("rejected.*\\((expected-version|write-conflict)\\)", run.Error);
                        Assert.Empty(run.Out);
                        lost.Add(id);
                    }
                    else
                    {
                        accepted.Add(id);
                    }
                }
                var winners = results.Where(r => r.Run.ExitCode == 0).Select(r => r.Id).ToList();
                Assert.True(winners.Count == 1, $"round {round}: {winners.Count} winners: {string.Join(", ", winners)}");
                _output.WriteLine($"round {round}: {winners[0]} won in {clock.ElapsedMilliseconds} ms");
            }
            finally
            {
                processes.ForEach(p => p.Dispose());
            }
        }

        var stored = (await workspace.Run("export")).Succeeded().Out
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .Where(e => e.GetProperty("meetingId").GetString() == Meeting)
            .ToList();
        var storedIds = stored.Skip(1).Select(e => e.GetProperty("commandId").GetString()!).ToList();
        Assert.Equal(Rounds + 1, accepted.Count);
        Assert.Equal((Rounds * (Tasks + Processes - 1)) + Processes - 1, lost.Count);
        Assert.Equal(accepted.Order(StringComparer.Ordinal), storedIds.Order(StringComparer.Ordinal));
        Assert.Empty(storedIds.Intersect(lost));
        Assert.Equal(Enumerable.Range(1, Rounds + 2), stored.Select(e => e.GetProperty("streamVersion").GetInt32()));
        Assert.Equal(Rounds + 2, await VersionAsync(workspace));
    }

    private static string CommandId(int round, string writer) => $"round-{round}-{writer}";

    private static string Invite(int round, string writer, int expectedVersion) => $$"""
        [{ "command": "InviteParticipant", "meetingId": "{{Meeting}}", "reportedAt": "2022-09-{{10 + round}}",
           "participant": "Envoy {{round}}-{{writer}}", "commandId": "{{CommandId(round, writer)}}", "expectedVersion": {{expectedVersion}} }]
        """;

    private static async Task<int> VersionAsync(CliWorkspace workspace) =>
        (await workspace.Run("history", Meeting, "--format", "json")).Succeeded().Json().GetProperty("version").GetInt32();
}
