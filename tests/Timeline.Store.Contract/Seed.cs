using Timeline.Core.Storage;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;
using static Timeline.Domain.Meetings.MeetingEvent;

namespace Timeline.Store.Contract;

/// <summary>
/// Realistic values from the seed article (seeds/README.md): the Kremlin's statements of 8 Sept 2022 about Putin's autumn.
/// </summary>
public static class Seed
{
    public static readonly MeetingId G20 = MeetingId.Parse("g20-2022");
    public static readonly MeetingId Apec = MeetingId.Parse("apec-2022");
    public static readonly MeetingId Asean = MeetingId.Parse("asean-2022");
    public static readonly MeetingId Sco = MeetingId.Parse("sco-2022");
    public static readonly MeetingId PutinXi = MeetingId.Parse("putin-xi-2022");
    public static readonly MeetingId Eef = MeetingId.Parse("eef-2022");
    public static readonly MeetingId BusinessForum = MeetingId.Parse("russia-china-business-forum-2022");
    public static readonly MeetingId Csto = MeetingId.Parse("csto-2022");

    public static readonly ParticipantName Putin = ParticipantName.Parse("Vladimir Putin");
    public static readonly ParticipantName Xi = ParticipantName.Parse("Xi Jinping");
    public static readonly ParticipantName Lavrov = ParticipantName.Parse("Sergey Lavrov");
    public static readonly ParticipantName ZhangHanhui = ParticipantName.Parse("Zhang Hanhui");
    public static readonly ParticipantName Naryshkin = ParticipantName.Parse("Sergey Naryshkin");

    /// <summary>Kremlin aide Yury Ushakov, as reported by TASS.</summary>
    public static readonly Source Ushakov = new(
        Outlet: "TASS",
        Url: "https://tass.com/politics/1505279",
        PublishedAt: "2022-09-08",
        Speaker: "Yury Ushakov",
        Quote: "we expect the president to take part, but we will confirm this later");

    /// <summary>The same statement in Russian: every part non-ASCII.</summary>
    public static readonly Source UshakovInRussian = new(
        Outlet: "ТАСС",
        Url: "https://tass.ru/politika/15693599",
        PublishedAt: "2022-09-08T12:14:00+03:00",
        Speaker: "Юрий Ушаков",
        Quote: "Мы ожидаем, что президент примет участие, но подтвердим это позже");

    public static readonly Source Peskov = new(Outlet: "Kremlin.ru", Speaker: "Dmitry Peskov");

    /// <summary>Every part looks like SQL (or a LIKE pattern); a store must keep it as plain text.</summary>
    public static readonly Source InjectionLooking = new(
        Outlet: "'; DROP TABLE events; --",
        Url: "https://example.org/?q=' OR 1=1 --",
        PublishedAt: "2022-09-08\"); DELETE FROM commands; --",
        Speaker: "Robert'); DROP TABLE students;--",
        Quote: "100% _sure_ \\ \" ' ` $stream_id @p :p ? %s {0}");

    public static readonly SummitAnnounced G20Announced = new(
        "G20 Bali Summit", "G20", new Location("Bali", "Indonesia"), EdtfDate.Parse("2022-11-15/2022-11-16"), ["Indonesia"]);

    public static readonly SummitAnnounced ApecAnnounced = new(
        "APEC Economic Leaders' Meeting", "APEC", new Location(null, "Thailand"), EdtfDate.Parse("2022-11-18"), ["Thailand"]);

    public static readonly SummitAnnounced AseanAnnounced = new(
        "ASEAN Summit", "ASEAN", new Location("Phnom Penh", "Cambodia"), EdtfDate.Parse("2022-11-11/2022-11-13"), []);

    public static readonly AttendanceAnnounced PutinExpected = new(Putin, AttendanceLevel.Expected, null);

    public static readonly AttendanceAnnounced PutinPossible = new(Putin, AttendanceLevel.Possible, AttendanceMode.Virtual);

    public static readonly AttendanceConfirmed PutinConfirmed = new(Putin, AttendanceMode.InPerson);

    public static readonly AttendanceDeclined PutinDeclined = new(Putin, Lavrov, "the President's schedule does not allow it");

    /// <summary>One of each event type, every optional field set where the type has one.</summary>
    public static IReadOnlyList<MeetingEvent> OneOfEachEventType { get; } =
    [
        G20Announced,
        new MeetingAnnounced(
            "Putin–Xi talks",
            MeetingKind.Bilateral,
            [new NamedParticipant(Putin), new NamedParticipant(Xi, AttendanceLevel.Planned, AttendanceMode.InPerson)],
            new Location("Samarkand", "Uzbekistan"),
            EdtfDate.Parse("2022-09-15"),
            Sco),
        new ParticipantInvited(Putin, "Joko Widodo"),
        PutinExpected,
        PutinConfirmed,
        PutinDeclined,
        new MeetingPostponed(EdtfDate.Parse("2022-11?"), "the host asked for new dates"),
        new MeetingRescheduled(EdtfDate.Parse("2022-11-15/2022-11-16")),
        new MeetingRelocated(new Location("Nusa Dua", "Indonesia")),
        new MeetingCancelled("called off by the host"),
        new MeetingHeld(
            EdtfDate.Parse("2022-09-05/2022-09-08"),
            [new Attendee(Putin, AttendanceMode.InPerson), new Attendee(ZhangHanhui, AttendanceMode.Virtual), new Attendee(Xi, null, Lavrov)]),
        new ReportRetracted("cmd-g20-putin-expected", "entered against the wrong meeting"),
    ];

    /// <summary>Events whose optional fields are all left out.</summary>
    public static IReadOnlyList<MeetingEvent> WithOptionalFieldsLeftOut { get; } =
    [
        new MeetingAnnounced("A number of meetings in Kazakhstan", MeetingKind.Other, [], null, null, null),
        new ParticipantInvited(Naryshkin, null),
        new AttendanceAnnounced(Putin, AttendanceLevel.Planned, null),
        new AttendanceConfirmed(Putin, null),
        new AttendanceDeclined(Putin, null, null),
        new MeetingPostponed(null, null),
        new MeetingRescheduled(EdtfDate.Parse("2022-11~")),
        new MeetingRelocated(new Location(null, "Armenia")),
        new MeetingCancelled(null),
        new MeetingHeld(null, []),
    ];
}
