using Timeline.Domain.Meetings;
using static Timeline.Domain.Meetings.MeetingCommand;
using static Timeline.Domain.Meetings.MeetingEvent;
using static Timeline.Domain.Tests.Meetings.DeciderSpec;
using static Timeline.Domain.Tests.Meetings.Seed;

namespace Timeline.Domain.Tests.Meetings;

public sealed class CancelledMeetingTests
{
    private static readonly MeetingCancelled G20CalledOff = new("called off by the host");

    public static TheoryData<string> ChangesToACancelledMeeting => TestCases.Named(
        nameof(InviteParticipant),
        nameof(AnnounceAttendance),
        nameof(ConfirmAttendance),
        nameof(DeclineAttendance),
        nameof(PostponeMeeting),
        nameof(RescheduleMeeting),
        nameof(RelocateMeeting),
        nameof(RecordMeetingHeld));

    [Fact]
    public void Cancelling_a_scheduled_summit_records_the_reason()
    {
        var meeting = Given(G20Announced, PutinExpected)
            .When(new CancelMeeting(G20, "called off by the host"))
            .Then(G20CalledOff);

        Assert.Equal(MeetingStatus.Cancelled, meeting.Status);
        Assert.Equal("called off by the host", meeting.StatusReason);
        Assert.Equal(G20Dates, meeting.Dates);
        Assert.Equal(AttendanceLevel.Expected, meeting.StandingOf(Putin).Level);
    }

    [Fact]
    public void A_postponed_summit_can_be_cancelled() =>
        Given(G20Announced, new MeetingPostponed(null, null))
            .When(new CancelMeeting(G20, null))
            .Then(new MeetingCancelled(null));

    [Theory]
    [MemberData(nameof(ChangesToACancelledMeeting))]
    public void A_cancelled_meeting_rejects_any_change(string command)
    {
        var violation = Given(G20Announced, G20CalledOff).When(SampleCommands.OnG20[command]).ThenRejected(MeetingRules.Cancelled);

        Assert.Contains("g20-2022", violation.Message, StringComparison.Ordinal);
        Assert.Contains(command, violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancelling_a_cancelled_meeting_again_changes_nothing() =>
        Given(G20Announced, G20CalledOff).When(new CancelMeeting(G20, "called off by the host")).ThenNothingHappens();

    [Fact]
    public void Cancelling_a_cancelled_meeting_again_with_another_reason_changes_nothing() =>
        Given(G20Announced, G20CalledOff).When(new CancelMeeting(G20, "no agreement on the agenda")).ThenNothingHappens();

    [Fact]
    public void A_report_about_a_cancelled_meeting_can_still_be_retracted() =>
        Given(G20Announced, G20CalledOff)
            .WithRetractableEntries("cmd-g20-cancelled")
            .When(new RetractReport(G20, "cmd-g20-cancelled", "the cancellation was misreported"))
            .Then(new ReportRetracted("cmd-g20-cancelled", "the cancellation was misreported"));
}
