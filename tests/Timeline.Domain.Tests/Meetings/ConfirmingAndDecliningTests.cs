using Timeline.Domain.Meetings;
using static Timeline.Domain.Meetings.MeetingCommand;
using static Timeline.Domain.Meetings.MeetingEvent;
using static Timeline.Domain.Tests.Meetings.DeciderSpec;
using static Timeline.Domain.Tests.Meetings.Seed;

namespace Timeline.Domain.Tests.Meetings;

public sealed class ConfirmingAndDecliningTests
{
    private static readonly AttendanceDeclined PutinSendsLavrov = new(Putin, Lavrov, "the president's schedule does not allow it");

    [Fact]
    public void An_expected_participant_is_confirmed()
    {
        var meeting = Given(G20Announced, PutinExpected)
            .When(new ConfirmAttendance(G20, Putin, AttendanceMode.InPerson))
            .Then(new AttendanceConfirmed(Putin, AttendanceMode.InPerson));

        var putin = meeting.StandingOf(Putin);
        Assert.Equal(AttendanceLevel.Confirmed, putin.Level);
        Assert.Equal(AttendanceMode.InPerson, putin.Mode);
    }

    [Fact]
    public void A_participant_who_declined_can_confirm_later_and_no_longer_sends_a_representative()
    {
        var meeting = Given(G20Announced, PutinExpected, PutinSendsLavrov)
            .When(new ConfirmAttendance(G20, Putin, null))
            .Then(new AttendanceConfirmed(Putin, null));

        var putin = meeting.StandingOf(Putin);
        Assert.Equal(AttendanceLevel.Confirmed, putin.Level);
        Assert.Null(putin.RepresentedBy);
        Assert.Null(putin.Reason);
    }

    [Fact]
    public void A_confirmed_participant_can_decline_later_and_send_a_representative()
    {
        var meeting = Given(G20Announced, new AttendanceConfirmed(Putin, AttendanceMode.InPerson))
            .When(new DeclineAttendance(G20, Putin, Lavrov, "the president's schedule does not allow it"))
            .Then(PutinSendsLavrov);

        var putin = meeting.StandingOf(Putin);
        Assert.Equal(AttendanceLevel.Declined, putin.Level);
        Assert.Equal(Lavrov, putin.RepresentedBy);
        Assert.Equal("the president's schedule does not allow it", putin.Reason);
    }

    [Fact]
    public void A_name_given_in_another_case_is_the_same_participant_and_keeps_its_first_spelling()
    {
        var meeting = Given(G20Announced, PutinExpected)
            .When(new ConfirmAttendance(G20, Name("vladimir putin"), null))
            .Then(new AttendanceConfirmed(Name("vladimir putin"), null));

        var putin = Assert.Single(meeting.Participants);
        Assert.Equal("Vladimir Putin", putin.Name.Value);
        Assert.Equal(AttendanceLevel.Confirmed, putin.Level);
    }

    [Fact]
    public void Confirming_a_participant_not_yet_named_adds_them_as_confirmed()
    {
        var meeting = Given(G20Announced)
            .When(new ConfirmAttendance(G20, Xi, AttendanceMode.InPerson))
            .Then(new AttendanceConfirmed(Xi, AttendanceMode.InPerson));

        Assert.Equal(AttendanceLevel.Confirmed, meeting.StandingOf(Xi).Level);
    }

    [Fact]
    public void Declining_for_a_participant_not_yet_named_adds_them_as_declined()
    {
        var meeting = Given(G20Announced)
            .When(new DeclineAttendance(G20, Putin, Lavrov, null))
            .Then(new AttendanceDeclined(Putin, Lavrov, null));

        var putin = Assert.Single(meeting.Participants);
        Assert.Equal(AttendanceLevel.Declined, putin.Level);
        Assert.Equal(Lavrov, putin.RepresentedBy);
    }

    [Fact]
    public void Confirming_a_confirmed_participant_again_changes_nothing() =>
        Given(G20Announced, new AttendanceConfirmed(Putin, AttendanceMode.InPerson))
            .When(new ConfirmAttendance(G20, Putin, null))
            .ThenNothingHappens();

    [Fact]
    public void Confirming_again_in_the_same_mode_in_another_case_changes_nothing() =>
        Given(G20Announced, new AttendanceConfirmed(Putin, AttendanceMode.InPerson))
            .When(new ConfirmAttendance(G20, Name("VLADIMIR PUTIN"), AttendanceMode.InPerson))
            .ThenNothingHappens();

    [Fact]
    public void Confirming_again_in_another_mode_records_the_new_mode()
    {
        var meeting = Given(G20Announced, new AttendanceConfirmed(Putin, AttendanceMode.InPerson))
            .When(new ConfirmAttendance(G20, Putin, AttendanceMode.Virtual))
            .Then(new AttendanceConfirmed(Putin, AttendanceMode.Virtual));

        Assert.Equal(AttendanceMode.Virtual, meeting.StandingOf(Putin).Mode);
    }

    [Fact]
    public void Declining_again_with_the_same_representative_changes_nothing() =>
        Given(G20Announced, PutinSendsLavrov)
            .When(new DeclineAttendance(G20, Putin, Lavrov, null))
            .ThenNothingHappens();

    [Fact]
    public void Declining_again_with_another_representative_records_the_new_one()
    {
        var foreignMinister = Name("Sergey Lavrov");
        var meeting = Given(G20Announced, new AttendanceDeclined(Putin, null, null))
            .When(new DeclineAttendance(G20, Putin, foreignMinister, null))
            .Then(new AttendanceDeclined(Putin, foreignMinister, null));

        Assert.Equal(foreignMinister, meeting.StandingOf(Putin).RepresentedBy);
    }
}
