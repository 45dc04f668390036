using Timeline.Domain.Meetings;
using static Timeline.Domain.Meetings.MeetingCommand;
using static Timeline.Domain.Meetings.MeetingEvent;
using static Timeline.Domain.Tests.Meetings.DeciderSpec;
using static Timeline.Domain.Tests.Meetings.Seed;

namespace Timeline.Domain.Tests.Meetings;

public sealed class InvitingParticipantsTests
{
    [Fact]
    public void A_participant_not_yet_named_joins_as_invited()
    {
        var meeting = Given(G20Announced)
            .When(new InviteParticipant(G20, Putin, Widodo))
            .Then(new ParticipantInvited(Putin, Widodo));

        var putin = Assert.Single(meeting.Participants);
        Assert.Equal(AttendanceLevel.Invited, putin.Level);
        Assert.Equal(Widodo, putin.InvitedBy);
    }

    [Fact]
    public void An_invitation_reported_after_attendance_was_expected_keeps_the_expected_level()
    {
        var meeting = Given(G20Announced, PutinExpected)
            .When(new InviteParticipant(G20, Putin, Widodo))
            .Then(new ParticipantInvited(Putin, Widodo));

        var putin = meeting.StandingOf(Putin);
        Assert.Equal(AttendanceLevel.Expected, putin.Level);
        Assert.Equal(Widodo, putin.InvitedBy);
    }

    [Fact]
    public void Inviting_an_invited_participant_again_by_the_same_host_changes_nothing() =>
        Given(G20Announced, new ParticipantInvited(Putin, Widodo))
            .When(new InviteParticipant(G20, Name("vladimir putin"), "joko widodo"))
            .ThenNothingHappens();

    [Fact]
    public void Inviting_a_named_participant_again_without_saying_by_whom_changes_nothing() =>
        Given(G20Announced, new ParticipantInvited(Putin, Widodo))
            .When(new InviteParticipant(G20, Putin, null))
            .ThenNothingHappens();
}
