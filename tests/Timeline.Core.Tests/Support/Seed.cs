using Timeline.Core.Storage;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;
using static Timeline.Domain.Meetings.MeetingEvent;

namespace Timeline.Core.Tests.Support;

/// <summary>People, places and statements from the seed article (seeds/README.md) and the reports after it.</summary>
internal static class Seed
{
    public static readonly ParticipantName Putin = Name("Vladimir Putin");
    public static readonly ParticipantName Xi = Name("Xi Jinping");
    public static readonly ParticipantName Lavrov = Name("Sergey Lavrov");

    public static readonly Location Bali = new("Bali", "Indonesia");
    public static readonly Location Samarkand = new("Samarkand", "Uzbekistan");
    public static readonly Location Yerevan = new("Yerevan", "Armenia");
    public static readonly Location Bishkek = new("Bishkek", "Kyrgyzstan");
    public static readonly Location Cambodia = new(null, "Cambodia");

    public static readonly Source Ushakov = new(Outlet: "TASS", Speaker: "Yury Ushakov, Kremlin aide", Quote: "we expect the president to take part, but we will confirm this later");
    public static readonly Source Peskov = new(Speaker: "Dmitry Peskov, Kremlin spokesman");

    public static readonly SummitAnnounced G20Announced = new("G20 summit", "G20", Bali, Edtf("2022-11-15/2022-11-16"), ["Indonesia"]);
    public static readonly SummitAnnounced ScoAnnounced = new(
        "SCO Council of Heads of State", "Shanghai Cooperation Organisation", Samarkand, Edtf("2022-09-15/2022-09-16"), []);
    public static readonly SummitAnnounced AseanAnnounced = new(
        "ASEAN summit", "Association of Southeast Asian Nations", Cambodia, Edtf("2022-11-11/2022-11-13"), []);
    public static readonly SummitAnnounced CstoAnnounced = new("CSTO summit", "Collective Security Treaty Organization", Yerevan, Edtf("2022-11"), []);
    public static readonly SummitAnnounced EaeuAnnounced = new("EAEU summit", "Eurasian Economic Union", Bishkek, Edtf("2022-12"), []);
    public static readonly MeetingAnnounced PutinXiAnnounced = new(
        "Putin-Xi talks", MeetingKind.Bilateral, [new(Putin), new(Xi)], Samarkand, Edtf("2022-09-15/2022-09-16"), MeetingId.Parse("sco-2022"));

    public static AttendanceAnnounced Expected(ParticipantName who, AttendanceMode? mode = null) => new(who, AttendanceLevel.Expected, mode);

    public static AttendanceAnnounced Planned(ParticipantName who, AttendanceMode? mode = null) => new(who, AttendanceLevel.Planned, mode);

    public static AttendanceAnnounced Possible(ParticipantName who) => new(who, AttendanceLevel.Possible, null);

    public static AttendanceConfirmed Confirmed(ParticipantName who, AttendanceMode? mode = null) => new(who, mode);

    public static AttendanceDeclined Declined(ParticipantName who, ParticipantName? representedBy = null) => new(who, representedBy, null);

    public static MeetingHeld Held(params ParticipantName[] attendees) => new(null, [.. attendees.Select(a => new Attendee(a, AttendanceMode.InPerson))]);

    public static EdtfDate Edtf(string text) => EdtfDate.Parse(text);

    public static ParticipantName Name(string text) => ParticipantName.Parse(text);
}
