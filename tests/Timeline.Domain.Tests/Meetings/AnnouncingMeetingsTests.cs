using Timeline.Domain.Meetings;
using static Timeline.Domain.Meetings.MeetingCommand;
using static Timeline.Domain.Meetings.MeetingEvent;
using static Timeline.Domain.Tests.Meetings.DeciderSpec;
using static Timeline.Domain.Tests.Meetings.Seed;

namespace Timeline.Domain.Tests.Meetings;

public sealed class AnnouncingMeetingsTests
{
    [Fact]
    public void Announcing_the_G20_summit_in_Bali_records_it_as_a_scheduled_summit()
    {
        var meeting = Given().When(AnnounceG20).Then(G20Announced);

        Assert.True(meeting.Exists);
        Assert.Equal("G20 summit", meeting.Title);
        Assert.Equal(MeetingKind.Summit, meeting.Kind);
        Assert.Equal("G20", meeting.Organization);
        Assert.Equal(Bali, meeting.Location);
        Assert.Equal(G20Dates, meeting.Dates);
        Assert.Equal(["Indonesia"], meeting.Hosts);
        Assert.Equal(MeetingStatus.Scheduled, meeting.Status);
        Assert.Empty(meeting.Participants);
    }

    [Fact]
    public void Announcing_the_CSTO_summit_for_November_keeps_the_month_as_its_dates()
    {
        var meeting = Given().When(AnnounceCsto).Then(CstoAnnounced);

        Assert.Equal("2022-11", meeting.Dates?.Text);
        Assert.Equal(new DateOnly(2022, 11, 1), meeting.Dates?.Earliest);
        Assert.Equal(new DateOnly(2022, 11, 30), meeting.Dates?.Latest);
    }

    [Fact]
    public void Announcing_Putin_Xi_talks_on_the_sidelines_of_the_SCO_summit_records_the_sidelines()
    {
        var meeting = Given().When(AnnouncePutinXi).Then(PutinXiAnnounced);

        Assert.Equal(MeetingKind.Bilateral, meeting.Kind);
        Assert.Equal(Sco, meeting.SidelinesOf);
        Assert.Equal(Samarkand, meeting.Location);
        Assert.Null(meeting.Dates);
        Assert.Null(meeting.Organization);
    }

    [Fact]
    public void Participants_named_in_an_announcement_without_a_level_start_as_planned()
    {
        var meeting = Given().When(AnnouncePutinXi).Then(PutinXiAnnounced);

        Assert.Equal([Putin, Xi], meeting.Participants.Select(p => p.Name));
        Assert.All(meeting.Participants, p => Assert.Equal(AttendanceLevel.Planned, p.Level));
    }

    [Fact]
    public void Participants_named_in_an_announcement_with_a_level_and_mode_start_there()
    {
        NamedParticipant[] participants = [new(Putin, AttendanceLevel.Expected), new(Xi, AttendanceLevel.Possible, AttendanceMode.Virtual)];
        var command = new AnnounceMeeting(PutinXi, "Putin-Xi talks", MeetingKind.Bilateral, participants, Samarkand, ScoDates, Sco);

        var meeting = Given().When(command)
            .Then(new MeetingAnnounced("Putin-Xi talks", MeetingKind.Bilateral, participants, Samarkand, ScoDates, Sco));

        Assert.Equal(AttendanceLevel.Expected, meeting.StandingOf(Putin).Level);
        Assert.Null(meeting.StandingOf(Putin).Mode);
        Assert.Equal(AttendanceLevel.Possible, meeting.StandingOf(Xi).Level);
        Assert.Equal(AttendanceMode.Virtual, meeting.StandingOf(Xi).Mode);
    }

    [Fact]
    public void A_meeting_may_be_announced_with_no_participants_dates_or_place()
    {
        var command = new AnnounceMeeting(Eef, "7th Eastern Economic Forum", MeetingKind.Forum, [], null, null, null);

        var meeting = Given().When(command)
            .Then(new MeetingAnnounced("7th Eastern Economic Forum", MeetingKind.Forum, [], null, null, null));

        Assert.True(meeting.Exists);
        Assert.Empty(meeting.Participants);
    }

