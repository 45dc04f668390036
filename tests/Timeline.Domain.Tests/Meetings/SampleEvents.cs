using Timeline.Domain.Meetings;
using static Timeline.Domain.Meetings.MeetingEvent;
using static Timeline.Domain.Tests.Meetings.Seed;

namespace Timeline.Domain.Tests.Meetings;

/// <summary>Realistic events of every kind, including some a decider would not emit today (Evolve must take them all).</summary>
internal static class SampleEvents
{
    /// <summary>Every event but the two announcements, keyed by a readable name.</summary>
    public static IReadOnlyDictionary<string, MeetingEvent> AfterAnnouncement { get; } = new Dictionary<string, MeetingEvent>
    {
        ["Putin invited by Widodo"] = new ParticipantInvited(Putin, Widodo),
        ["Lavrov invited, no host named"] = new ParticipantInvited(Lavrov, null),
        ["Putin expected"] = PutinExpected,
        ["Xi possible, by video"] = new AttendanceAnnounced(Xi, AttendanceLevel.Possible, AttendanceMode.Virtual),
        ["Putin planned"] = new AttendanceAnnounced(Putin, AttendanceLevel.Planned, AttendanceMode.InPerson),
        ["Putin 'attended' as an announcement (legacy)"] = new AttendanceAnnounced(Putin, AttendanceLevel.Attended, null),
        ["vladimir putin confirmed"] = new AttendanceConfirmed(Name("vladimir putin"), null),
        ["Xi confirmed in person"] = new AttendanceConfirmed(Xi, AttendanceMode.InPerson),
        ["Putin declined, sends Lavrov"] = new AttendanceDeclined(Putin, Lavrov, "the president's schedule does not allow it"),
        ["Xi declined"] = new AttendanceDeclined(Xi, null, null),
        ["postponed, dates to be decided"] = new MeetingPostponed(null, "the host asked for more time"),
        ["postponed to 2023"] = new MeetingPostponed(Edtf("2023"), null),
        ["rescheduled to 16-17 Nov"] = new MeetingRescheduled(Edtf("2022-11-16/2022-11-17")),
        ["relocated to Jakarta"] = new MeetingRelocated(Jakarta),
        ["cancelled"] = new MeetingCancelled("called off by the host"),
        ["held, no attendees named"] = new MeetingHeld(null, []),
        ["held, Putin represented by Lavrov, Xi by video"] = new MeetingHeld(
            G20Dates, [new Attendee(Putin, AttendanceMode.InPerson, Lavrov), new Attendee(Xi, AttendanceMode.Virtual)]),
        ["held, Putin named twice"] = new MeetingHeld(null, [new Attendee(Putin, AttendanceMode.InPerson), new Attendee(Name("VLADIMIR PUTIN"))]),
        ["report retracted"] = new ReportRetracted("cmd-2022-09-08-ushakov-g20", "the quote was about APEC"),
    };

    /// <summary>Announcements, including a second one folded late (a backdated import) and one naming Putin twice.</summary>
    public static IReadOnlyList<MeetingEvent> Announcements { get; } =
    [
        G20Announced,
        CstoAnnounced,
        PutinXiAnnounced,
        BusinessForumAnnounced,
        new MeetingAnnounced("Putin-Xi talks", MeetingKind.Bilateral, [new(Putin), new(Name("vladimir putin"), AttendanceLevel.Possible)], null, null, null),
    ];

    public static IReadOnlyList<MeetingEvent> All { get; } = [.. Announcements, .. AfterAnnouncement.Values];
}
