using Microsoft.Extensions.Time.Testing;
using Timeline.Core.Commands;
using Timeline.Core.Commands.ApplyCommands;
using Timeline.Core.Validation;
using static Timeline.Core.Tests.Commands.Submitting;

namespace Timeline.Core.Tests.Commands;

/// <summary>
/// The shape checks, run the way every entry point runs them: through the one validation behaviour, before any
/// handler, with a fake clock for "now" (15 January 2023, 12:00 UTC).
/// </summary>
public sealed class ValidatingCommandsTests
{
    private const string AnnounceTalks = """
        {"command": "AnnounceMeeting", "meetingId": "putin-xi-2022", "reportedAt": "2022-09-08", "title": "Putin-Xi talks",
         "kind": "bilateral", "participants": ["Vladimir Putin", "Xi Jinping"], "dates": "2022-09-15/2022-09-16"}
        """;

    private const string AnnounceG20 = """
        {"command": "AnnounceSummit", "meetingId": "g20-2022", "reportedAt": "2022-09-08", "title": "G20 summit", "organization": "G20",
         "location": {"city": "Bali", "country": "Indonesia"}, "dates": "2022-11-15/2022-11-16", "hosts": ["Indonesia"]}
        """;

    private const string ExpectPutin = """
        {"command": "AnnounceAttendance", "meetingId": "g20-2022", "reportedAt": "2022-09-08", "participant": "Vladimir Putin", "level": "expected"}
        """;

    [Fact]
    public async Task Valid_commands_pass_through_to_the_handler()
    {
        var report = new ApplyReport([], 0, new Dictionary<string, long>());
        var request = new ApplyCommands([.. new[] { AnnounceTalks, AnnounceG20, ExpectPutin, ConfirmPutin }.Select((json, i) => new SubmittedCommand(Input(json), Origin with { Index = i }))]);
        var behaviour = new ValidationBehavior<ApplyCommands, ApplyReport>([new ApplyCommandsValidator(new FakeTimeProvider(Now))]);

        var result = await behaviour.Handle(request, (_, _) => ValueTask.FromResult(report), TestContext.Current.CancellationToken);

        Assert.Same(report, result);
    }

