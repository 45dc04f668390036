using Timeline.Cli.Tests.Harness;

namespace Timeline.Cli.Tests.EndToEnd;

/// <summary>Because every answer folds in reportedAt order, the order in which reports are imported never changes one.</summary>
public sealed class ImportOrderTests
{
    /// <summary>What the store assigns on append: it differs with import order and clock, and is not an answer.</summary>
    private static readonly string[] StoreAssigned = ["sequence", "recordedAt", "eventId"];

    private sealed record Answers(string ScheduleNow, string ScheduleOnArticleDay, string ScheduleOn12Nov, string Attendance, string G20History);

    private static async Task<Answers> AnswersOf(CliWorkspace workspace)
    {
        async Task<string> Json(params string[] args) => (await workspace.OnStore([.. args, "--format", "json"])).Succeeded().Out;

        return new Answers(
            await Json("schedule"),
            await Json("schedule", "--as-of", "2022-09-10"),
            await Json("schedule", "--as-of", "2022-11-12"),
            await Json("attendance"),
            Harness.Json.Without(await Json("history", "g20-2022"), StoreAssigned));
    }

    private static Answers WithoutStreamVersions(Answers answers) => new(
        Harness.Json.Without(answers.ScheduleNow, "version"),
        Harness.Json.Without(answers.ScheduleOnArticleDay, "version"),
        Harness.Json.Without(answers.ScheduleOn12Nov, "version"),
        answers.Attendance,
        Harness.Json.Without(answers.G20History, "streamVersion", "version"));

    private static async Task ImportOneByOne(CliWorkspace workspace, IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            (await workspace.OnStore("import", file)).Succeeded();
            workspace.Clock.Advance(TimeSpan.FromMinutes(7));
        }
    }

    [Fact]
    public async Task The_later_reports_in_any_order_or_all_at_once_give_the_same_answers()
    {
        using var inNameOrder = new CliWorkspace();
        await ImportOneByOne(inNameOrder, [Seeds.Article, .. Seeds.Later]);
        using var shuffled = new CliWorkspace();
        shuffled.Clock.Advance(TimeSpan.FromHours(3));
        await ImportOneByOne(shuffled, [Seeds.Article, .. Seeds.Later.Where((_, i) => i % 2 == 1).Reverse(), .. Seeds.Later.Where((_, i) => i % 2 == 0)]);
        using var allAtOnce = new CliWorkspace();
        (await allAtOnce.OnStore(["import", Seeds.Article, .. Seeds.Later.Reverse()])).Succeeded();

        var expected = await AnswersOf(inNameOrder);
        Assert.Equal(expected, await AnswersOf(shuffled));
        Assert.Equal(expected, await AnswersOf(allAtOnce));
    }

    [Fact]
    public async Task Reports_on_one_meeting_imported_newest_first_give_the_same_answers()
    {
        const string Declined = """
            [{ "command": "DeclineAttendance", "meetingId": "g20-2022", "reportedAt": "2022-11-10", "participant": "Vladimir Putin",
               "representedBy": "Sergey Lavrov", "source": { "speaker": "Dmitry Peskov, Kremlin spokesman" } }]
            """;
        const string Held = """
            [{ "command": "RecordMeetingHeld", "meetingId": "g20-2022", "reportedAt": "2022-11-16",
               "attendees": [{ "participant": "Sergey Lavrov", "mode": "in-person" }], "source": { "speaker": "Russian Foreign Ministry" } }]
            """;
        using var oldestFirst = new CliWorkspace();
        await ImportOneByOne(oldestFirst, [Seeds.Article, oldestFirst.Write("declined.json", Declined), oldestFirst.Write("held.json", Held)]);
        using var newestFirst = new CliWorkspace();
        await ImportOneByOne(newestFirst, [Seeds.Article, newestFirst.Write("held.json", Held), newestFirst.Write("declined.json", Declined)]);

        // Within the meeting's stream the two reports now take each other's stream versions, so those are set aside
        // too: in the history (streamVersion) and in a schedule as known before the last one was reported (version).
        var expected = WithoutStreamVersions(await AnswersOf(oldestFirst));
        var actual = WithoutStreamVersions(await AnswersOf(newestFirst));
        Assert.Equal(expected, actual);
        Assert.Contains("\"declined\"", actual.ScheduleOn12Nov, StringComparison.Ordinal);
    }

    // Two reports that contradict each other cannot both stand: whichever is imported second is rejected (exit 3) in
    // either order, so the log never holds a decline reported after a cancellation, whatever the import order.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_backdated_cancellation_and_a_later_decline_cannot_both_stand_in_either_order(bool cancellationFirst)
    {
        const string Cancelled = """[{ "command": "CancelMeeting", "meetingId": "apec-2022", "reportedAt": "2022-11-01", "reason": "called off" }]""";
        const string Declined = """[{ "command": "DeclineAttendance", "meetingId": "apec-2022", "reportedAt": "2022-11-10", "participant": "Vladimir Putin", "representedBy": "Andrei Belousov" }]""";
        using var workspace = new CliWorkspace();
        (await workspace.OnStore("import", Seeds.Article)).Succeeded();
        var (first, second) = cancellationFirst
            ? (workspace.Write("cancelled.json", Cancelled), workspace.Write("declined.json", Declined))
            : (workspace.Write("declined.json", Declined), workspace.Write("cancelled.json", Cancelled));
        (await workspace.OnStore("import", first)).Succeeded();
        var before = await workspace.OnStore("audit", "--format", "json");

        var run = await workspace.OnStore("import", second);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("meeting-cancelled", run.Error, StringComparison.Ordinal);
        Assert.Equal(before.Out, (await workspace.OnStore("audit", "--format", "json")).Out);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_backdated_announcement_of_a_known_id_with_other_details_is_refused_in_either_order(bool articleFirst)
    {
        const string Early = """
            [{ "command": "AnnounceSummit", "meetingId": "g20-2022", "reportedAt": "2022-09-01", "title": "G20 Bali summit", "organization": "G20",
               "location": { "city": "Nusa Dua", "country": "Indonesia" }, "dates": "2022-11" }]
            """;
        using var workspace = new CliWorkspace();
        var early = workspace.Write("early.json", Early);
        var (first, second) = articleFirst ? (Seeds.Article, early) : (early, Seeds.Article);
        (await workspace.OnStore("import", first)).Succeeded();

        var run = await workspace.OnStore("import", second);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("meeting-already-announced", run.Error, StringComparison.Ordinal);
    }
}
