using Timeline.Domain.Meetings;
using static Timeline.Domain.Meetings.MeetingCommand;
using static Timeline.Domain.Meetings.MeetingEvent;
using static Timeline.Domain.Tests.Meetings.DeciderSpec;
using static Timeline.Domain.Tests.Meetings.Seed;

namespace Timeline.Domain.Tests.Meetings;

/// <summary>The two closed unions list their cases in the contract's order, and each command names the event it yields.</summary>
public sealed class MeetingCasesTests
{
    public static TheoryData<string> CommandsOnAnExistingMeeting => TestCases.Named([.. SampleCommands.OnG20.Keys]);

    [Fact]
    public void The_commands_are_listed_in_the_order_they_are_declared()
    {
        Assert.Equal(
            [
                "AnnounceSummit", "AnnounceMeeting", "InviteParticipant", "AnnounceAttendance", "ConfirmAttendance", "DeclineAttendance",
                "PostponeMeeting", "RescheduleMeeting", "RelocateMeeting", "CancelMeeting", "RecordMeetingHeld", "RetractReport",
            ],
            MeetingCases.Commands.Select(c => c.Name));
    }

    [Fact]
    public void The_events_are_listed_in_the_order_they_are_declared()
    {
        Assert.Equal(
            [
                "SummitAnnounced", "MeetingAnnounced", "ParticipantInvited", "AttendanceAnnounced", "AttendanceConfirmed", "AttendanceDeclined",
                "MeetingPostponed", "MeetingRescheduled", "MeetingRelocated", "MeetingCancelled", "MeetingHeld", "ReportRetracted",
            ],
            MeetingCases.Events.Select(e => e.Name));
    }

    [Fact]
    public void Each_command_yields_one_event_and_each_event_comes_from_one_command()
    {
        Assert.Equal(MeetingCases.Events, MeetingCases.Commands.Select(MeetingCases.EventOf));
        Assert.Equal(MeetingCases.Commands, MeetingCases.Events.Select(MeetingCases.CommandOf));
    }

    [Theory]
    [MemberData(nameof(CommandsOnAnExistingMeeting))]
    public void A_command_on_an_existing_meeting_yields_the_event_it_declares(string command)
    {
        var sample = SampleCommands.OnG20[command];

        var decided = Assert.Single(MeetingDecider.Decide(sample, Given(G20Announced).State));

        Assert.Equal(MeetingCases.EventOf(sample.GetType()), decided.GetType());
    }

    [Fact]
    public void Announcing_and_retracting_yield_the_events_they_declare()
    {
        var nothing = Given().State;
        var retractable = Given(G20Announced).WithRetractableEntries("cmd-g20").State;

        Assert.IsType(MeetingCases.EventOf(typeof(AnnounceSummit)), Assert.Single(MeetingDecider.Decide(AnnounceG20, nothing)));
        Assert.IsType(MeetingCases.EventOf(typeof(AnnounceMeeting)), Assert.Single(MeetingDecider.Decide(AnnouncePutinXi, nothing)));
        Assert.IsType(
            MeetingCases.EventOf(typeof(RetractReport)),
            Assert.Single(MeetingDecider.Decide(new RetractReport(G20, "cmd-g20", "entered by mistake"), retractable)));
    }

    [Fact]
    public void A_command_is_no_event_and_an_event_no_command()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MeetingCases.CommandOf(typeof(AnnounceSummit)));
        Assert.Throws<ArgumentOutOfRangeException>(() => MeetingCases.EventOf(typeof(SummitAnnounced)));
    }

    // Rule messages name the command of the event that would break the rule, from the pairing.
    [Theory]
    [InlineData("InviteParticipant")]
    [InlineData("AnnounceAttendance")]
    [InlineData("ConfirmAttendance")]
    [InlineData("DeclineAttendance")]
    [InlineData("PostponeMeeting")]
    [InlineData("RescheduleMeeting")]
    [InlineData("RelocateMeeting")]
    [InlineData("RecordMeetingHeld")]
    public void A_rule_message_names_the_command_in_full(string command)
    {
        var violation = Given(G20Announced, new MeetingCancelled(null)).When(SampleCommands.OnG20[command]).ThenRejected(MeetingRules.Cancelled);

        Assert.Equal($"meeting 'g20-2022' is cancelled as of this report, so {command} is not allowed", violation.Message);
    }

    [Fact]
    public void Rule_messages_about_held_meetings_and_levels_are_unchanged()
    {
        var held = Given(G20Announced, new MeetingHeld(null, [])).When(SampleCommands.OnG20["PostponeMeeting"]).ThenRejected(MeetingRules.Held);
        var cancelled = Given(G20Announced, new MeetingHeld(null, [])).When(new CancelMeeting(G20, null)).ThenRejected(MeetingRules.Held);
        var level = Given(G20Announced).When(new AnnounceAttendance(G20, Putin, AttendanceLevel.Confirmed, null)).ThenRejected(MeetingRules.LevelNotAnnounceable);
        var again = Given(G20Announced).When(AnnounceG20 with { Title = "G20 Bali summit" }).ThenRejected(MeetingRules.AlreadyAnnounced);

        Assert.Equal("meeting 'g20-2022' was already held as of this report, so PostponeMeeting is not allowed", held.Message);
        Assert.Equal("meeting 'g20-2022' was already held as of this report, so CancelMeeting is not allowed", cancelled.Message);
        Assert.Equal(
            "AnnounceAttendance takes possible, expected or planned, not confirmed; use ConfirmAttendance, DeclineAttendance or RecordMeetingHeld",
            level.Message);
        Assert.Equal(
            "meeting 'g20-2022' is already announced with different details; use RescheduleMeeting, RelocateMeeting or a new id",
            again.Message);
    }
}
