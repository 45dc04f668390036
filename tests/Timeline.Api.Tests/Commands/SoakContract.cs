using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Timeline.Api.Tests.Hosting;
using Timeline.Api.Tests.Stores;

namespace Timeline.Api.Tests.Commands;

/// <summary>
/// A soak, bounded in count and time: API clients and real <c>timeline import</c> processes write to three hot meetings
/// of one store at once, without expected versions. Afterwards every command is accounted for (applied exactly once,
/// or rejected by its named rule), none is lost or stored twice, no request got a 5xx, and the hash chain verifies over
/// the whole log up to the digest the API reports. The figures go to the test output.
/// </summary>
/// <remarks>
/// Each API client sends its commands one after another, and the clients run side by side. A few commands are sent by
/// every client under one command id (one of them applies it, the others find a duplicate), and a few name a meeting
/// that was never announced (rejected: <c>meeting-not-announced</c>). Each process imports one file from standard
/// input, started before the clients and released with them, so its one transaction races the clients' requests.
/// </remarks>
public abstract class SoakContract(ApiStores stores) : ApiContract<HttpClient>(stores)
{
    private const int Clients = 4;
    private const int CommandsPerClient = 20;
    private const int Processes = 3;
    private const int CommandsPerProcess = 15;
    private const string Rejected = "meeting-not-announced";

    protected override bool SharesHost => false;

    protected override async Task<HttpClient> PrepareAsync(ApiHost host)
    {
        var editor = host.Client(await host.KeyAsync("soak-editor", "editor"));
        using var announced = await editor.PostAsync("/api/commands", Seeds.Json($"[{string.Join(", ", Enumerable.Range(1, 3).Select(Announce))}]"), Web.Cancel);
        Assert.Equal(HttpStatusCode.OK, announced.StatusCode);
        return editor;
    }

    [Fact]
    public async Task Clients_and_import_processes_writing_to_hot_meetings_lose_nothing_and_store_nothing_twice()
    {
        var output = TestContext.Current.TestOutputHelper!;
        var clock = Stopwatch.StartNew();
        var processes = Enumerable.Range(0, Processes).Select(p => ImportProcess.Start(Host, $"importer-{p}")).ToList();
        try
        {
            var clients = Enumerable.Range(0, Clients).Select(c => Task.Run(() => SendAsync(c), Web.Cancel)).ToList();
            var imports = processes.Select((process, p) => process.FinishAsync(ImportFile(p))).ToList();
            var answers = (await Task.WhenAll(clients)).SelectMany(a => a).ToList();
            var imported = await Task.WhenAll(imports);
            clock.Stop();

            var serverErrors = answers.Count(a => a.Status >= 500);
            foreach (var run in imported)
            {
                Assert.True(run.ExitCode == 0, run.ToString());
            }
            var importOutcomes = imported.SelectMany(run => JsonNode.Parse(run.Out)!["outcomes"]!.AsArray())
                .Select(o => (Id: o!["commandId"]!.GetValue<string>(), Result: o["result"]!.GetValue<string>()))
                .ToList();
            var retried = answers.Sum(a => a.Retries) + imported.Sum(run => JsonNode.Parse(run.Out)!["retries"]!.GetValue<int>());
            var sent = answers.Count + importOutcomes.Count;

            // What each distinct command should have come to, and what the answers and the store say it did.
            var rejectedIds = answers.Where(a => a.Rule is not null).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            var appliedAnswers = answers.Where(a => a.Result == "applied").Select(a => a.Id)
                .Concat(importOutcomes.Where(o => o.Result == "applied").Select(o => o.Id))
                .ToList();
            var expected = answers.Select(a => a.Id).Concat(importOutcomes.Select(o => o.Id)).Distinct(StringComparer.Ordinal)
                .Where(id => !id.StartsWith("ghost-", StringComparison.Ordinal))
                .ToHashSet(StringComparer.Ordinal);
            var log = await AuditAsync();
            var stored = StoredCommandIds(log);
            var lost = expected.Count(id => !stored.ContainsKey(id));
            var duplicated = stored.Count(s => s.Value > 1);
            // The hash chain verifies over everything the race appended, and reaches the head the API reports.
            using var head = await Prepared.GetAsync("/api/digest", Web.Cancel);
            var digest = (await head.JsonAsync())["digest"]!.GetValue<string>();
            var verify = await Host.CliAsync("verify", "--digest", digest, "--format", "json");

            output.WriteLine(
                $"soak on {Host.Location}: sent {sent} commands ({answers.Count} by {Clients} API clients, {importOutcomes.Count} by {Processes} import processes), " +
                $"applied {appliedAnswers.Count}, duplicates answered {answers.Count(a => a.Result == "duplicate") + importOutcomes.Count(o => o.Result == "duplicate")}, " +
                $"rejected by rule {rejectedIds.Count} ({Rejected}), retried {retried}, lost {lost}, duplicated {duplicated}, 5xx {serverErrors}, " +
                $"in {clock.ElapsedMilliseconds} ms; verify: exit {verify.ExitCode}, {string.Join(' ', verify.Out.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))}");

            Assert.Equal(0, serverErrors);
            Assert.All(answers.Where(a => a.Status != 200), a => Assert.Equal((409, Rejected), (a.Status, a.Rule)));
            Assert.Equal(
                answers.Select(a => a.Id).Where(id => id.StartsWith("ghost-", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal),
                rejectedIds);
            Assert.Equal(0, lost);
            Assert.Equal(0, duplicated);
            Assert.Equal(expected.Order(StringComparer.Ordinal), stored.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(expected.Order(StringComparer.Ordinal), appliedAnswers.Order(StringComparer.Ordinal));
            Assert.True(verify.ExitCode == 0, verify.Out + verify.Error);
            var verdict = JsonNode.Parse(verify.Out)!;
            Assert.True(verdict["ok"]!.GetValue<bool>(), verify.Out);
            Assert.Equal(log.Count, verdict["checked"]!.GetValue<int>());
            Assert.EndsWith($"@{log[^1]!["sequence"]!.GetValue<long>()}", digest, StringComparison.Ordinal);
            // A bound, not a speed target (the benchmark measures speed): most of the time goes on starting processes.
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), $"the soak took {clock.Elapsed}");
        }
        finally
        {
            processes.ForEach(p => p.Dispose());
        }
    }

