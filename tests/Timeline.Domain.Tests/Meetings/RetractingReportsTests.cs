using Timeline.Domain.Meetings;
using static Timeline.Domain.Meetings.MeetingCommand;
using static Timeline.Domain.Meetings.MeetingEvent;
using static Timeline.Domain.Tests.Meetings.DeciderSpec;
using static Timeline.Domain.Tests.Meetings.Seed;

namespace Timeline.Domain.Tests.Meetings;

public sealed class RetractingReportsTests
{
    private const string UshakovOnG20 = "cmd-2022-09-08-ushakov-g20";

    [Fact]
    public void A_report_on_record_can_be_retracted_and_the_meeting_itself_does_not_change()
    {
        var given = Given(G20Announced, PutinExpected).WithRetractableEntries(UshakovOnG20, "cmd-2022-09-08-g20-announced");

        var meeting = given
            .When(new RetractReport(G20, UshakovOnG20, "the quote was about APEC, not the G20"))
            .Then(new ReportRetracted(UshakovOnG20, "the quote was about APEC, not the G20"));

        Assert.Equal(given.State, meeting);
    }

    [Fact]
    public void A_retraction_naming_no_entry_on_record_is_rejected()
    {
        var violation = Given(G20Announced, PutinExpected)
            .WithRetractableEntries(UshakovOnG20)
            .When(new RetractReport(G20, "cmd-never-recorded", "entered by mistake"))
            .ThenRejected(MeetingRules.RetractionTargetUnknown);

        Assert.Contains("cmd-never-recorded", violation.Message, StringComparison.Ordinal);
        Assert.Contains("g20-2022", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_retraction_is_rejected_when_nothing_is_on_record_as_retractable() =>
        Given(G20Announced, PutinExpected)
            .When(new RetractReport(G20, UshakovOnG20, "entered by mistake"))
            .ThenRejected(MeetingRules.RetractionTargetUnknown);
}
