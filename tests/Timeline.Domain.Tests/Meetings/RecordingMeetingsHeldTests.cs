using Timeline.Domain.Meetings;
using static Timeline.Domain.Meetings.MeetingCommand;
using static Timeline.Domain.Meetings.MeetingEvent;
using static Timeline.Domain.Tests.Meetings.DeciderSpec;
using static Timeline.Domain.Tests.Meetings.Seed;

namespace Timeline.Domain.Tests.Meetings;

public sealed class RecordingMeetingsHeldTests
{
    [Fact]
    public void The_business_forum_held_with_the_Chinese_ambassador_by_video_makes_him_a_virtual_attendee()
    {
        Attendee[] attendees = [new(ZhangHanhui, AttendanceMode.Virtual)];

        var meeting = Given(BusinessForumAnnounced)
            .When(new RecordMeetingHeld(BusinessForum, null, attendees))
            .Then(new MeetingHeld(null, attendees));

        Assert.Equal(MeetingStatus.Held, meeting.Status);
        var zhang = Assert.Single(meeting.Participants);
        Assert.Equal(AttendanceLevel.Attended, zhang.Level);
        Assert.Equal(AttendanceMode.Virtual, zhang.Mode);
    }

    [Fact]
    public void Dates_are_kept_when_the_record_gives_none()
    {
        var meeting = Given(BusinessForumAnnounced)
            .When(new RecordMeetingHeld(BusinessForum, null, []))
            .Then(new MeetingHeld(null, []));

        Assert.Equal(Edtf("2022-09-07"), meeting.Dates);
    }

    [Fact]
    public void Dates_are_replaced_when_the_record_gives_them()
    {
        Attendee[] attendees = [new(Putin, AttendanceMode.InPerson)];

        var meeting = Given(CstoAnnounced, new AttendanceAnnounced(Putin, AttendanceLevel.Planned, null))
            .When(new RecordMeetingHeld(Csto, Edtf("2022-11-23"), attendees))
            .Then(new MeetingHeld(Edtf("2022-11-23"), attendees));

        Assert.Equal("2022-11-23", meeting.Dates?.Text);
        Assert.Equal(AttendanceLevel.Attended, meeting.StandingOf(Putin).Level);
        Assert.Equal(AttendanceMode.InPerson, meeting.StandingOf(Putin).Mode);
    }

    [Fact]
    public void Participants_who_are_not_attendees_keep_their_level_and_a_declined_stays_declined()
    {
        Attendee[] attendees = [new(Xi, AttendanceMode.InPerson)];

        var meeting = Given(
                G20Announced,
                PutinExpected,
                new AttendanceDeclined(Putin, Lavrov, "the president's schedule does not allow it"),
                new AttendanceAnnounced(Name("Narendra Modi"), AttendanceLevel.Planned, null))
            .When(new RecordMeetingHeld(G20, null, attendees))
            .Then(new MeetingHeld(null, attendees));

        Assert.Equal(AttendanceLevel.Attended, meeting.StandingOf(Xi).Level);
        Assert.Equal(AttendanceLevel.Declined, meeting.StandingOf(Putin).Level);
        Assert.Equal(Lavrov, meeting.StandingOf(Putin).RepresentedBy);
        Assert.Equal(AttendanceLevel.Planned, meeting.StandingOf(Name("Narendra Modi")).Level);
    }

    [Fact]
    public void An_attendee_represented_by_someone_else_is_recorded_with_the_representative()
    {
        Attendee[] attendees = [new(Name("vladimir putin"), AttendanceMode.InPerson, Lavrov)];

        var meeting = Given(G20Announced, PutinExpected)
            .When(new RecordMeetingHeld(G20, G20Dates, attendees))
            .Then(new MeetingHeld(G20Dates, attendees));

        var putin = Assert.Single(meeting.Participants);
        Assert.Equal("Vladimir Putin", putin.Name.Value);
        Assert.Equal(AttendanceLevel.Attended, putin.Level);
        Assert.Equal(Lavrov, putin.RepresentedBy);
    }

    [Fact]
    public void A_postponed_meeting_can_be_recorded_as_held_on_its_new_dates()
    {
        var meeting = Given(G20Announced, new MeetingPostponed(null, null))
            .When(new RecordMeetingHeld(G20, Edtf("2022-12-01"), []))
            .Then(new MeetingHeld(Edtf("2022-12-01"), []));

        Assert.Equal(MeetingStatus.Held, meeting.Status);
        Assert.Equal("2022-12-01", meeting.Dates?.Text);
    }
}
