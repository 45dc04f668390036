using Snapshooter.Xunit3;
using Timeline.Cli.Tests.EndToEnd;

namespace Timeline.Cli.Tests.Snapshots;

/// <summary>
/// The human-readable tables, as people see them. Stable because recordedAt comes from the fake clock, users from
/// TIMELINE_USER, and redirected output is 160 columns wide. Snapshots live in <c>__snapshots__</c> beside this file.
/// </summary>
public sealed class TableSnapshotTests(SeededStore store) : IClassFixture<SeededStore>
{
    [Fact]
    public async Task Schedule_as_known_on_the_article_day()
    {
        var run = (await store.Workspace.OnStore("schedule", "--as-of", "2022-09-10")).Succeeded();

        Snapshot.Match(run.Out);
    }

    [Fact]
    public async Task History_of_the_g20_after_the_later_reports()
    {
        var run = (await store.Workspace.OnStore("history", "g20-2022")).Succeeded();

        Snapshot.Match(run.Out);
    }

    [Fact]
    public async Task Attendance_of_vladimir_putin()
    {
        var run = (await store.Workspace.OnStore("attendance", "--participant", "Vladimir Putin")).Succeeded();

        Snapshot.Match(run.Out);
    }

    [Fact]
    public async Task Diff_between_10_Sep_and_12_Nov()
    {
        var run = (await store.Workspace.OnStore("diff", "--from", "2022-09-10", "--to", "2022-11-12")).Succeeded();

        Snapshot.Match(run.Out);
    }

    /// <summary>The JSON contract of the same diff, whole: sequences and recordedAt come from the fake clock.</summary>
    [Fact]
    public async Task Diff_between_10_Sep_and_12_Nov_as_json()
    {
        var run = (await store.Workspace.OnStore("diff", "--from", "2022-09-10", "--to", "2022-11-12", "--format", "json")).Succeeded();

        Snapshot.Match(run.Out);
    }

    /// <summary>The schedule as known on 12 Nov 2022, as JSON: every field of the contract, overdue included.</summary>
    [Fact]
    public async Task Schedule_as_known_on_12_Nov_as_json()
    {
        var run = (await store.Workspace.OnStore("schedule", "--as-of", "2022-11-12", "--format", "json")).Succeeded();

        Snapshot.Match(run.Out);
    }
}
