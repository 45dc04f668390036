using Timeline.Core.Conflicts;
using Timeline.Core.Knowledge;
using Timeline.Core.Storage;
using Timeline.Core.Tests.Support;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;
using static Timeline.Core.Tests.Support.Seed;

namespace Timeline.Core.Tests.Conflicts;

/// <summary>
/// docs/contract.md#when-sources-disagree: reports from different sources that disagree about one fact within a number of
/// days are flagged; a plan that changes, sources that agree and retracted or unattributed reports are not.
/// </summary>
public sealed class ConflictsTests
{
    private static readonly Source Tass = new(Outlet: "TASS", Speaker: "Dmitry Peskov, Kremlin spokesman", Quote: "the president will be in Bali in person");
    private static readonly Source Reuters = new(Outlet: "Reuters", Speaker: "an Indonesian official", Quote: "Putin will join by video");
    private static readonly Source Kremlin = new(Outlet: "Kremlin.ru", Speaker: "Dmitry Peskov");
    private static readonly Source Kommersant = new(Outlet: "Kommersant");

    private readonly LogBuilder _log = new();

    public ConflictsTests()
    {
        _log.Append("g20-2022", G20Announced, "2022-09-08", "briefing-g20", source: Ushakov);
    }

    private ConflictsDocument Conflicts(int within = GetConflicts.DefaultWithin, string? asOf = null, string? recordedAsOf = null, string? meeting = null) =>
        GetConflictsHandler.Build(_log.Events, new GetConflicts(within, meeting, asOf, recordedAsOf));

    [Fact]
    public void TASS_says_in_person_and_Reuters_two_days_later_says_virtually_a_disagreement_about_the_mode()
    {
        _log.Append("g20-2022", Planned(Putin, AttendanceMode.InPerson), "2022-11-01", "tass", source: Tass);
        _log.Append("g20-2022", Confirmed(Putin, AttendanceMode.Virtual), "2022-11-03", "reuters", source: Reuters);

        var conflict = Assert.Single(Conflicts().Conflicts);

        Assert.Equal("g20-2022", conflict.MeetingId);
        Assert.Equal("G20 summit", conflict.Title);
        Assert.Equal(MeetingField.Mode, conflict.Fact);
        Assert.Equal("Vladimir Putin", conflict.Participant);
        Assert.Equal(AttendanceMode.InPerson, conflict.First.Claim);
        Assert.Equal(Tass, conflict.First.Source);
        Assert.Equal("2022-11-01", conflict.First.ReportedAt);
        Assert.Equal(AttendanceMode.Virtual, conflict.Second.Claim);
        Assert.Equal(Reuters, conflict.Second.Source);
        Assert.Equal("AttendanceConfirmed", conflict.Second.Event);
        Assert.Equal(2, conflict.DaysApart);
    }

    [Fact]
    public void The_Kremlin_saying_planned_then_declined_is_a_change_not_a_conflict_whatever_its_speaker_title_or_outlet()
    {
        _log.Append("g20-2022", Planned(Putin), "2022-11-01", "planned", source: Tass);
        _log.Append("g20-2022", Declined(Putin, Lavrov), "2022-11-03", "declined", source: Kremlin);

        Assert.Empty(Conflicts().Conflicts);
    }

    [Fact]
    public void A_source_saying_will_attend_and_another_saying_declined_within_a_week_disagree()
    {
        _log.Append("g20-2022", Expected(Putin), "2022-11-01", "expected", source: Tass);
        _log.Append("g20-2022", Declined(Putin), "2022-11-08", "declined", source: Reuters);

        var conflict = Assert.Single(Conflicts().Conflicts);

        Assert.Equal(MeetingField.Attendance, conflict.Fact);
        Assert.Equal(AttendanceLevel.Expected, conflict.First.Claim);
        Assert.Equal(AttendanceLevel.Declined, conflict.Second.Claim);
        Assert.Equal(7, conflict.DaysApart);
        Assert.Empty(Conflicts(within: 6).Conflicts);
    }

