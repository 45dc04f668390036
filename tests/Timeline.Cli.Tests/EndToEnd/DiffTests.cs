using System.Text.Json;
using Timeline.Cli.Tests.Harness;

namespace Timeline.Cli.Tests.EndToEnd;

/// <summary>
/// <c>timeline diff</c> on the seed article and the later reports (docs/contract.md#timeline-diff): what changed between
/// two knowledge times, and what the store learned between two recording times.
/// </summary>
public sealed class DiffTests(SeededStore store) : IClassFixture<SeededStore>
{
    private async Task<JsonElement> Diff(params string[] args) => (await store.Query(["diff", .. args])).Succeeded().Json();

    private static JsonElement Change(JsonElement diff, string meetingId) =>
        Assert.Single(diff.Items("changes"), c => c.Text("meetingId") == meetingId);

    private static IEnumerable<string> MeetingIds(JsonElement diff) => diff.Items("changes").Select(c => c.Text("meetingId")!);

    /// <summary>Each field of a change as "field participant: before → after"; a location as its country.</summary>
    private static IEnumerable<string> Fields(JsonElement change) => change.Items("fields").Select(f =>
        $"{f.Text("field")}{(f.Text("participant") is { } p ? $" {p}" : string.Empty)}: {Value(f.GetProperty("before"))} → {Value(f.GetProperty("after"))}");

    private static string Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "-",
        JsonValueKind.Object => value.Text("country")!,
        _ => value.GetString()!,
    };

    [Fact]
    public async Task Between_10_Sep_and_12_Nov_the_seeds_say_G20_declined_and_Samarkand_and_Kazakhstan_held()
    {
        var diff = await Diff("--from", "2022-09-10", "--to", "2022-11-12");

        Assert.Equal(["putin-xi-2022", "russia-china-mongolia-2022", "sco-2022", "kazakhstan-2022-10", "g20-2022"], MeetingIds(diff));
        var g20 = Change(diff, "g20-2022");
        Assert.Equal("changed", g20.Text("change"));
        Assert.Equal(["attendance Vladimir Putin: expected → declined", "representedBy Vladimir Putin: - → Sergey Lavrov"], Fields(g20));
        var peskov = Assert.Single(g20.Items("reports"));
        Assert.Equal(("AttendanceDeclined", "2022-11-10", "Dmitry Peskov, Kremlin spokesman"), (peskov.Text("event"), peskov.Text("reportedAt"), peskov.GetProperty("source").Text("speaker")));
        Assert.Equal("Vladimir Putin: declined, represented by Sergey Lavrov", peskov.Text("summary"));

        var sco = Change(diff, "sco-2022");
        Assert.Contains("status: scheduled → held", Fields(sco));
        Assert.Contains("attendance Vladimir Putin: planned → attended", Fields(sco));
        Assert.Equal(["2022-09-13", "2022-09-16"], sco.Items("reports").Select(r => r.Text("reportedAt")));

        // The seeds report APEC's decline on 18 Nov and ASEAN's on 13 Nov, and never give ASEAN new dates: neither
        // changed by 12 Nov.
        Assert.DoesNotContain("apec-2022", MeetingIds(diff));
        Assert.DoesNotContain("asean-2022", MeetingIds(diff));
    }

    [Fact]
    public async Task By_19_Nov_APEC_and_ASEAN_were_declined_too_each_with_its_reports()
    {
        var diff = await Diff("--from", "2022-09-10", "--to", "2022-11-19", "--participant", "Vladimir Putin");

        var apec = Change(diff, "apec-2022");
        Assert.Equal(
            ["status: scheduled → held", "dates: 2022-11-18 → 2022-11-18/2022-11-19", "attendance Vladimir Putin: expected → declined", "representedBy Vladimir Putin: - → Andrei Belousov"],
            Fields(apec));
        Assert.Equal(["AttendanceDeclined", "MeetingHeld"], apec.Items("reports").Select(r => r.Text("event")));
        var asean = Change(diff, "asean-2022");
        Assert.Contains("attendance Vladimir Putin: possible → declined", Fields(asean));
        Assert.Equal(2, asean.Items("reports").Count);
        // With --participant, other people's fields are left out: Lavrov and Belousov attended, but they are not Putin.
        Assert.DoesNotContain(diff.Items("changes").SelectMany(c => c.Items("fields")), f => f.Text("participant") is { } p && p != "Vladimir Putin");
    }

    [Fact]
    public async Task The_table_reads_like_a_briefing_note()
    {
        var run = (await store.Workspace.OnStore("diff", "--from", "2022-09-10", "--to", "2022-11-12")).Succeeded();

        Assert.Contains("What changed between 10 Sep 2022 and 12 Nov 2022", run.Out, StringComparison.Ordinal);
        Assert.Contains(
            "G20 summit (g20-2022): Vladimir Putin expected → declined (represented by Sergey Lavrov), said by Dmitry Peskov, Kremlin spokesman on 10 Nov 2022",
            run.Out,
            StringComparison.Ordinal);
        Assert.Contains("5 meetings changed.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_readme_shows_this_diff_as_the_cli_prints_it()
    {
        var run = (await store.Workspace.OnStore("diff", "--from", "2022-09-10", "--to", "2022-11-12")).Succeeded();
        var readme = File.ReadAllText(Path.Combine(Repository.RepositoryFiles.Root, "README.md"));

        // The README drops the spaces Spectre leaves at the end of a wrapped line.
        var printed = string.Join('\n', run.Out.Split('\n').Select(line => line.TrimEnd()));
        Assert.Contains("timeline diff --from 2022-09-10 --to 2022-11-12", readme, StringComparison.Ordinal);
        Assert.Contains(printed, readme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_meeting_filter_keeps_one_meeting_and_an_unknown_meeting_is_bad_input()
    {
        Assert.Equal(["g20-2022"], MeetingIds(await Diff("--from", "2022-09-10", "--to", "2022-11-12", "--meeting", "g20-2022")));

        var unknown = await store.Workspace.OnStore("diff", "--from", "2022-09-10", "--meeting", "g7-2022");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("meeting 'g7-2022' is not in this store", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restatements_list_what_the_second_import_taught_the_store_about_12_Nov()
    {
        // The article was recorded on 29 Nov 2026 at noon, the later reports a day later.
        var diff = await Diff("--recorded-from", "2026-11-29", "--recorded-to", SeededStore.LaterRecordedAtText, "--as-of", "2022-11-12");
        var knowledge = await Diff("--from", "2022-09-10", "--to", "2022-11-12");

        Assert.Equal(MeetingIds(knowledge), MeetingIds(diff));
        Assert.Equal("2026-11-29", diff.Text("recordedFrom"));
        Assert.Equal("2022-11-12", diff.Text("asOf"));
        Assert.Null(diff.Text("from"));
        Assert.Equal(
            [SeededStore.LaterRecordedAtText],
            diff.Items("changes").SelectMany(c => c.Items("reports")).Select(r => r.Text("recordedAt")).Distinct());
        // Nothing the later import brought was known on 10 Sep 2022.
        Assert.Empty((await Diff("--recorded-from", "2026-11-29", "--as-of", "2022-09-10")).Items("changes"));
    }
}
