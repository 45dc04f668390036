using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;
using static Timeline.Domain.Meetings.MeetingCommand;
using static Timeline.Domain.Meetings.MeetingEvent;

namespace Timeline.Domain.Tests.Meetings;

/// <summary>Meetings, people and places from the seed article (seeds/README.md), reported on 8 Sept 2022.</summary>
internal static class Seed
{
    public static readonly MeetingId G20 = MeetingId.Parse("g20-2022");
    public static readonly MeetingId Sco = MeetingId.Parse("sco-2022");
    public static readonly MeetingId PutinXi = MeetingId.Parse("putin-xi-2022");
    public static readonly MeetingId Csto = MeetingId.Parse("csto-2022");
    public static readonly MeetingId Eef = MeetingId.Parse("eef-2022");
    public static readonly MeetingId BusinessForum = MeetingId.Parse("russia-china-business-forum-2022");

    public static readonly ParticipantName Putin = ParticipantName.Parse("Vladimir Putin");
    public static readonly ParticipantName Xi = ParticipantName.Parse("Xi Jinping");
    public static readonly ParticipantName Lavrov = ParticipantName.Parse("Sergey Lavrov");
    public static readonly ParticipantName ZhangHanhui = ParticipantName.Parse("Zhang Hanhui");

    /// <summary>The G20 host, who invited Putin to Bali.</summary>
    public const string Widodo = "Joko Widodo";

    public static readonly Location Bali = new("Bali", "Indonesia");
    public static readonly Location Jakarta = new("Jakarta", "Indonesia");
    public static readonly Location Samarkand = new("Samarkand", "Uzbekistan");
    public static readonly Location Yerevan = new("Yerevan", "Armenia");
    public static readonly Location Vladivostok = new("Vladivostok", "Russia");

    public static readonly EdtfDate G20Dates = EdtfDate.Parse("2022-11-15/2022-11-16");
    public static readonly EdtfDate ScoDates = EdtfDate.Parse("2022-09-15/2022-09-16");

    public static readonly AnnounceSummit AnnounceG20 = new(G20, "G20 summit", "G20", Bali, G20Dates, ["Indonesia"]);
    public static readonly SummitAnnounced G20Announced = new("G20 summit", "G20", Bali, G20Dates, ["Indonesia"]);

    public static readonly AnnounceSummit AnnounceCsto = new(Csto, "CSTO summit", "CSTO", Yerevan, EdtfDate.Parse("2022-11"), ["Armenia"]);
    public static readonly SummitAnnounced CstoAnnounced = new("CSTO summit", "CSTO", Yerevan, EdtfDate.Parse("2022-11"), ["Armenia"]);

    public static readonly AnnounceMeeting AnnouncePutinXi = new(
        PutinXi, "Talks between Vladimir Putin and Xi Jinping", MeetingKind.Bilateral, [new(Putin), new(Xi)], Samarkand, null, Sco);
    public static readonly MeetingAnnounced PutinXiAnnounced = new(
        "Talks between Vladimir Putin and Xi Jinping", MeetingKind.Bilateral, [new(Putin), new(Xi)], Samarkand, null, Sco);

    public static readonly MeetingAnnounced BusinessForumAnnounced = new(
        "Russian-Chinese Cooperation in a New Age", MeetingKind.Forum, [], Vladivostok, EdtfDate.Parse("2022-09-07"), Eef);

    /// <summary>"We expect the president to take part, but we will confirm this later."</summary>
    public static readonly AttendanceAnnounced PutinExpected = new(Putin, AttendanceLevel.Expected, null);

    public static EdtfDate Edtf(string text) => EdtfDate.Parse(text);

    public static ParticipantName Name(string text) => ParticipantName.Parse(text);
}
