using Timeline.Cli.Tests.Harness;
using static Timeline.Cli.Tests.Harness.Json;

namespace Timeline.Cli.Tests.EndToEnd;

/// <summary><c>timeline demo</c>: the seed data in a fresh store, and what Timeline answers about it.</summary>
public sealed class DemoTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    private string DemoStore => $"sqlite:{_workspace.PathOf("demo.db")}";

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Demo_shows_the_schedule_the_g20_history_and_putins_attendance()
    {
        var run = (await _workspace.Run("--store", DemoStore, "demo")).Succeeded();

        Assert.Contains("Schedule as known on 10 Sep 2022", run.Out, StringComparison.Ordinal);
        Assert.Contains("Samarkand, Uzbekistan", run.Out, StringComparison.Ordinal);
        Assert.Contains("Bali, Indonesia", run.Out, StringComparison.Ordinal);
        Assert.Contains("Vladimir Putin: expected since 8 Sep 2022", run.Out, StringComparison.Ordinal);
        Assert.Contains("History of g20-2022", run.Out, StringComparison.Ordinal);
        Assert.Contains("Attendance: announced versus confirmed", run.Out, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Demo_as_json_parses_and_tells_the_g20_story()
    {
        var demo = (await _workspace.Run("--store", DemoStore, "demo", "--format", "json")).Succeeded().Json();

        Assert.Equal("expected", Participant(Meeting(demo.GetProperty("scheduleAsOf"), "g20-2022"), "Vladimir Putin").Text("attendance"));
        Assert.Equal("declined", Participant(Meeting(demo.GetProperty("schedule"), "g20-2022"), "Vladimir Putin").Text("attendance"));
        Assert.Equal("g20-2022", demo.GetProperty("history").Text("meetingId"));
        Assert.Equal(4, demo.GetProperty("history").Items("entries").Count);
        Assert.Equal("2022-09-13", Row(demo.GetProperty("attendance"), "sco-2022", "Vladimir Putin").Text("confirmedAt"));
    }

    [Fact]
    public async Task Demo_replaces_the_store_it_is_given()
    {
        (await _workspace.Run("--store", DemoStore, "demo")).Succeeded();
        (await _workspace.Run("--store", DemoStore, "demo")).Succeeded();

        var audit = (await _workspace.Run("--store", DemoStore, "audit", "--format", "json")).Succeeded().Json();
        Assert.Equal(Seeds.ArticleCommands + Seeds.LaterCommands, audit.Items("events").Count);
    }

    [Fact]
    public async Task Demo_without_a_store_leaves_the_working_directory_alone()
    {
        var demo = (await _workspace.Run("demo", "--format", "json")).Succeeded().Json();

        var store = demo.Text("store")!;
        Assert.StartsWith("sqlite:", store, StringComparison.Ordinal);
        var path = store["sqlite:".Length..];
        try
        {
            Assert.False(File.Exists(_workspace.PathOf("timeline.db")));
            Assert.Empty(Directory.EnumerateFileSystemEntries(_workspace.Folder));
            Assert.False(path.StartsWith(_workspace.Folder, StringComparison.Ordinal), $"the demo store {path} is in the working directory");
        }
        finally
        {
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }
}