    [Fact]
    public void Reports_further_apart_than_the_window_are_taken_for_a_plan_that_changed()
    {
        _log.Append("g20-2022", Expected(Putin), "2022-11-01", "expected", source: Tass);
        _log.Append("g20-2022", Declined(Putin), "2022-11-09", "declined", source: Reuters);

        Assert.Empty(Conflicts().Conflicts);
        Assert.Equal(8, Assert.Single(Conflicts(within: 8).Conflicts).DaysApart);
    }

    /// <summary>Levels of intent differ in certainty, and attended is what they foretold; a decline contradicts both.</summary>
    [Theory]
    [InlineData(AttendanceLevel.Possible, AttendanceLevel.Confirmed, false)]
    [InlineData(AttendanceLevel.Expected, AttendanceLevel.Planned, false)]
    [InlineData(AttendanceLevel.Planned, AttendanceLevel.Attended, false)]
    [InlineData(AttendanceLevel.Confirmed, AttendanceLevel.Attended, false)]
    [InlineData(AttendanceLevel.Possible, AttendanceLevel.Declined, true)]
    [InlineData(AttendanceLevel.Confirmed, AttendanceLevel.Declined, true)]
    [InlineData(AttendanceLevel.Declined, AttendanceLevel.Planned, true)]
    [InlineData(AttendanceLevel.Declined, AttendanceLevel.Attended, true)]
    public void Attendance_claims_disagree_only_on_whether_the_person_goes(AttendanceLevel first, AttendanceLevel second, bool disagree)
    {
        _log.Append("g20-2022", Statement(first), "2022-11-01", "first", source: Tass);
        _log.Append("g20-2022", Statement(second), "2022-11-02", "second", source: Reuters);

        var conflicts = Conflicts().Conflicts;

        Assert.Equal(disagree ? [(first, second)] : [], conflicts.Select(c => ((AttendanceLevel)c.First.Claim, (AttendanceLevel)c.Second.Claim)));
    }

    [Fact]
    public void Once_the_first_source_comes_round_to_the_second_the_disagreement_is_closed()
    {
        _log.Append("g20-2022", Planned(Putin), "2022-11-01", "planned", source: Tass);
        _log.Append("g20-2022", Declined(Putin), "2022-11-02", "reuters-declined", source: Reuters);

        Assert.Single(Conflicts(asOf: "2022-11-02").Conflicts);
        _log.Append("g20-2022", Declined(Putin, Lavrov), "2022-11-03", "kremlin-declined", source: Kremlin);
        Assert.Empty(Conflicts().Conflicts);
    }

    [Fact]
    public void A_retracted_report_never_takes_part_but_answers_recorded_before_the_retraction_still_see_it()
    {
        _log.Append("g20-2022", Planned(Putin, AttendanceMode.InPerson), "2022-11-01", "tass", source: Tass);
        _log.Append("g20-2022", Confirmed(Putin, AttendanceMode.Virtual), "2022-11-03", "reuters", source: Reuters);
        var retraction = _log.Retract("g20-2022", "reuters", "2022-11-04", "correction");

        Assert.Empty(Conflicts().Conflicts);
        Assert.Single(Conflicts(recordedAsOf: retraction.RecordedAt.Instant.AddMinutes(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture)).Conflicts);
    }

    [Fact]
    public void Reports_without_a_speaker_or_an_outlet_take_no_part()
    {
        _log.Append("g20-2022", Planned(Putin, AttendanceMode.InPerson), "2022-11-01", "tass", source: Tass);
        _log.Append("g20-2022", Confirmed(Putin, AttendanceMode.Virtual), "2022-11-03", "nobody", source: new Source(Url: "https://example.org/rumour"));

        Assert.Empty(Conflicts().Conflicts);
    }

    [Fact]
    public void Without_a_speaker_the_outlet_is_the_source_so_two_reports_of_one_outlet_are_a_change()
    {
        _log.Append("g20-2022", Planned(Putin, AttendanceMode.InPerson), "2022-11-01", "first", source: Kommersant);
        _log.Append("g20-2022", Confirmed(Putin, AttendanceMode.Virtual), "2022-11-03", "second", source: Kommersant with { Quote = "by video after all" });

        Assert.Empty(Conflicts().Conflicts);
    }

