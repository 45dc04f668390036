using System.Diagnostics;
using Timeline.Cli.Tests.Harness;

namespace Timeline.Cli.Tests.Process;

/// <summary>
/// The built <c>timeline</c> run as a real process (<c>dotnet timeline.dll</c>, from this project's output), so exit
/// codes are checked where scripts see them: at the OS. Errors go to standard error only.
/// </summary>
public sealed class ProcessExitCodeTests : IDisposable
{
    private static readonly string TimelineDll = Path.Combine(AppContext.BaseDirectory, "timeline.dll");

    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    /// <summary>The dotnet host that runs these tests when known, else the one on the PATH.</summary>
    private static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && System.IO.File.Exists(host) ? host : "dotnet";

    private async Task<CliRun> RunTimeline(params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost)
        {
            WorkingDirectory = _workspace.Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(TimelineDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["TIMELINE_STORE"] = "sqlite:t.db";
        start.Environment["TIMELINE_USER"] = "process-test";
        start.Environment["NO_COLOR"] = "1";
        start.Environment.Remove("TIMELINE_DEBUG");

        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardInput.Close();
        var cancellation = TestContext.Current.CancellationToken;
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var error = process.StandardError.ReadToEndAsync(cancellation);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new CliRun(args, process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task Success_exits_0_and_the_store_comes_from_TIMELINE_STORE()
    {
        var import = await RunTimeline("import", Seeds.Article);
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Empty(import.Error);

        var schedule = await RunTimeline("schedule", "--as-of", "2022-09-10", "--format", "json");

        Assert.True(schedule.ExitCode == 0, schedule.ToString());
        Assert.Equal(12, schedule.Json().Items("meetings").Count);
        Assert.True(System.IO.File.Exists(_workspace.PathOf("t.db")));
    }

    [Theory]
    [InlineData("missing.json", new[] { "import", "missing.json" })]
    [InlineData("'xml'", new[] { "schedule", "--format", "xml" })]
    [InlineData("there is no store", new[] { "audit" })]
    public async Task Bad_input_exits_2_with_nothing_on_standard_output(string message, string[] args)
    {
        var run = await RunTimeline(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Empty(run.Out);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Empty(run.StackTraceLines);
    }

    [Fact]
    public async Task An_unreachable_store_exits_4_with_one_line_that_names_it_and_not_its_password()
    {
        var run = await RunTimeline("--store", "postgres://u:pw@127.0.0.1:1/x", "schedule");

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Empty(run.Out);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: PostgreSQL database 'x' on 127.0.0.1:1 is unavailable: cannot connect", line, StringComparison.Ordinal);
        Assert.DoesNotContain("pw", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rule_rejection_exits_3_with_nothing_on_standard_output()
    {
        Assert.Equal(0, (await RunTimeline("import", Seeds.Article)).ExitCode);
        _workspace.Write("nope.json", """[{ "command": "ConfirmAttendance", "meetingId": "nope-2099", "reportedAt": "2022-09-13", "participant": "Vladimir Putin" }]""");

        var run = await RunTimeline("import", "nope.json");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Empty(run.Out);
        Assert.Contains("meeting-not-announced", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.StackTraceLines);
    }

    [Fact]
    public async Task Yaml_nested_two_hundred_thousand_deep_is_bad_input_not_a_crash()
    {
        _workspace.Write("deep.yaml", "- command: AnnounceMeeting\n  title: " + new string('[', 200_000) + new string(']', 200_000) + "\n");

        var run = await RunTimeline("import", "deep.yaml");

        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}: {run.Error[..Math.Min(300, run.Error.Length)]}");
        Assert.Empty(run.StackTraceLines);
        Assert.Contains("deep.yaml", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_yaml_alias_bomb_is_refused_at_its_first_alias()
    {
        // 400 bytes whose aliases would expand to ten million strings; each further level multiplies by ten.
        var lines = new List<string> { "- command: AnnounceMeeting", "  meetingId: bomb-2022", "  reportedAt: 2022-09-09", "  title: Bomb", "  kind: other" };
        lines.Add("  a0: &a0 [" + string.Join(',', Enumerable.Repeat("x", 10)) + "]");
        for (var level = 1; level <= 6; level++)
        {
            lines.Add($"  a{level}: &a{level} [" + string.Join(',', Enumerable.Repeat($"*a{level - 1}", 10)) + "]");
        }
        _workspace.Write("bomb.yaml", string.Join('\n', lines) + "\n");

        var run = await RunTimeline("import", "bomb.yaml");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("bomb.yaml", run.Error, StringComparison.Ordinal);
        Assert.Contains("alias", run.Error, StringComparison.Ordinal);
    }
}
