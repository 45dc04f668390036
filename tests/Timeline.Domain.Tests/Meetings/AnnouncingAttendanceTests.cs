using Timeline.Domain.Meetings;
using static Timeline.Domain.Meetings.MeetingCommand;
using static Timeline.Domain.Meetings.MeetingEvent;
using static Timeline.Domain.Tests.Meetings.DeciderSpec;
using static Timeline.Domain.Tests.Meetings.Seed;

namespace Timeline.Domain.Tests.Meetings;

public sealed class AnnouncingAttendanceTests
{
    [Fact]
    public void The_Kremlin_expecting_Putin_at_the_G20_makes_him_expected()
    {
        var meeting = Given(G20Announced)
            .When(new AnnounceAttendance(G20, Putin, AttendanceLevel.Expected, null))
            .Then(PutinExpected);

        Assert.Equal(AttendanceLevel.Expected, meeting.StandingOf(Putin).Level);
    }

    [Theory]
    [InlineData(AttendanceLevel.Possible)]
    [InlineData(AttendanceLevel.Expected)]
    [InlineData(AttendanceLevel.Planned)]
    public void A_participant_not_yet_named_joins_at_the_announced_level(AttendanceLevel level)
    {
        var meeting = Given(G20Announced)
            .When(new AnnounceAttendance(G20, Putin, level, AttendanceMode.InPerson))
            .Then(new AttendanceAnnounced(Putin, level, AttendanceMode.InPerson));

        var putin = Assert.Single(meeting.Participants);
        Assert.Equal(level, putin.Level);
        Assert.Equal(AttendanceMode.InPerson, putin.Mode);
    }

    [Theory]
    [InlineData(AttendanceLevel.Invited)]
    [InlineData(AttendanceLevel.Confirmed)]
    [InlineData(AttendanceLevel.Declined)]
    [InlineData(AttendanceLevel.Attended)]
    public void Announcing_attendance_takes_only_possible_expected_or_planned(AttendanceLevel level)
    {
        var violation = Given(G20Announced)
            .When(new AnnounceAttendance(G20, Putin, level, null))
            .ThenRejected(MeetingRules.LevelNotAnnounceable);

        Assert.Contains(level.ToString().ToLowerInvariant(), violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expected_participant_can_be_announced_as_planned_later()
    {
        var meeting = Given(G20Announced, PutinExpected)
            .When(new AnnounceAttendance(G20, Putin, AttendanceLevel.Planned, null))
            .Then(new AttendanceAnnounced(Putin, AttendanceLevel.Planned, null));

        Assert.Equal(AttendanceLevel.Planned, meeting.StandingOf(Putin).Level);
    }

    [Fact]
    public void Announcing_the_same_level_again_changes_nothing() =>
        Given(G20Announced, PutinExpected)
            .When(new AnnounceAttendance(G20, Putin, AttendanceLevel.Expected, null))
            .ThenNothingHappens();

    [Fact]
    public void Announcing_the_same_level_with_a_new_mode_records_the_mode()
    {
        var meeting = Given(G20Announced, PutinExpected)
            .When(new AnnounceAttendance(G20, Putin, AttendanceLevel.Expected, AttendanceMode.Virtual))
            .Then(new AttendanceAnnounced(Putin, AttendanceLevel.Expected, AttendanceMode.Virtual));

        Assert.Equal(AttendanceMode.Virtual, meeting.StandingOf(Putin).Mode);
    }
}