    private static string Announce(int meeting) => $$"""
        {"command": "AnnounceMeeting", "meetingId": "soak-{{meeting}}", "reportedAt": "2023-01-01", "title": "Soak meeting {{meeting}}",
         "kind": "summit", "participants": ["Vladimir Putin"], "dates": "2023-06"}
        """;

    private static string Invite(string commandId, string meeting, string participant) => $$"""
        {"command": "InviteParticipant", "commandId": "{{commandId}}", "meetingId": "{{meeting}}", "reportedAt": "2023-01-02", "participant": "{{participant}}"}
        """;

    /// <summary>Client <paramref name="client"/>'s commands: mostly its own, every fifth shared by all clients, every seventh about no meeting.</summary>
    private static IEnumerable<(string Id, string Json)> ClientCommands(int client) =>
        Enumerable.Range(0, CommandsPerClient).Select(i =>
            i % 7 == 6 ? ($"ghost-{client}-{i}", Invite($"ghost-{client}-{i}", "soak-ghost", $"Envoy Ghost {client} {i}"))
            : i % 5 == 4 ? ($"shared-{i}", Invite($"shared-{i}", $"soak-{(i % 3) + 1}", $"Envoy Shared {i}"))
            : ($"api-{client}-{i}", Invite($"api-{client}-{i}", $"soak-{(i % 3) + 1}", $"Envoy Client {client} {i}")));

    private static string ImportFile(int process) =>
        "[" + string.Join(",\n", Enumerable.Range(0, CommandsPerProcess).Select(i =>
            Invite($"import-{process}-{i}", $"soak-{((i + process) % 3) + 1}", $"Envoy Import {process} {i}"))) + "]";

    private async Task<List<Answer>> SendAsync(int client)
    {
        var answers = new List<Answer>();
        foreach (var (id, json) in ClientCommands(client))
        {
            using var response = await Prepared.PostAsync("/api/commands", Seeds.Json(json), Web.Cancel);
            var body = JsonNode.Parse(await response.TextAsync())!;
            answers.Add(response.StatusCode == HttpStatusCode.OK
                ? new Answer(id, 200, body["outcomes"]![0]!["result"]!.GetValue<string>(), null, body["retries"]!.GetValue<int>())
                : new Answer(id, (int)response.StatusCode, null, body["rule"]?.GetValue<string>(), 0));
        }
        return answers;
    }

    /// <summary>Every event in the store, in sequence order, as the audit log answers.</summary>
    private async Task<JsonArray> AuditAsync()
    {
        using var audit = await Prepared.GetAsync("/api/audit?limit=100000", Web.Cancel);
        return (await audit.JsonAsync())["events"]!.AsArray();
    }

    /// <summary>How many events of the hot meetings each command id has in the store, the announcements aside.</summary>
    private static Dictionary<string, int> StoredCommandIds(JsonArray log) =>
        log
            .Where(e => e!["event"]!.GetValue<string>() == "ParticipantInvited")
            .GroupBy(e => e!["commandId"]!.GetValue<string>(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private sealed record Answer(string Id, int Status, string? Result, string? Rule, int Retries);

    /// <summary>
    /// <c>timeline import - --format json</c> as a real process on the host's store; it opens the store and then waits
    /// for its commands on standard input.
    /// </summary>
    private sealed class ImportProcess : IDisposable
    {
        private readonly Process _process;
        private readonly Task<string> _out;
        private readonly Task<string> _error;

        private ImportProcess(Process process)
        {
            _process = process;
            _out = process.StandardOutput.ReadToEndAsync(Web.Cancel);
            _error = process.StandardError.ReadToEndAsync(Web.Cancel);
        }

        public static ImportProcess Start(ApiHost host, string user)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { Path.Combine(AppContext.BaseDirectory, "timeline.dll"), "import", "-", "--store", host.Store, "--format", "json" },
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardInputEncoding = new UTF8Encoding(false),
                WorkingDirectory = host.Folder,
            };
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["TIMELINE_USER"] = user;
            return new ImportProcess(Process.Start(start)!);
        }

        public async Task<(int ExitCode, string Out, string Error)> FinishAsync(string input)
        {
            await _process.StandardInput.WriteAsync(input.AsMemory(), Web.Cancel);
            _process.StandardInput.Close();
            await _process.WaitForExitAsync(Web.Cancel).WaitAsync(TimeSpan.FromMinutes(2), Web.Cancel);
            return (_process.ExitCode, await _out, await _error);
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
            _process.Dispose();
        }
    }
}
