using Timeline.Core.Commands;
using static Timeline.Core.Tests.Commands.Submitting;

namespace Timeline.Core.Tests.Commands;

/// <summary>docs/contract.md#command-ids: commandId is the idempotency key; the same command sent twice is applied once.</summary>
public sealed class CommandIdsTests
{
    private const string Compact =
        """{"command":"DeclineAttendance","meetingId":"g20-2022","reportedAt":"2022-11-10","participant":"Vladimir Putin","representedBy":"Sergey Lavrov","source":{"speaker":"Dmitry Peskov","quote":"Lavrov will lead the delegation"}}""";

    private const string Reordered = """
        {
            "source": { "quote": "Lavrov will lead the delegation", "speaker": "Dmitry Peskov" },
            "representedBy": "Sergey Lavrov",
            "participant":   "Vladimir Putin",
            "reportedAt":    "2022-11-10",
            "meetingId":     "g20-2022",
            "command":       "DeclineAttendance"
        }
        """;

    [Fact]
    public void The_same_command_in_another_field_order_and_layout_gets_the_same_id()
    {
        var id = CommandIds.Of(Input(Compact));

        Assert.Equal(id, CommandIds.Of(Input(Reordered)));
        Assert.Matches("^sha256:[0-9a-f]{32}$", id);
    }

    // Derived ids are stored: if this value ever changes, re-importing a file after an upgrade would apply it twice.
    [Fact]
    public void A_derived_id_is_stable_across_runs_and_versions()
    {
        Assert.Equal("sha256:9b218c987672af5c8dae7c516ec3c2b7", CommandIds.Of(Input(Compact)));
    }

    [Fact]
    public void A_derived_id_is_itself_a_valid_command_id()
    {
        var id = CommandIds.Of(Input(Compact));

        Input(With(Compact, "commandId", $"\"{id}\""));
        Assert.Matches("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$", id);
    }

    [Theory]
    [InlineData("reportedAt", "\"2022-11-11\"")]
    [InlineData("participant", "\"Xi Jinping\"")]
    [InlineData("representedBy", "\"Sergey Shoigu\"")]
    [InlineData("meetingId", "\"apec-2022\"")]
    [InlineData("reason", "\"busy schedule\"")]
    [InlineData("source", """{"speaker": "Dmitry Peskov", "quote": "Lavrov will lead the Russian delegation"}""")]
    [InlineData("source", "null")]
    public void Different_content_gets_a_different_id(string field, string value)
    {
        Assert.NotEqual(CommandIds.Of(Input(Compact)), CommandIds.Of(Input(With(Compact, field, value))));
    }

    [Fact]
    public void The_same_fields_under_another_command_get_a_different_id()
    {
        var confirm = """{"command": "ConfirmAttendance", "meetingId": "g20-2022", "reportedAt": "2022-11-10", "participant": "Vladimir Putin"}""";
        var invite = """{"command": "InviteParticipant", "meetingId": "g20-2022", "reportedAt": "2022-11-10", "participant": "Vladimir Putin"}""";

        Assert.NotEqual(CommandIds.Of(Input(confirm)), CommandIds.Of(Input(invite)));
    }

    [Fact]
    public void An_explicit_command_id_wins()
    {
        Assert.Equal("peskov-2022-11-10", CommandIds.Of(Input(With(Compact, "commandId", "\"peskov-2022-11-10\""))));
    }

    [Fact]
    public void The_expected_version_is_not_part_of_the_derived_id()
    {
        Assert.Equal(CommandIds.Of(Input(Compact)), CommandIds.Of(Input(With(Compact, "expectedVersion", "3"))));
    }
}