    [Fact]
    public void A_participant_named_twice_in_one_announcement_is_one_participant_at_the_first_level_given()
    {
        var command = new AnnounceMeeting(
            PutinXi, "Putin-Xi talks", MeetingKind.Bilateral, [new(Putin), new(Name("VLADIMIR PUTIN"), AttendanceLevel.Possible)], Samarkand, null, Sco);

        var meeting = Given().When(command).Then(
            new MeetingAnnounced("Putin-Xi talks", MeetingKind.Bilateral, command.Participants, Samarkand, null, Sco));

        var putin = Assert.Single(meeting.Participants);
        Assert.Equal("Vladimir Putin", putin.Name.Value);
        Assert.Equal(AttendanceLevel.Planned, putin.Level);
    }

    [Fact]
    public void Announcing_the_same_summit_again_identically_changes_nothing() =>
        Given(G20Announced).When(AnnounceG20).ThenNothingHappens();

    [Fact]
    public void Announcing_the_same_talks_again_identically_changes_nothing() =>
        Given(PutinXiAnnounced).When(AnnouncePutinXi).ThenNothingHappens();

    [Fact]
    public void Announcing_the_same_talks_again_with_names_in_another_case_is_still_identical() =>
        Given(PutinXiAnnounced)
            .When(AnnouncePutinXi with { Participants = [new(Name("vladimir putin")), new(Name("XI JINPING"))] })
            .ThenNothingHappens();

    [Fact]
    public void Replaying_the_original_announcement_after_the_summit_was_rescheduled_changes_nothing() =>
        Given(G20Announced, new MeetingRescheduled(Edtf("2022-11-16/2022-11-17")))
            .When(AnnounceG20)
            .ThenNothingHappens();

    public static TheoryData<string> DifferentG20Announcements => TestCases.Named("dates", "place", "title", "organization", "hosts");

    [Theory]
    [MemberData(nameof(DifferentG20Announcements))]
    public void Announcing_an_existing_summit_again_with_different_details_is_rejected(string difference)
    {
        var command = difference switch
        {
            "dates" => AnnounceG20 with { Dates = Edtf("2022-11-15") },
            "place" => AnnounceG20 with { Location = Jakarta },
            "title" => AnnounceG20 with { Title = "G20 Bali summit" },
            "organization" => AnnounceG20 with { Organization = "Group of Twenty" },
            _ => AnnounceG20 with { Hosts = ["Indonesia", "India"] },
        };

        var violation = Given(G20Announced).When(command).ThenRejected(MeetingRules.AlreadyAnnounced);

        Assert.Contains("g20-2022", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Announcing_talks_again_with_different_participants_is_rejected() =>
        Given(PutinXiAnnounced)
            .When(AnnouncePutinXi with { Participants = [new(Putin)] })
            .ThenRejected(MeetingRules.AlreadyAnnounced);

    [Fact]
    public void Announcing_a_summit_id_again_as_another_kind_of_meeting_is_rejected() =>
        Given(G20Announced)
            .When(new AnnounceMeeting(G20, "G20 summit", MeetingKind.Summit, [], Bali, G20Dates, null))
            .ThenRejected(MeetingRules.AlreadyAnnounced);

    [Fact]
    public void A_meeting_cannot_be_on_its_own_sidelines()
    {
        var violation = Given().When(AnnouncePutinXi with { SidelinesOf = PutinXi }).ThenRejected(MeetingRules.SidelinesOfItself);

        Assert.Contains("putin-xi-2022", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_meeting_cannot_be_re_announced_onto_its_own_sidelines_either() =>
        Given(PutinXiAnnounced).When(AnnouncePutinXi with { SidelinesOf = PutinXi }).ThenRejected(MeetingRules.SidelinesOfItself);
}
