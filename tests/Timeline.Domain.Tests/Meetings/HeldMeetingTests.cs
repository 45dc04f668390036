using Timeline.Domain.Meetings;
using static Timeline.Domain.Meetings.MeetingCommand;
using static Timeline.Domain.Meetings.MeetingEvent;
using static Timeline.Domain.Tests.Meetings.DeciderSpec;
using static Timeline.Domain.Tests.Meetings.Seed;

namespace Timeline.Domain.Tests.Meetings;

public sealed class HeldMeetingTests
{
    private static readonly MeetingHeld G20Held = new(null, [new Attendee(Xi, AttendanceMode.InPerson)]);

    public static TheoryData<string> ChangesToAHeldMeeting => TestCases.Named(
        nameof(PostponeMeeting),
        nameof(RescheduleMeeting),
        nameof(CancelMeeting));

    [Theory]
    [MemberData(nameof(ChangesToAHeldMeeting))]
    public void A_held_meeting_cannot_be_postponed_rescheduled_or_cancelled(string command)
    {
        var violation = Given(G20Announced, G20Held).When(SampleCommands.OnG20[command]).ThenRejected(MeetingRules.Held);

        Assert.Contains("g20-2022", violation.Message, StringComparison.Ordinal);
        Assert.Contains(command, violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_held_meeting_cannot_be_rescheduled_even_to_its_own_dates() =>
        Given(G20Announced, G20Held).When(new RescheduleMeeting(G20, G20Dates)).ThenRejected(MeetingRules.Held);

    [Fact]
    public void Recording_a_held_meeting_again_identically_changes_nothing() =>
        Given(G20Announced, G20Held)
            .When(new RecordMeetingHeld(G20, null, [new Attendee(Xi, AttendanceMode.InPerson)]))
            .ThenNothingHappens();
}
