using System.Text;
using Microsoft.Extensions.Time.Testing;
using Timeline.Cli.Input;
using Timeline.Cli.Tests.Harness;
using Timeline.Core.Storage;
using Timeline.Store.Sqlite;

namespace Timeline.Cli.Tests.Importing;

/// <summary>
/// <c>timeline import</c> decides and writes commands in batches inside one transaction, as they are read; these tests
/// make the batches tiny (and the meetings kept between them fewer still) so that every case crosses batches.
/// </summary>
public sealed class StreamingImportTests
{
    private static readonly string[] StoreAssigned = ["sequence", "sequences", "eventId"];

    private static async Task<long> StoredEvents(CliWorkspace workspace)
    {
        await using var store = new SqliteEventStore(workspace.StorePath, workspace.Clock);
        return await ((IStoreMaintenance)store).CountAsync(TestContext.Current.CancellationToken);
    }

    private static CliWorkspace InTinyBatches() => new() { ImportBatchSize = 2, ImportKeepMeetings = 1 };

    [Fact]
    public async Task Tiny_batches_that_forget_meetings_give_the_same_outcomes_and_answers_as_one_batch()
    {
        string[] files = [Seeds.Article, .. Seeds.Later.Reverse()];
        using var whole = new CliWorkspace();
        using var batched = InTinyBatches();

        var wholeImport = (await whole.OnStore(["import", .. files, "--format", "json"])).Succeeded();
        var batchedImport = (await batched.OnStore(["import", .. files, "--format", "json"])).Succeeded();

        Assert.Equal(Json.Without(wholeImport.Out, StoreAssigned), Json.Without(batchedImport.Out, StoreAssigned));
        Assert.True(wholeImport.Json().GetProperty("commands").GetInt32() > 10);
        foreach (var query in new[] { new[] { "schedule" }, ["schedule", "--as-of", "2022-09-10"], ["attendance"], ["history", "g20-2022"] })
        {
            var expected = (await whole.OnStore([.. query, "--format", "json"])).Succeeded().Out;
            var actual = (await batched.OnStore([.. query, "--format", "json"])).Succeeded().Out;
            Assert.Equal(Json.Without(expected, StoreAssigned), Json.Without(actual, StoreAssigned));
        }
    }

    [Fact]
    public async Task Importing_the_same_files_again_in_tiny_batches_finds_every_command_already_stored()
    {
        using var workspace = InTinyBatches();
        string[] files = ["import", Seeds.Article, .. Seeds.Later];
        var first = (await workspace.OnStore([.. files, "--format", "json"])).Succeeded().Json();

        var again = (await workspace.OnStore([.. files, "--format", "json"])).Succeeded().Json();

        Assert.Equal(first.GetProperty("commands").GetInt32(), again.GetProperty("duplicates").GetInt32());
        Assert.Equal(0, again.GetProperty("eventsAppended").GetInt32());
    }

