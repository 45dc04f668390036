using Timeline.Domain.Meetings;
using static Timeline.Domain.Meetings.MeetingCommand;
using static Timeline.Domain.Tests.Meetings.DeciderSpec;

namespace Timeline.Domain.Tests.Meetings;

public sealed class MeetingMustBeAnnouncedTests
{
    public static TheoryData<string> CommandsThatNeedAMeeting => TestCases.Named([.. SampleCommands.OnG20.Keys]);

    [Theory]
    [MemberData(nameof(CommandsThatNeedAMeeting))]
    public void A_command_about_a_meeting_nobody_has_announced_is_rejected(string command)
    {
        var violation = Given().When(SampleCommands.OnG20[command]).ThenRejected(MeetingRules.NotAnnounced);

        Assert.Contains("g20-2022", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_samples_cover_every_command_but_the_two_announcements_and_the_retraction()
    {
        var everyCommand = typeof(MeetingCommand).GetNestedTypes()
            .Where(t => t.IsSubclassOf(typeof(MeetingCommand)))
            .Select(t => t.Name);

        Assert.Equal(
            everyCommand.Except([nameof(AnnounceSummit), nameof(AnnounceMeeting), nameof(RetractReport)]).Order(StringComparer.Ordinal),
            SampleCommands.OnG20.Keys.Order(StringComparer.Ordinal));
        Assert.All(SampleCommands.OnG20, sample => Assert.Equal(sample.Key, sample.Value.GetType().Name));
    }
}
