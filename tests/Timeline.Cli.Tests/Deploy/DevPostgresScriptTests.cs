using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;
using Timeline.Cli.Tests.Harness;
using Timeline.Cli.Tests.Postgres;
using Timeline.Testing;
using Timeline.Testing.Postgres;

namespace Timeline.Cli.Tests.Deploy;

/// <summary>
/// <c>deploy/dev-postgres.sh</c>, as shipped, starts a development PostgreSQL that <c>timeline</c> uses at once, prints
/// its URI, restarts with its data, and stops; <c>deploy/roles.sql</c> gives an owner role that migrates and an app
/// role that does everything else with exactly the privileges deploy/README.md lists.
/// </summary>
public sealed partial class DevPostgresScriptTests : IAsyncDisposable
{
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "deploy", "dev-postgres.sh");
    private static readonly string Roles = Path.Combine(AppContext.BaseDirectory, "deploy", "roles.sql");

    private readonly CliWorkspace _workspace = new();
    private readonly Dictionary<string, string> _variables;
    private readonly ITestOutputHelper _output = TestContext.Current.TestOutputHelper!;

    public DevPostgresScriptTests()
    {
        // Short, so the server's socket path stays within the 107 bytes a unix socket name may have.
        _variables = new() { ["TIMELINE_PG_DIR"] = Path.Combine(_workspace.Folder, "pg") };
    }

    [GeneratedRegex("^postgres://timeline:[0-9a-f]{32}@127\\.0\\.0\\.1:([0-9]+)/timeline$")]
    private static partial Regex PrintedUri();

    [Fact]
    public async Task The_script_starts_a_server_that_timeline_imports_into_and_stops_it()
    {
        RequireBinaries();

        var clock = Stopwatch.StartNew();
        var started = await ScriptAsync("start");
        _output.WriteLine($"first start: {clock.ElapsedMilliseconds} ms");
        var uri = started.Out.Trim();
        Assert.Matches(PrintedUri(), uri);
        Assert.Equal(uri, (await ScriptAsync()).Out.Trim());
        Assert.Equal(uri, (await ScriptAsync("url")).Out.Trim());

        // As deploy/README.md shows it: the printed URI becomes the store.
        var used = await RunningTimeline.Bash(
            """
            export TIMELINE_STORE="$(bash "$1")"
            $TIMELINE import "$2" "$3"/*.json >&2 && $TIMELINE schedule --as-of 2022-09-10 --format json
            """,
            _workspace.Folder, _variables, Script, Seeds.Article, Path.Combine(Seeds.Folder, "later")).FinishAsync();
        Assert.True(used.ExitCode == 0, used.ToString());
        Assert.Equal(12, used.Json().Items("meetings").Count);
        Assert.Contains("36 applied", used.Error, StringComparison.Ordinal);

        Assert.Contains("stopped", (await ScriptAsync("stop")).Error, StringComparison.Ordinal);
        Assert.Equal(3, (await ScriptAsync("status", expectedExit: 3)).ExitCode);
        var refused = await _workspace.Run("--store", uri, "schedule");
        Assert.True(refused.ExitCode == 4 && refused.Error.Contains("is unavailable: cannot connect", StringComparison.Ordinal), refused.ToString());

        // Started again, it keeps its data, its port and its password.
        Assert.Equal(uri, (await ScriptAsync("start")).Out.Trim());
        var schedule = (await _workspace.Run("--store", uri, "schedule", "--format", "json")).Succeeded().Json();
        Assert.Equal("held", Json.Meeting(schedule, "g20-2022").Text("status"));
    }

    [Fact]
    public async Task The_roles_script_gives_the_owner_migrate_and_the_app_everything_else_without_ddl_or_delete()
    {
        RequireBinaries();
        var port = int.Parse(PrintedUri().Match((await ScriptAsync("start")).Out.Trim()).Groups[1].Value);
        string Store(string role, string password, string database) => $"postgres://{role}:{password}@127.0.0.1:{port}/{database}";
        var owner = Store("tl_owner", "owner-secret", "tl_events");
        var app = Store("tl_app", "app-secret", "tl_events");
        var appCopy = Store("tl_app", "app-secret", "tl_events_copy");
        foreach (var database in new[] { "tl_events", "tl_events", "tl_events_copy" })
        {
            // Twice for tl_events: the script may be run again.
            await RunScriptAsync(
                ["psql", "-v", $"db={database}", "-v", "owner=tl_owner", "-v", "owner_password=owner-secret", "-v", "app=tl_app", "-v", "app_password=app-secret"],
                input: await File.ReadAllTextAsync(Roles, TestContext.Current.CancellationToken));
        }

        // Before the owner migrates, the app may not create the schema's tables.
        var early = await _workspace.Run("--store", app, "schedule");
        Assert.True(early.ExitCode == 4, early.ToString());
        Assert.Contains("user 'tl_app' lacks a privilege", early.Error, StringComparison.Ordinal);

        Assert.StartsWith("created the Timeline schema", (await _workspace.Run("--store", owner, "migrate")).Succeeded().Out, StringComparison.Ordinal);
        Assert.StartsWith("created the Timeline schema", (await _workspace.Run("--store", Store("tl_owner", "owner-secret", "tl_events_copy"), "migrate")).Succeeded().Out, StringComparison.Ordinal);
        Assert.Contains("is current", (await _workspace.Run("--store", app, "migrate")).Succeeded().Out, StringComparison.Ordinal);

        (await _workspace.Run(["--store", app, "import", Seeds.Article, .. Seeds.Later])).Succeeded();
        foreach (var question in StoreStory.Questions.Take(12))
        {
            await StoreStory.AnswerAsync(_workspace, app, question);
        }
        var export = (await _workspace.Run("--store", app, "export")).Succeeded().Out;
        (await _workspace.RunWithInput(export, "--store", appCopy, "restore", "-")).Succeeded();
        (await _workspace.Run("--store", appCopy, "import", _workspace.Write("more.json", """
            [{ "command": "AnnounceMeeting", "meetingId": "g20-2023", "reportedAt": "2023-08-30", "title": "G20 summit", "kind": "summit",
               "participants": ["Sergey Lavrov"], "dates": "2023-09-09/2023-09-10" }]
            """))).Succeeded();
        var copied = (await _workspace.Run("--store", appCopy, "export")).Succeeded().Out;
        Assert.StartsWith(export, copied, StringComparison.Ordinal);
        Assert.Single(copied[export.Length..].Split('\n', StringSplitOptions.RemoveEmptyEntries));

        // The app role can neither change the schema nor delete events.
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Database=tl_events;Username=tl_app;Password=app-secret;Pooling=false");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        foreach (var sql in new[] { "DELETE FROM timeline.mt_events", "TRUNCATE timeline.mt_events", "CREATE TABLE timeline.intruder (id int)", "DROP TABLE timeline.mt_events" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
            Assert.True(refused.SqlState is "42501", $"{sql}: {refused.SqlState} {refused.MessageText}");
        }
    }

    private Task<CliRun> ScriptAsync(params string[] args) => RunScriptAsync(args);

    private Task<CliRun> ScriptAsync(string command, int expectedExit) => RunScriptAsync([command], expectedExit: expectedExit);

    private async Task<CliRun> RunScriptAsync(string[] args, string input = "", int expectedExit = 0)
    {
        using var script = RunningTimeline.Bash("bash \"$@\"", _workspace.Folder, _variables, [Script, .. args]);
        var run = await script.FinishAsync(input);
        Assert.True(run.ExitCode == expectedExit, run.ToString());
        return run;
    }

    /// <summary>The script needs PostgreSQL's server binaries (it installs them itself only as root).</summary>
    private static void RequireBinaries() => Prerequisite.Require(
        PostgresServer.FindBinaries() is not null,
        "The dev-postgres.sh tests need PostgreSQL's server binaries: apt-get install -y postgresql-15 (tests/run-all.sh does it as root).");

    public async ValueTask DisposeAsync()
    {
        if (Directory.Exists(_variables["TIMELINE_PG_DIR"]))
        {
            using var destroy = RunningTimeline.Bash("bash \"$@\"", _workspace.Folder, _variables, Script, "destroy");
            await destroy.FinishAsync();
        }
        _workspace.Dispose();
    }
}
