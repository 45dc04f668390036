using Timeline.Core.Commands;
using Timeline.Core.Commands.AnnounceMeeting;
using Timeline.Core.Commands.ConfirmAttendance;
using Timeline.Domain.Meetings;
using static Timeline.Core.Tests.Commands.Submitting;

namespace Timeline.Core.Tests.Commands;

/// <summary>
/// CommandCatalog.Read turns one JSON value into a command input, or reports every field of the wrong type, unknown
/// or repeated, each by its JSON path and with the value found.
/// </summary>
public sealed class ReadingCommandsTests
{
    private const string AnnouncePutinXi = """
        {
          "command": "AnnounceMeeting",
          "meetingId": "putin-xi-2022",
          "reportedAt": "2022-09-08",
          "title": "Putin-Xi talks",
          "kind": "bilateral",
          "sidelinesOf": "sco-2022",
          "location": {"city": "Samarkand", "country": "Uzbekistan"},
          "dates": "2022-09-15/2022-09-16",
          "participants": ["Vladimir Putin", {"name": "Xi Jinping", "level": "expected", "mode": "in-person"}],
          "source": {
            "outlet": "TASS",
            "url": "https://tass.com/politics/1504000",
            "publishedAt": "2022-09-08T10:30:00Z",
            "speaker": "Yury Ushakov, Kremlin aide",
            "quote": "talks between our president and PRC President Xi Jinping that are planned"
          },
          "commandId": "tass-1504000-putin-xi",
          "expectedVersion": 0
        }
        """;

    [Fact]
    public void A_command_is_read_with_every_field_as_given()
    {
        var input = Assert.IsType<AnnounceMeetingInput>(Input(AnnouncePutinXi));

        Assert.Equal("AnnounceMeeting", input.Command);
        Assert.Equal("putin-xi-2022", input.MeetingId);
        Assert.Equal("2022-09-08", input.ReportedAt);
        Assert.Equal("Putin-Xi talks", input.Title);
        Assert.Equal("bilateral", input.Kind);
        Assert.Equal("sco-2022", input.SidelinesOf);
        Assert.Equal(new LocationInput("Samarkand", "Uzbekistan"), input.Location);
        Assert.Equal("2022-09-15/2022-09-16", input.Dates);
        Assert.Equal([new ParticipantInput("Vladimir Putin"), new ParticipantInput("Xi Jinping", "expected", "in-person")], input.Participants!);
        Assert.Equal("Yury Ushakov, Kremlin aide", input.Source!.Speaker);
        Assert.Equal("2022-09-08T10:30:00Z", input.Source.PublishedAt);
        Assert.Equal("tass-1504000-putin-xi", input.CommandId);
        Assert.Equal(0, input.ExpectedVersion);
    }

    [Fact]
    public void A_command_read_and_validated_becomes_the_domain_command()
    {
        var command = Assert.IsType<MeetingCommand.AnnounceMeeting>(Input(AnnouncePutinXi).ToDomain());

        Assert.Equal(MeetingId.Parse("putin-xi-2022"), command.MeetingId);
        Assert.Equal(MeetingKind.Bilateral, command.Kind);
        Assert.Equal(MeetingId.Parse("sco-2022"), command.SidelinesOf);
        Assert.Equal(
            [
                new NamedParticipant(ParticipantName.Parse("Vladimir Putin"), AttendanceLevel.Planned),
                new NamedParticipant(ParticipantName.Parse("Xi Jinping"), AttendanceLevel.Expected, AttendanceMode.InPerson),
            ],
            command.Participants);
    }

    [Fact]
    public void A_field_given_as_null_is_read_as_absent()
    {
        var input = Assert.IsType<ConfirmAttendanceInput>(Input(With(ConfirmPutin, "mode", "null")));

        Assert.Null(input.Mode);
    }

