using Timeline.Cli.Tests.Harness;

namespace Timeline.Cli.Tests.EndToEnd;

/// <summary>
/// A command id names one command. Sending it again is a no-op, however often; giving it to a different command
/// would silently drop that command, so the import is refused (exit 3) and nothing is written.
/// </summary>
public sealed class CommandIdReuseTests : IAsyncLifetime
{
    private const string Confirm = """{ "command": "ConfirmAttendance", "commandId": "desk-42", "meetingId": "sco-2022", "reportedAt": "2022-09-13", "participant": "Vladimir Putin", "source": { "speaker": "Yury Ushakov" } }""";

    private readonly CliWorkspace _workspace = new();

    public async ValueTask InitializeAsync()
    {
        (await _workspace.OnStore("import", Seeds.Article)).Succeeded();
        (await _workspace.OnStore("import", _workspace.Write("confirm.json", $"[{Confirm}]"))).Succeeded();
    }

    public ValueTask DisposeAsync()
    {
        _workspace.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<string> Audit() => (await _workspace.OnStore("audit", "--format", "json")).Succeeded().Out;

    [Fact]
    public async Task Sending_the_same_command_again_with_its_id_is_a_duplicate()
    {
        var before = await Audit();
        _workspace.Clock.Advance(TimeSpan.FromHours(2));

        var again = (await _workspace.OnStore("import", _workspace.Write("again.json", $"[{Confirm}]"), "--format", "json")).Succeeded().Json();

        Assert.Equal(1, again.GetProperty("duplicates").GetInt32());
        Assert.Equal(before, await Audit());
    }

    [Theory]
    [InlineData("another meeting", """{ "command": "ConfirmAttendance", "commandId": "desk-42", "meetingId": "g20-2022", "reportedAt": "2022-11-01", "participant": "Vladimir Putin", "source": { "speaker": "Yury Ushakov" } }""", "meeting 'sco-2022', not 'g20-2022'")]
    [InlineData("another command", """{ "command": "DeclineAttendance", "commandId": "desk-42", "meetingId": "sco-2022", "reportedAt": "2022-09-14", "participant": "Xi Jinping", "source": { "speaker": "Yury Ushakov" } }""", "a AttendanceConfirmed event, not DeclineAttendance")]
    [InlineData("another source", """{ "command": "ConfirmAttendance", "commandId": "desk-42", "meetingId": "sco-2022", "reportedAt": "2022-09-13", "participant": "Vladimir Putin", "source": { "speaker": "Dmitry Peskov" } }""", "another source")]
    public async Task Giving_a_used_id_to_a_different_command_is_refused_and_writes_nothing(string what, string command, string fragment)
    {
        var before = await Audit();
        var file = _workspace.Write("reused.json", $"[{command}]");

        var run = await _workspace.OnStore("import", file);

        Assert.True(run.ExitCode == 3, $"{what}: {run}");
        Assert.Contains("reused.json[0]", run.Error, StringComparison.Ordinal);
        Assert.Contains("command-id-reused", run.Error, StringComparison.Ordinal);
        Assert.Contains(fragment, run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await Audit());
    }

    [Fact]
    public async Task Two_different_commands_of_one_file_with_one_id_are_refused()
    {
        var before = await Audit();
        var file = _workspace.Write("twice.json", """
            [
              { "command": "ConfirmAttendance", "commandId": "desk-43", "meetingId": "putin-xi-2022", "reportedAt": "2022-09-13", "participant": "Vladimir Putin" },
              { "command": "ConfirmAttendance", "commandId": "desk-43", "meetingId": "putin-xi-2022", "reportedAt": "2022-09-13", "participant": "Xi Jinping" }
            ]
            """);

        var run = await _workspace.OnStore("import", file);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("twice.json[1]", run.Error, StringComparison.Ordinal);
        Assert.Matches(@"a different command at \S*twice\.json\[0\]", run.Error);
        Assert.Equal(before, await Audit());
    }
}
