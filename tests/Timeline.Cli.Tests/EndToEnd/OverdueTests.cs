using Timeline.Cli.Tests.Harness;
using static Timeline.Cli.Tests.Harness.Json;

namespace Timeline.Cli.Tests.EndToEnd;

/// <summary>
/// Overdue outcomes (docs/contract.md#schedule-output): with only the 8 Sep briefing imported, the SCO summit of 15-16
/// Sep 2022 is overdue today, but not as of 10 Sep 2022. Today comes from the clock.
/// </summary>
public sealed class OverdueTests(ArticleStore article) : IClassFixture<ArticleStore>
{
    [Fact]
    public async Task With_only_the_briefing_the_SCO_summit_is_overdue_today_but_not_as_of_10_Sep()
    {
        var today = (await article.Workspace.OnStore("schedule", "--format", "json")).Succeeded().Json();

        Assert.True(Meeting(today, "sco-2022").GetProperty("overdue").GetBoolean());
        Assert.False(Meeting(article.Schedule, "sco-2022").GetProperty("overdue").GetBoolean());
        Assert.False(Meeting(today, "eef-2022").GetProperty("overdue").GetBoolean()); // held
        Assert.All(article.Schedule.Items("meetings"), m => Assert.False(m.GetProperty("overdue").GetBoolean()));
    }

    [Fact]
    public async Task The_schedule_and_the_ledger_say_dates_passed_outcome_not_reported()
    {
        var schedule = (await article.Workspace.OnStore("schedule", "--participant", "Xi Jinping")).Succeeded();
        var ledger = (await article.Workspace.OnStore("attendance", "--participant", "Xi Jinping")).Succeeded();
        var ledgerJson = (await article.Workspace.OnStore("attendance", "--participant", "Xi Jinping", "--format", "json")).Succeeded().Json();

        Assert.Contains("dates passed; outcome not reported", schedule.Out, StringComparison.Ordinal);
        Assert.Contains("dates passed; outcome not reported", ledger.Out, StringComparison.Ordinal);
        Assert.True(Row(ledgerJson, "sco-2022", "Xi Jinping").GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task Today_is_the_clocks_day_so_the_summit_falls_overdue_the_day_after_its_last()
    {
        using var workspace = new CliWorkspace(new DateTimeOffset(2022, 9, 16, 18, 0, 0, TimeSpan.Zero));
        (await workspace.OnStore("import", Seeds.Article)).Succeeded();

        var onItsLastDay = (await workspace.OnStore("schedule", "--format", "json")).Succeeded().Json();
        workspace.Clock.Advance(TimeSpan.FromHours(6));
        var theDayAfter = (await workspace.OnStore("schedule", "--format", "json")).Succeeded().Json();

        Assert.False(Meeting(onItsLastDay, "sco-2022").GetProperty("overdue").GetBoolean());
        Assert.True(Meeting(theDayAfter, "sco-2022").GetProperty("overdue").GetBoolean());
        Assert.False(Meeting(theDayAfter, "g20-2022").GetProperty("overdue").GetBoolean());
    }
}