    [Fact]
    public async Task Every_command_in_the_project_s_seed_files_passes_the_shape_checks()
    {
        var seeds = Path.Combine(RepositoryRoot(), "seeds");
        var files = Directory.GetFiles(seeds, "*.json", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        var submitted = new List<SubmittedCommand>();
        foreach (var file in files)
        {
            using var document = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                var errors = new List<InputError>();
                var origin = new CommandOrigin(Path.GetFileName(file), index++);
                var input = CommandCatalog.Read(element, origin, errors);
                Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
                submitted.Add(new SubmittedCommand(input!, origin));
            }
        }

        var result = new ApplyCommandsValidator(new FakeTimeProvider(Now)).Validate(new ApplyCommands(submitted));

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors.Select(e => e.CustomState)));
    }

    [Fact]
    public async Task An_empty_batch_is_rejected()
    {
        var behaviour = new ValidationBehavior<ApplyCommands, ApplyReport>([new ApplyCommandsValidator(new FakeTimeProvider(Now))]);

        var rejected = await Assert.ThrowsAsync<InputRejected>(async () =>
            await behaviour.Handle(new ApplyCommands([]), (_, _) => throw new InvalidOperationException("the handler ran"), TestContext.Current.CancellationToken));

        Assert.Equal("there are no commands to apply", Assert.Single(rejected.Errors).Message);
    }

    [Fact]
    public async Task A_problem_names_the_command_s_origin_name_and_field()
    {
        var problems = await Problems(ConfirmPutin, With(ExpectPutin, "level", "\"confirmed\""));

        var problem = Assert.Single(problems);
        Assert.Equal(Origin with { Index = 1 }, problem.Origin);
        Assert.Equal("AnnounceAttendance", problem.Command);
        Assert.Equal("g20.json[1] (line 12): AnnounceAttendance: level: 'confirmed' is not one of possible, expected, planned", problem.ToString());
    }

    [Fact]
    public async Task Every_problem_of_every_command_is_reported_at_once()
    {
        var problems = await Problems(
            With(With(AnnounceTalks, "title", "\"\""), "kind", "\"summit meeting\""),
            With(ConfirmPutin, "mode", "\"hologram\""));

        Assert.Equal(["0 kind", "0 title", "1 mode"], problems.Select(p => $"{p.Origin!.Index} {p.Field}").Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("2022-13", "'2022-13' is not an EDTF date")]
    [InlineData("2022-11-15 to 2022-11-16", "'2022-11-15 to 2022-11-16' is not an EDTF date")]
    [InlineData("15/11/2022", "'15/11/2022' is not an EDTF interval")]
    [InlineData("2022-02-30", "'2022-02-30' is not an EDTF date")]
    public async Task An_invalid_EDTF_date_is_rejected_quoting_the_value(string dates, string message)
    {
        var problem = await Problem(With(AnnounceTalks, "dates", $"\"{dates}\""));

        Assert.Equal("dates", problem.Field);
        Assert.StartsWith(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interval_that_ends_before_it_starts_is_rejected_quoting_the_value()
    {
        var problem = await Problem(With(AnnounceG20, "dates", "\"2022-11-16/2022-11-15\""));

        Assert.Equal("dates", problem.Field);
        Assert.Equal("'2022-11-16/2022-11-15' ends before it starts: 2022-11-15 is before 2022-11-16", problem.Message);
    }

    [Theory]
    [InlineData("2023-01-16")]
    [InlineData("2023-01-15T12:00:01Z")]
    [InlineData("2023-01-15T15:00:01+03:00")]
    [InlineData("2024-09-08")]
    public async Task A_report_from_the_future_is_rejected(string reportedAt)
    {
        var problem = await Problem(With(ConfirmPutin, "reportedAt", $"\"{reportedAt}\""));

        Assert.Equal("reportedAt", problem.Field);
        Assert.Equal($"'{reportedAt}' is in the future; a report cannot be made after now (2023-01-15 12:00 UTC)", problem.Message);
    }

    [Theory]
    [InlineData("2023-01-15")]
    [InlineData("2023-01-15T12:00:00Z")]
    [InlineData("2023-01-15T15:00:00+03:00")]
    public async Task A_report_made_today_up_to_this_very_instant_is_accepted(string reportedAt)
    {
        var input = Input(With(ConfirmPutin, "reportedAt", $"\"{reportedAt}\""));
        var behaviour = new ValidationBehavior<ApplyCommands, ApplyReport>([new ApplyCommandsValidator(new FakeTimeProvider(Now))]);
        var ran = false;

        await behaviour.Handle(
            new ApplyCommands([new SubmittedCommand(input, Origin)]),
            (_, _) =>
            {
                ran = true;
                return ValueTask.FromResult(new ApplyReport([], 0, new Dictionary<string, long>()));
            },
            TestContext.Current.CancellationToken);

        Assert.True(ran);
    }

    [Fact]
    public async Task A_source_published_in_the_future_is_rejected()
    {
        var problem = await Problem(With(ConfirmPutin, "source", """{"outlet": "TASS", "publishedAt": "2023-02-01"}"""));

        Assert.Equal("source.publishedAt", problem.Field);
        Assert.StartsWith("'2023-02-01' is in the future", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2022-09-08T10:30:00")]
    [InlineData("2022-09-08T10:30")]
    public async Task A_reportedAt_without_an_offset_is_rejected_because_it_names_no_single_instant(string reportedAt)
    {
        var problem = await Problem(With(ConfirmPutin, "reportedAt", $"\"{reportedAt}\""));

        Assert.Equal("reportedAt", problem.Field);
        Assert.Equal($"'{reportedAt}' has no UTC offset; add Z or an offset such as +03:00 so it names one instant", problem.Message);
    }

    [Fact]
    public async Task An_over_long_title_is_reported_with_its_length_and_not_echoed()
    {
        var title = new string('x', 10_000);

        var problem = await Problem(With(AnnounceTalks, "title", $"\"{title}\""));

        Assert.Equal("title", problem.Field);
        Assert.Equal("is 10000 characters long; at most 200 are allowed", problem.Message);
        Assert.True(problem.ToString().Length < 200, $"the problem is {problem.ToString().Length} characters long");
    }

    [Fact]
    public async Task A_title_with_a_control_character_is_rejected_with_the_character_escaped()
    {
        var problem = await Problem(With(AnnounceTalks, "title", "\"Putin-Xi\\u001b[2J talks\""));

        Assert.Equal("title", problem.Field);
        Assert.Equal("'Putin-Xi\\u001b[2J talks' contains U+001B (escape), a control character", problem.Message);
    }

    [Theory]
    [InlineData("g20'; DROP TABLE events;--")]
    [InlineData("G20-2022")]
    [InlineData("../../etc/passwd")]
    [InlineData("g20--2022")]
    [InlineData("g20 2022")]
    public async Task A_meeting_id_that_is_not_a_lowercase_slug_is_rejected(string meetingId)
    {
        var problem = await Problem(With(ConfirmPutin, "meetingId", System.Text.Json.JsonSerializer.Serialize(meetingId)));

        Assert.Equal("meetingId", problem.Field);
        Assert.Equal($"'{meetingId}' is not a meeting id: use lowercase letters, digits and single hyphens, such as g20-2022", problem.Message);
    }

    [Theory]
    [InlineData("confirmed")]
    [InlineData("declined")]
    [InlineData("attended")]
    [InlineData("invited")]
    public async Task AnnounceAttendance_takes_only_possible_expected_or_planned(string level)
    {
        var problem = await Problem(With(ExpectPutin, "level", $"\"{level}\""));

        Assert.Equal("level", problem.Field);
        Assert.Equal($"'{level}' is not one of possible, expected, planned", problem.Message);
    }

    [Fact]
    public async Task A_level_in_the_wrong_case_is_not_a_level()
    {
        var problem = await Problem(With(ExpectPutin, "level", "\"Expected\""));

        Assert.Equal("'Expected' is not one of possible, expected, planned", problem.Message);
    }

    [Fact]
    public async Task AnnounceMeeting_may_not_name_the_same_participant_twice()
    {
        var problem = await Problem(With(AnnounceTalks, "participants", """["Vladimir Putin", "Xi Jinping", {"name": "vladimir  PUTIN"}]"""));

        Assert.Equal("participants", problem.Field);
        Assert.Equal("names the same participant twice (names match case-insensitively)", problem.Message);
    }

    [Fact]
    public async Task A_participant_s_level_is_checked_at_its_path()
    {
        var problem = await Problem(With(AnnounceTalks, "participants", """["Vladimir Putin", {"name": "Xi Jinping", "level": "maybe"}]"""));

        Assert.Equal("participants[1].level", problem.Field);
        Assert.Equal("'maybe' is not one of invited, possible, expected, planned, confirmed, declined", problem.Message);
    }

    [Fact]
    public async Task A_participant_without_a_name_is_rejected_at_its_path()
    {
        var problem = await Problem(With(AnnounceTalks, "participants", """[{"level": "planned"}]"""));

        Assert.Equal("participants[0].name", problem.Field);
        Assert.Equal("is required", problem.Message);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://tass.com/politics/1504000")]
    [InlineData("tass.com/politics/1504000")]
    [InlineData("file:///etc/passwd")]
    public async Task A_source_url_must_be_an_absolute_http_or_https_url(string url)
    {
        var problem = await Problem(With(ConfirmPutin, "source", $$"""{"url": "{{url}}"}"""));

        Assert.Equal("source.url", problem.Field);
        Assert.Equal($"'{url}' is not an absolute http or https URL", problem.Message);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("-leading-hyphen")]
    [InlineData("semi;colon")]
    [InlineData("quote'd")]
    [InlineData("")]
    public async Task A_command_id_must_be_letters_digits_and_dot_underscore_colon_hyphen(string commandId)
    {
        var problem = await Problem(With(ConfirmPutin, "commandId", $"\"{commandId}\""));

        Assert.Equal("commandId", problem.Field);
        Assert.StartsWith($"'{commandId}' is not a command id", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_id_may_be_at_most_128_characters()
    {
        Assert.Equal("commandId", (await Problem(With(ConfirmPutin, "commandId", $"\"{new string('a', 129)}\""))).Field);
        Input(With(ConfirmPutin, "commandId", $"\"{new string('a', 128)}\""));
    }

    [Fact]
    public async Task A_retraction_must_name_a_command_id_or_event_id()
    {
        var problem = await Problem("""
            {"command": "RetractReport", "meetingId": "g20-2022", "reportedAt": "2022-12-01", "retracts": "all of it; DROP", "reason": "entry error"}
            """);

        Assert.Equal("retracts", problem.Field);
    }

    [Fact]
    public async Task A_summit_needs_a_title_organization_location_and_dates()
    {
        var problems = await Problems("""{"command": "AnnounceSummit", "meetingId": "g20-2022", "reportedAt": "2022-09-08"}""");

        Assert.Equal(["dates", "location", "organization", "title"], problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        Assert.All(problems, p => Assert.Equal("is required", p.Message));
    }

    [Fact]
    public async Task Every_command_needs_a_meeting_id_and_a_reportedAt()
    {
        var problems = await Problems("""{"command": "CancelMeeting"}""");

        Assert.Equal(["meetingId", "reportedAt"], problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        Assert.All(problems, p => Assert.Equal("is required", p.Message));
    }

    [Fact]
    public async Task A_location_needs_a_country()
    {
        var problem = await Problem(With(AnnounceG20, "location", """{"city": "Bali"}"""));

        Assert.Equal("location.country", problem.Field);
        Assert.Equal("is required", problem.Message);
    }

    [Fact]
    public async Task An_expected_version_cannot_be_negative()
    {
        var problem = await Problem(With(ConfirmPutin, "expectedVersion", "-1"));

        Assert.Equal("expectedVersion", problem.Field);
        Assert.Equal("'-1' is not a stream version (0 or more)", problem.Message);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Timeline.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"no Timeline.sln above {AppContext.BaseDirectory}");
    }
}
