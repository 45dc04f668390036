using Timeline.Domain.Meetings;
using static Timeline.Domain.Meetings.MeetingEvent;
using static Timeline.Domain.Tests.Meetings.Seed;

namespace Timeline.Domain.Tests.Meetings;

public sealed class EvolveTests
{
    public static TheoryData<string> EventsAfterAnnouncement => TestCases.Named([.. SampleEvents.AfterAnnouncement.Keys]);

    [Theory]
    [MemberData(nameof(EventsAfterAnnouncement))]
    public void An_event_about_a_meeting_that_does_not_exist_leaves_it_unchanged(string @event)
    {
        var meeting = MeetingDecider.Evolve(Meeting.Initial, SampleEvents.AfterAnnouncement[@event]);

        Assert.Equal(Meeting.Initial, meeting);
        Assert.False(meeting.Exists);
        Assert.Empty(meeting.Participants);
    }

    [Fact]
    public void The_samples_cover_every_event()
    {
        var everyEvent = typeof(MeetingEvent).GetNestedTypes()
            .Where(t => t.IsSubclassOf(typeof(MeetingEvent)))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(everyEvent, SampleEvents.All.Select(e => e.GetType().Name).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_announcement_makes_the_meeting_exist()
    {
        var meeting = MeetingDecider.Evolve(Meeting.Initial, G20Announced);

        Assert.True(meeting.Exists);
        Assert.Equal(G20Announced, meeting.Announcement);
    }

    [Fact]
    public void A_retraction_leaves_the_meeting_as_it_was()
    {
        var meeting = new MeetingEvent[] { G20Announced, PutinExpected }.Aggregate(MeetingDecider.Initial, MeetingDecider.Evolve);

        Assert.Equal(meeting, MeetingDecider.Evolve(meeting, new ReportRetracted("cmd-2022-09-08-ushakov-g20", "entered by mistake")));
    }

}
