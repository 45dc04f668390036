using Timeline.Domain.Meetings;
using static Timeline.Domain.Meetings.MeetingCommand;
using static Timeline.Domain.Meetings.MeetingEvent;
using static Timeline.Domain.Tests.Meetings.DeciderSpec;
using static Timeline.Domain.Tests.Meetings.Seed;

namespace Timeline.Domain.Tests.Meetings;

public sealed class PostponingReschedulingAndRelocatingTests
{
    [Fact]
    public void Postponing_without_dates_leaves_the_dates_to_be_decided()
    {
        var meeting = Given(G20Announced, PutinExpected)
            .When(new PostponeMeeting(G20, null, "the host asked for more time"))
            .Then(new MeetingPostponed(null, "the host asked for more time"));

        Assert.Equal(MeetingStatus.Postponed, meeting.Status);
        Assert.Null(meeting.Dates);
        Assert.Equal("the host asked for more time", meeting.StatusReason);
        Assert.Equal(AttendanceLevel.Expected, meeting.StandingOf(Putin).Level);
    }

    [Fact]
    public void Postponing_to_new_dates_records_them()
    {
        var meeting = Given(CstoAnnounced)
            .When(new PostponeMeeting(Csto, Edtf("2022-12~"), null))
            .Then(new MeetingPostponed(Edtf("2022-12~"), null));

        Assert.Equal(MeetingStatus.Postponed, meeting.Status);
        Assert.Equal("2022-12~", meeting.Dates?.Text);
    }

    [Fact]
    public void Rescheduling_after_a_postponement_schedules_the_meeting_again_on_the_new_dates()
    {
        var meeting = Given(G20Announced, new MeetingPostponed(null, "the host asked for more time"))
            .When(new RescheduleMeeting(G20, Edtf("2022-11-22/2022-11-23")))
            .Then(new MeetingRescheduled(Edtf("2022-11-22/2022-11-23")));

        Assert.Equal(MeetingStatus.Scheduled, meeting.Status);
        Assert.Equal("2022-11-22/2022-11-23", meeting.Dates?.Text);
        Assert.Null(meeting.StatusReason);
    }

    [Fact]
    public void Rescheduling_a_scheduled_meeting_moves_its_dates()
    {
        var meeting = Given(G20Announced)
            .When(new RescheduleMeeting(G20, Edtf("2022-11-16/2022-11-17")))
            .Then(new MeetingRescheduled(Edtf("2022-11-16/2022-11-17")));

        Assert.Equal(MeetingStatus.Scheduled, meeting.Status);
        Assert.Equal(new DateOnly(2022, 11, 16), meeting.Dates?.Earliest);
    }

    [Fact]
    public void Rescheduling_a_postponed_meeting_to_its_old_dates_schedules_it_again() =>
        Given(G20Announced, new MeetingPostponed(G20Dates, null))
            .When(new RescheduleMeeting(G20, G20Dates))
            .Then(new MeetingRescheduled(G20Dates));

    [Fact]
    public void Rescheduling_to_the_dates_it_already_has_changes_nothing() =>
        Given(G20Announced).When(new RescheduleMeeting(G20, Edtf("2022-11-15/2022-11-16"))).ThenNothingHappens();

    [Fact]
    public void Postponing_a_meeting_already_postponed_to_be_decided_changes_nothing() =>
        Given(G20Announced, new MeetingPostponed(null, "the host asked for more time"))
            .When(new PostponeMeeting(G20, null, null))
            .ThenNothingHappens();

    [Fact]
    public void Postponing_a_postponed_meeting_to_dates_now_known_records_them() =>
        Given(G20Announced, new MeetingPostponed(null, null))
            .When(new PostponeMeeting(G20, Edtf("2023"), null))
            .Then(new MeetingPostponed(Edtf("2023"), null));

    [Fact]
    public void Relocating_a_meeting_records_its_new_place()
    {
        var meeting = Given(G20Announced)
            .When(new RelocateMeeting(G20, Jakarta))
            .Then(new MeetingRelocated(Jakarta));

        Assert.Equal(Jakarta, meeting.Location);
    }

    [Fact]
    public void Relocating_a_meeting_to_where_it_already_is_changes_nothing() =>
        Given(G20Announced).When(new RelocateMeeting(G20, new Location("Bali", "Indonesia"))).ThenNothingHappens();
}