    [Fact]
    public async Task A_rule_broken_after_several_batches_were_written_leaves_the_store_empty()
    {
        using var workspace = InTinyBatches();
        var file = workspace.Write("late-rejection.ndjson", """
            {"command": "AnnounceMeeting", "meetingId": "talks-2022", "reportedAt": "2022-09-01", "title": "Talks", "kind": "bilateral", "location": {"country": "Russia"}, "dates": "2022-09-15", "participants": ["Vladimir Putin", "Xi Jinping"]}
            {"command": "AnnounceMeeting", "meetingId": "forum-2022", "reportedAt": "2022-09-02", "title": "Forum", "kind": "forum", "location": {"country": "Russia"}, "dates": "2022-09-20", "participants": []}
            {"command": "InviteParticipant", "meetingId": "forum-2022", "reportedAt": "2022-09-03", "participant": "Xi Jinping"}
            {"command": "InviteParticipant", "meetingId": "talks-2022", "reportedAt": "2022-09-04", "participant": "Sergey Lavrov"}
            {"command": "InviteParticipant", "meetingId": "no-such-meeting", "reportedAt": "2022-09-05", "participant": "Joe Biden"}
            """);

        var run = await workspace.OnStore("import", file);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains($"{file}[4] (line 5): InviteParticipant: rejected (meeting-not-announced)", run.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was written.", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, await StoredEvents(workspace));
    }

    [Fact]
    public async Task A_malformed_command_after_several_batches_were_written_is_named_and_nothing_is_written()
    {
        using var workspace = InTinyBatches();
        var good = File.ReadAllText(Seeds.Article);
        var file = workspace.Write("late-typo.json", good.TrimEnd().TrimEnd(']') + """
            ,
              {"command": "ConfirmAttendance", "meetingId": "sco-2022", "reportedAt": "2022-09-13", "participant": "Vladimir Putin", "mode": "by-pigeon"}
            ]
            """);

        var run = await workspace.OnStore("import", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("by-pigeon", run.Error, StringComparison.Ordinal);
        Assert.Contains("late-typo.json[", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, await StoredEvents(workspace));
    }

    [Fact]
    public async Task Without_progress_asked_for_and_without_a_terminal_nothing_is_shown_on_standard_error()
    {
        using var workspace = new CliWorkspace();
        workspace.Clock.AutoAdvanceAmount = TimeSpan.FromSeconds(5);

        var run = (await workspace.OnStore("import", Seeds.Article)).Succeeded();

        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public async Task With_progress_asked_for_each_line_names_the_commands_the_bytes_read_the_rate_and_the_time_left()
    {
        using var workspace = new CliWorkspace();
        // Every reading of the fake clock moves it on by a second, so a line is due at every command.
        workspace.Clock.AutoAdvanceAmount = TimeSpan.FromSeconds(1);

        var run = (await workspace.OnStore("import", "--progress", Seeds.Article)).Succeeded();

        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Matches(@"^import: \d+ commands; \d+\.\d of \d+\.\d MiB read \(\d+%\); \d+ commands/s(; about \d:\d\d:\d\d left)?$", line));
        Assert.Contains(lines, line => line.EndsWith("left", StringComparison.Ordinal));
    }

    [Fact]
    public void A_progress_line_comes_once_per_interval_of_the_clock_with_the_rate_since_the_start_and_the_time_left_at_that_rate()
    {
        var clock = new FakeTimeProvider(CliWorkspace.Start);
        var read = new ReadProgress();
        read.Expect(4 * 1048576);
        using var file = new MemoryStream(new byte[4 * 1048576]);
        read.Reading(file);
        var shown = new List<string>();
        var progress = new ImportProgress(read, clock, shown.Add, TimeSpan.FromSeconds(1));

        file.Position = 1048576;
        progress.Report(1_000);
        clock.Advance(TimeSpan.FromSeconds(2));
        progress.Report(4_000);
        clock.Advance(TimeSpan.FromMilliseconds(500));
        file.Position = 3 * 1048576;
        progress.Report(5_000);
        clock.Advance(TimeSpan.FromSeconds(1));
        progress.Report(12_000);

        Assert.Equal(
            [
                "import: 4,000 commands; 1.0 of 4.0 MiB read (25%); 2,000 commands/s; about 0:00:06 left",
                "import: 12,000 commands; 3.0 of 4.0 MiB read (75%); 3,429 commands/s; about 0:00:01 left",
            ],
            shown);
    }

    [Fact]
    public void Without_a_size_to_go_by_a_progress_line_gives_the_rate_alone()
    {
        Assert.Equal("import: 300 commands; 100 commands/s", ImportProgress.Describe(300, 2048, 0, TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task A_json_array_is_read_one_element_at_a_time_through_a_buffer_smaller_than_the_file_with_each_line()
    {
        var text = new StringBuilder("\uFEFF[\n");
        for (var i = 0; i < 3000; i++)
        {
            text.Append(i == 0 ? "  " : ",\n  ").Append("{\"command\": \"X\", \"n\": ").Append(i).Append(", \"pad\": \"").Append('x', 40).Append("\"}");
        }
        text.Append("\n] // done\n");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));
        var reader = new JsonArrayReader(stream);

        var lines = new List<int>();
        while (await reader.NextAsync(TestContext.Current.CancellationToken) is { } next)
        {
            Assert.Equal(lines.Count, next.Element.GetProperty("n").GetInt32());
            lines.Add(next.Line);
        }

        Assert.Equal(Enumerable.Range(2, 3000), lines);
    }
}