    [Fact]
    public void Dates_disagree_unless_one_span_holds_the_other()
    {
        _log.Append("csto-2022", CstoAnnounced, "2022-11-01", "csto", source: Ushakov);
        _log.Append("csto-2022", new MeetingEvent.MeetingRescheduled(Edtf("2022-11-23")), "2022-11-03", "within-the-month", source: Reuters);
        _log.Append("g20-2022", new MeetingEvent.MeetingRescheduled(Edtf("2022-11-20/2022-11-21")), "2022-09-10", "moved", source: Reuters);

        var conflict = Assert.Single(Conflicts().Conflicts);

        Assert.Equal(("g20-2022", MeetingField.Dates, (string?)null), (conflict.MeetingId, conflict.Fact, conflict.Participant));
        Assert.Equal(Edtf("2022-11-15/2022-11-16"), conflict.First.Claim);
        Assert.Equal(Edtf("2022-11-20/2022-11-21"), conflict.Second.Claim);
    }

    [Fact]
    public void Places_disagree_in_another_country_or_another_city_but_not_when_one_gives_no_city()
    {
        _log.Append("g20-2022", new MeetingEvent.MeetingRelocated(new Location(null, "indonesia")), "2022-09-09", "vaguer", source: Reuters);
        Assert.Empty(Conflicts().Conflicts);

        _log.Append("g20-2022", new MeetingEvent.MeetingRelocated(new Location("Jakarta", "Indonesia")), "2022-09-10", "jakarta", source: Kommersant);
        var conflict = Assert.Single(Conflicts().Conflicts);
        Assert.Equal(MeetingField.Location, conflict.Fact);
        Assert.Equal(Bali, conflict.First.Claim);
        Assert.Equal(new Location("Jakarta", "Indonesia"), conflict.Second.Claim);
    }

    [Fact]
    public void Each_two_sources_are_flagged_once_per_fact_by_their_closest_reports()
    {
        _log.Append("g20-2022", Expected(Putin), "2022-11-01", "tass-1", source: Tass);
        _log.Append("g20-2022", Declined(Putin), "2022-11-03", "reuters", source: Reuters);
        _log.Append("g20-2022", Expected(Putin), "2022-11-04", "tass-2", source: Tass);

        var conflict = Assert.Single(Conflicts().Conflicts);

        Assert.Equal(("2022-11-03", "2022-11-04", 1), (conflict.First.ReportedAt, conflict.Second.ReportedAt, conflict.DaysApart));
    }

    [Fact]
    public void The_meeting_filter_and_the_as_of_bound_narrow_the_reports()
    {
        _log.Append("g20-2022", Planned(Putin, AttendanceMode.InPerson), "2022-11-01", "tass", source: Tass);
        _log.Append("g20-2022", Confirmed(Putin, AttendanceMode.Virtual), "2022-11-03", "reuters", source: Reuters);

        Assert.Empty(Conflicts(asOf: "2022-11-02").Conflicts);
        Assert.Empty(Conflicts(meeting: "apec-2022").Conflicts);
        Assert.Single(Conflicts(meeting: "g20-2022").Conflicts);
        Assert.Equal(GetConflicts.DefaultWithin, Conflicts().Within);
    }

    [Fact]
    public void The_seed_reports_hold_no_disagreement()
    {
        Assert.Empty(GetConflictsHandler.Build(SeedLog.InListedOrder(), new GetConflicts()).Conflicts);
    }

    private static MeetingEvent Statement(AttendanceLevel level) => level switch
    {
        AttendanceLevel.Confirmed => Confirmed(Putin),
        AttendanceLevel.Declined => Declined(Putin),
        AttendanceLevel.Attended => Held(Putin),
        _ => new MeetingEvent.AttendanceAnnounced(Putin, level, null),
    };

    /// <summary>Dates compare by their spans, whatever their precision.</summary>
    [Theory]
    [InlineData("2022-11", "2022-11-15/2022-11-16", false)]
    [InlineData("2022-11-15/2022-11-16", "2022-11-16", false)]
    [InlineData("2022-11-15/2022-11-16", "2022-11-16/2022-11-17", true)]
    [InlineData("2022-11~", "2022-12-01", true)]
    public void Two_dates_disagree_when_neither_span_holds_the_other(string first, string second, bool disagree) =>
        Assert.Equal(disagree, Disagreement.Disagree(MeetingField.Dates, EdtfDate.Parse(first), EdtfDate.Parse(second)));
}
