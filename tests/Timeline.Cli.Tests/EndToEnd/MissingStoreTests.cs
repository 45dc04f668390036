using Timeline.Cli.Tests.Harness;

namespace Timeline.Cli.Tests.EndToEnd;

/// <summary>Asking a store that does not exist is a mistake to report (exit 2), not an empty answer, and creates nothing.</summary>
public sealed class MissingStoreTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [InlineData("schedule")]
    [InlineData("history", "g20-2022")]
    [InlineData("attendance")]
    [InlineData("audit")]
    [InlineData("schedule", "--format", "json")]
    public async Task A_query_on_a_store_that_does_not_exist_exits_2_naming_the_path(params string[] query)
    {
        var run = await _workspace.OnStore(query);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(_workspace.StorePath, run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
        Assert.Empty(run.StackTraceLines);
        Assert.False(_workspace.StoreFilesExist());
    }

    [Fact]
    public async Task The_store_can_come_from_TIMELINE_STORE_relative_to_the_working_directory()
    {
        _workspace.Variables["TIMELINE_STORE"] = "sqlite:elsewhere.db";

        var run = await _workspace.Run("schedule");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(_workspace.PathOf("elsewhere.db"), run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_store_or_TIMELINE_STORE_the_default_is_timeline_db_in_the_working_directory()
    {
        var run = await _workspace.Run("schedule");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(_workspace.PathOf("timeline.db"), run.Error, StringComparison.Ordinal);
        Assert.False(_workspace.StoreFilesExist(_workspace.PathOf("timeline.db")));
    }
}