    [Fact]
    public void An_unknown_command_is_named_with_the_known_ones()
    {
        var error = ReadError("""{"command": "AnnounceSumit", "meetingId": "g20-2022"}""");

        Assert.Equal("command", error.Field);
        Assert.Null(error.Command);
        Assert.StartsWith("'AnnounceSumit' is not a command; known commands: AnnounceSummit, AnnounceMeeting,", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("announceSummit", "AnnounceSummit")]
    [InlineData("CONFIRMATTENDANCE", "ConfirmAttendance")]
    [InlineData("retractreport", "RetractReport")]
    public void A_command_name_in_the_wrong_case_gets_a_did_you_mean(string given, string meant)
    {
        var error = ReadError($$"""{"command": "{{given}}"}""");

        Assert.Equal("command", error.Field);
        Assert.Equal($"'{given}' is not a command; did you mean '{meant}'?", error.Message);
    }

    [Fact]
    public void A_command_without_its_name_is_rejected_saying_nothing_was_found()
    {
        var error = ReadError("""{"meetingId": "g20-2022", "reportedAt": "2022-09-08"}""");

        Assert.Equal("command", error.Field);
        Assert.EndsWith("found nothing", error.Message, StringComparison.Ordinal);
        Assert.Contains("AnnounceSummit", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"command": 42}""", "found number 42")]
    [InlineData("""{"command": ["ConfirmAttendance"]}""", "found a list of 1")]
    [InlineData("""{"command": null}""", "found null")]
    public void A_command_name_that_is_not_text_is_shown_as_found(string json, string found)
    {
        var error = ReadError(json);

        Assert.Equal("command", error.Field);
        Assert.EndsWith(found, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "expected a command object, found a list of 0")]
    [InlineData("\"ConfirmAttendance\"", "expected a command object, found text 'ConfirmAttendance'")]
    [InlineData("true", "expected a command object, found boolean true")]
    public void Something_other_than_an_object_is_not_a_command(string json, string message)
    {
        var error = ReadError(json);

        Assert.Equal(string.Empty, error.Field);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("title", "42", "title", "expected text, found number 42")]
    [InlineData("dates", """{"start": "2022-09-15"}""", "dates", "expected text, found an object")]
    [InlineData("participants", "\"Vladimir Putin\"", "participants", "expected a list, found text 'Vladimir Putin'")]
    [InlineData("participants", """["Vladimir Putin", 7]""", "participants[1]", "expected a name or an object, found number 7")]
    [InlineData("participants", """["Vladimir Putin", {"name": "Xi Jinping", "level": true}]""", "participants[1].level", "expected text, found boolean true")]
    [InlineData("participants", """[["Xi Jinping"]]""", "participants[0]", "expected a name or an object, found a list of 1")]
    [InlineData("location", "\"Samarkand\"", "location", "expected an object, found text 'Samarkand'")]
    [InlineData("location", """{"city": "Samarkand", "country": 860}""", "location.country", "expected text, found number 860")]
    [InlineData("source", """{"url": ["https://tass.com"]}""", "source.url", "expected text, found a list of 1")]
    [InlineData("expectedVersion", "1.5", "expectedVersion", "expected a whole number, found number 1.5")]
    [InlineData("expectedVersion", "\"3\"", "expectedVersion", "expected a whole number, found text '3'")]
    [InlineData("meetingId", "20", "meetingId", "expected text, found number 20")]
    public void A_field_of_the_wrong_type_is_named_by_its_path_with_the_value_found(string field, string value, string path, string message)
    {
        var error = ReadError(With(AnnouncePutinXi, field, value));

        Assert.Equal(path, error.Field);
        Assert.Equal(message, error.Message);
        Assert.Equal("AnnounceMeeting", error.Command);
    }

    [Fact]
    public void Every_wrong_field_is_reported_at_once()
    {
        var json = With(With(With(AnnouncePutinXi, "title", "42"), "dates", "{}"), "participants", "[1, 2]");

        var (input, errors) = Read(json);

        Assert.Null(input);
        Assert.Equal(["dates", "participants[0]", "participants[1]", "title"], errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.All(errors, e => Assert.Equal(Origin, e.Origin));
    }

    [Fact]
    public void An_error_names_the_file_the_command_s_index_and_line_the_command_and_the_field()
    {
        var error = ReadError(With(AnnouncePutinXi, "title", "42"));

        Assert.Equal(Origin, error.Origin);
        Assert.Equal("g20.json[3] (line 12): AnnounceMeeting: title: expected text, found number 42", error.ToString());
    }

    [Fact]
    public void A_misspelt_field_gets_a_did_you_mean()
    {
        var error = ReadError(Without(With(ConfirmPutin, "reportedat", "\"2022-09-13\""), "reportedAt"));

        Assert.Equal("reportedat", error.Field);
        Assert.Equal("is not a field of this command; did you mean 'reportedAt'?", error.Message);
    }

    [Fact]
    public void An_unknown_field_is_rejected_with_the_known_fields()
    {
        var error = ReadError(With(ConfirmPutin, "venue", "\"Samarkand\""));

        Assert.Equal("venue", error.Field);
        Assert.Equal(
            "is not a field of this command (known fields: command, commandId, expectedVersion, meetingId, mode, participant, reportedAt, source)",
            error.Message);
    }

    [Fact]
    public void An_unknown_field_inside_an_object_is_named_by_its_path()
    {
        var error = ReadError(With(AnnouncePutinXi, "location", """{"town": "Samarkand", "country": "Uzbekistan"}"""));

        Assert.Equal("location.town", error.Field);
        Assert.StartsWith("is not a field of this command", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_given_twice_is_rejected()
    {
        var error = ReadError("""
            {"command": "ConfirmAttendance", "meetingId": "sco-2022", "reportedAt": "2022-09-13",
             "participant": "Vladimir Putin", "participant": "Xi Jinping"}
            """);

        Assert.Equal("participant", error.Field);
        Assert.Equal("is given more than once", error.Message);
    }

    [Fact]
    public void A_long_value_is_quoted_cut_short()
    {
        var error = ReadError("{\"command\": \"X" + new string('y', 5000) + "\"}");

        Assert.StartsWith("'X" + new string('y', 36) + "...' is not a command", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 400, $"the message is {error.Message.Length} characters long");
    }

    [Fact]
    public void Control_characters_in_a_quoted_value_are_escaped()
    {
        var error = ReadError("""{"command": "Confirm\u001b[31mAttendance"}""");

        Assert.DoesNotContain('\u001b', error.Message);
        Assert.Contains("\\u001b", error.Message, StringComparison.Ordinal);
    }
}
