using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Timeline.Cli.Tests.Harness;
using Timeline.Testing.Postgres;

namespace Timeline.Cli.Tests.Postgres;

/// <summary>
/// A wrong password, a closed port and a missing database each make the store unavailable: every verb ends within
/// seconds with exit 4 and one line on standard error that names the store and says what is wrong, and never the
/// password. So does a server that never answers, after the connect timeout.
/// </summary>
public sealed class UnreachableStoreTests(CliPostgres postgres) : IClassFixture<CliPostgres>
{
    private const string WrongPassword = "Not-The-Password-42";
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(15);

    public static TheoryData<string, string, string> Problems
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var problem in new[] { "wrong-password", "closed-port", "missing-database" })
            {
                foreach (var form in new[] { "uri", "connection-string" })
                {
                    foreach (var via in new[] { "--store", "TIMELINE_STORE" })
                    {
                        data.Add(problem, form, via);
                    }
                }
            }
            return data;
        }
    }

    /// <summary>Every verb that opens a store, with what it needs to get that far.</summary>
    private static readonly string[][] Verbs =
    [
        ["import", Seeds.Article],
        ["schedule"],
        ["schedule", "--as-of", "2022-09-10", "--format", "json"],
        ["history", "g20-2022"],
        ["attendance"],
        ["audit"],
        ["export"],
        ["export", "--out", "backup.ndjson"],
        ["restore", "-"],
        ["migrate"],
    ];

    [Theory]
    [MemberData(nameof(Problems))]
    public async Task Every_verb_fails_fast_with_one_line_and_exit_4(string problem, string form, string via)
    {
        var (bad, password, expected) = await BadStoreAsync(problem);
        using var workspace = new CliWorkspace();
        if (via == "TIMELINE_STORE")
        {
            workspace.Variables["TIMELINE_STORE"] = bad.As(form);
        }
        var verbs = via == "--store" ? [.. Verbs, ["demo"]] : Verbs;

        foreach (var verb in verbs)
        {
            var clock = Stopwatch.StartNew();
            var run = via == "--store" ? await workspace.Run(["--store", bad.As(form), .. verb]) : await workspace.Run(verb);
            var took = clock.Elapsed;

            AssertFailedClearly(run, took, password, expected);
        }
        // Nothing is left behind: no backup, not even a partial one.
        Assert.Empty(Directory.EnumerateFileSystemEntries(workspace.Folder).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("wrong-password")]
    [InlineData("closed-port")]
    [InlineData("missing-database")]
    public async Task A_real_process_fails_fast_with_one_line_and_exit_4(string problem)
    {
        var (bad, password, expected) = await BadStoreAsync(problem);
        using var workspace = new CliWorkspace();

        var clock = Stopwatch.StartNew();
        var run = await RunningTimeline.RunAsync(workspace.Folder, new Dictionary<string, string> { ["TIMELINE_STORE"] = bad.Uri }, string.Empty, "import", Seeds.Article);

        AssertFailedClearly(run, clock.Elapsed, password, expected);
    }

    [Theory]
    [InlineData("", 5)]
    [InlineData("?connect_timeout=2", 2)]
    public async Task A_server_that_never_answers_fails_after_the_connect_timeout(string query, int seconds)
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        using var workspace = new CliWorkspace();

        var clock = Stopwatch.StartNew();
        var run = await workspace.Run("--store", $"postgres://timeline:{WrongPassword}@127.0.0.1:{port}/timeline{query}", "schedule");

        AssertFailedClearly(run, clock.Elapsed, WrongPassword, $"no answer within {seconds} s");
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(seconds - 0.5), $"gave up after {clock.Elapsed}, before the {seconds} s timeout");
    }

    private async Task<(PostgresStore Store, string Password, string Expected)> BadStoreAsync(string problem)
    {
        var store = await postgres.NewStoreAsync();
        return problem switch
        {
            "wrong-password" => (store.With(password: WrongPassword), WrongPassword, "refused the login of user"),
            "closed-port" => (store.With(port: Loopback.ClosedPort()), store.Password, "is unavailable: cannot connect"),
            "missing-database" => (store.With(database: "no_such_timeline"), store.Password, "PostgreSQL database 'no_such_timeline'"),
            _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
        };
    }

    private static void AssertFailedClearly(CliRun run, TimeSpan took, string password, string expected)
    {
        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.True(took < Quickly, $"{run.Args[^1]} took {took}");
        Assert.Empty(run.Out);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"not one line:\n{run.Error}");
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain(password, run.Error, StringComparison.Ordinal);
    }
}
