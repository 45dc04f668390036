using Timeline.Core.Commands;
using Timeline.Core.Tests.Support;
using static Timeline.Core.Tests.Commands.Submitting;

namespace Timeline.Core.Tests.Commands;

/// <summary>
/// docs/contract.md#command-ids: commandId is the idempotency key; the same command sent twice is applied once. A
/// command without one gets an id derived from its content, in the form docs/command-ids.md defines.
/// </summary>
public sealed class CommandIdsTests
{
    private const string Compact =
        """{"command":"DeclineAttendance","meetingId":"g20-2022","reportedAt":"2022-11-10","participant":"Vladimir Putin","representedBy":"Sergey Lavrov","source":{"speaker":"Dmitry Peskov","quote":"Lavrov will lead the delegation"}}""";

    private const string Reordered = """
        {
            "source": { "quote": "Lavrov will lead the delegation", "speaker": "Dmitry Peskov" },
            "representedBy": "Sergey Lavrov",
            "participant":   "Vladimir Putin",
            "reportedAt":    "2022-11-10",
            "meetingId":     "g20-2022",
            "command":       "DeclineAttendance"
        }
        """;

    [Fact]
    public void The_same_command_in_another_field_order_and_layout_gets_the_same_id()
    {
        var id = CommandIds.Of(Input(Compact));

        Assert.Equal(id, CommandIds.Of(Input(Reordered)));
        Assert.Matches("^sha256:[0-9a-f]{32}$", id);
    }

    // Derived ids are stored: if this value ever changes, re-importing a file after an upgrade would apply it twice.
    [Fact]
    public void A_derived_id_is_stable_across_runs_and_versions()
    {
        Assert.Equal("sha256:9b218c987672af5c8dae7c516ec3c2b7", CommandIds.Of(Input(Compact)));
    }

    /// <summary>
    /// Every kind of command, with every optional field set in one case and left out in another, and the id that
    /// the first release derived for it. These ids are in stores already: none may ever change.
    /// </summary>
    private static readonly Dictionary<string, (string Json, string Id)> Pinned = new(StringComparer.Ordinal)
    {
        ["AnnounceSummit with every field"] = (
            """
            {"command": "AnnounceSummit", "meetingId": "g20-2022", "reportedAt": "2022-09-08T10:30:00+03:00", "title": "G20 summit", "organization": "G20", "location": {"city": "Bali", "country": "Indonesia"}, "dates": "2022-11-15/2022-11-16", "hosts": ["Joko Widodo"], "source": {"outlet": "TASS", "url": "https://tass.com/politics/1504000", "publishedAt": "2022-09-08T10:30:00Z", "speaker": "Yury Ushakov", "quote": "We expect the president to take part, but we will confirm this later"}}
            """,
            "sha256:299ff684faed2c71ddcafa577ecb9a68"),
        ["AnnounceSummit without city, hosts or source"] = (
            """
            {"command": "AnnounceSummit", "meetingId": "csto-2022", "reportedAt": "2022-09-08", "title": "CSTO summit", "organization": "CSTO", "location": {"country": "Armenia"}, "dates": "2022-11"}
            """,
            "sha256:c7cfa5c56685efb2f45fa02adfb49363"),
        ["AnnounceMeeting with every field"] = (
            """
            {"command": "AnnounceMeeting", "meetingId": "putin-xi-2022", "reportedAt": "2022-09-08", "title": "Putin-Xi talks", "kind": "bilateral", "participants": ["Vladimir Putin", {"name": "Xi Jinping", "level": "expected", "mode": "in-person"}], "location": {"city": "Samarkand", "country": "Uzbekistan"}, "dates": "2022-09-15/2022-09-16", "sidelinesOf": "sco-2022", "source": {"speaker": "Yury Ushakov", "quote": "talks between our president and PRC President Xi Jinping that are planned"}}
            """,
            "sha256:caeea388a7c606b51cc5a8bc09452faa"),
        ["AnnounceMeeting with no participants"] = (
            """
            {"command": "AnnounceMeeting", "meetingId": "kazakhstan-2022-10", "reportedAt": "2022-09-08", "title": "Meetings in Kazakhstan", "kind": "visit", "participants": []}
            """,
            "sha256:53310899a4dd6042a152f10f353b2e1d"),
        ["InviteParticipant"] = (
            """
            {"command": "InviteParticipant", "meetingId": "g20-2022", "reportedAt": "2022-07-01", "participant": "Vladimir Putin", "invitedBy": "Joko Widodo", "source": {"outlet": "Reuters"}}
            """,
            "sha256:7b3731ac2cae841b7c80028651120cf6"),
        ["AnnounceAttendance"] = (
            """
            {"command": "AnnounceAttendance", "meetingId": "asean-2022", "reportedAt": "2022-09-08", "participant": "Vladimir Putin", "level": "possible", "mode": "virtual", "source": {"speaker": "Yury Ushakov", "quote": "may address"}}
            """,
            "sha256:ae5c3e191922a2ea687c02563e057042"),
        ["ConfirmAttendance with a mode"] = (
            """
            {"command": "ConfirmAttendance", "meetingId": "sco-2022", "reportedAt": "2022-09-13", "participant": "Vladimir Putin", "mode": "in-person"}
            """,
            "sha256:3c09e9a63c3585bd9a841c7a46b03f99"),
        ["ConfirmAttendance without a mode"] = (
            """
            {"command": "ConfirmAttendance", "meetingId": "sco-2022", "reportedAt": "2022-09-13", "participant": "Xi Jinping"}
            """,
            "sha256:ceb8b2fc24a7600225a2a63f59194698"),
        ["DeclineAttendance with every field"] = (
            """
            {"command": "DeclineAttendance", "meetingId": "g20-2022", "reportedAt": "2022-11-10T09:00:00Z", "participant": "Vladimir Putin", "representedBy": "Sergey Lavrov", "reason": "the president's schedule", "source": {"outlet": "Interfax", "speaker": "Dmitry Peskov", "quote": "Лавров возглавит делегацию"}}
            """,
            "sha256:01f586d1962e1de7559d8e21ccbb5f7a"),
        ["PostponeMeeting with dates and reason"] = (
            """
            {"command": "PostponeMeeting", "meetingId": "csto-2022", "reportedAt": "2022-10-20", "dates": "2022-11-23", "reason": "the host asked for a later date"}
            """,
            "sha256:4693b5c7cf54e4bf5c16e7b140dacad8"),
        ["PostponeMeeting to dates to be decided"] = (
            """
            {"command": "PostponeMeeting", "meetingId": "eaeu-2022", "reportedAt": "2022-10-20"}
            """,
            "sha256:aa003f5ee9ddd756a980a04af13d9693"),
        ["RescheduleMeeting"] = (
            """
            {"command": "RescheduleMeeting", "meetingId": "eaeu-2022", "reportedAt": "2022-11-01", "dates": "2022-12-09", "source": {"url": "http://kremlin.ru/events/president/news/69000"}}
            """,
            "sha256:88e9e0e02a4dd032da78cbdb98cdc90d"),
        ["RelocateMeeting"] = (
            """
            {"command": "RelocateMeeting", "meetingId": "apec-2022", "reportedAt": "2022-10-01", "location": {"city": "Bangkok", "country": "Thailand"}}
            """,
            "sha256:534911c9753dd272ebb2a246f9975771"),
        ["CancelMeeting with text that JSON escapes"] = (
            """
            {"command": "CancelMeeting", "meetingId": "kazakhstan-2022-10", "reportedAt": "2022-10-15", "reason": "Peskov: \"no longer planned\"\n(see <the briefing> & notes) 😐"}
            """,
            "sha256:10a642982ea4bc4f0eb86ac508580c31"),
        ["RecordMeetingHeld with every field"] = (
            """
            {"command": "RecordMeetingHeld", "meetingId": "g20-2022", "reportedAt": "2022-11-16", "dates": "2022-11-15/2022-11-16", "attendees": ["Xi Jinping", {"participant": "Sergey Lavrov", "mode": "in-person"}, {"participant": "Vladimir Putin", "mode": "virtual", "representedBy": "Sergey Lavrov"}], "source": {"outlet": "Reuters", "publishedAt": "2022-11-16"}}
            """,
            "sha256:2174027236af9678b78e2dc967997e35"),
        ["RecordMeetingHeld with nothing but the meeting"] = (
            """
            {"command": "RecordMeetingHeld", "meetingId": "eef-2022", "reportedAt": "2022-09-08"}
            """,
            "sha256:af9fbba8c171d5f998b6a50a503036c9"),
        ["RetractReport"] = (
            """
            {"command": "RetractReport", "meetingId": "g20-2022", "reportedAt": "2022-11-12", "retracts": "sha256:9b218c987672af5c8dae7c516ec3c2b7", "reason": "entry error: the wrong meeting"}
            """,
            "sha256:05230f07b4245b2131f8d012cc80f3ce"),
    };

    public static TheoryData<string> PinnedCases => TestCases.Named([.. Pinned.Keys]);

    /// <summary>Every pinned command, as JSON.</summary>
    public static IEnumerable<string> PinnedJson => Pinned.Values.Select(p => p.Json);

    /// <summary>The pinned command of one case, as JSON.</summary>
    public static string Json(string name) => Pinned[name].Json;

    [Theory]
    [MemberData(nameof(PinnedCases))]
    public void A_derived_id_never_changes(string name)
    {
        var (json, id) = Pinned[name];

        Assert.Equal(id, CommandIds.Of(Input(json)));
    }

    [Fact]
    public void Every_kind_of_command_has_a_pinned_id()
    {
        var pinned = Pinned.Values.Select(p => Input(p.Json).Command).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(CommandCatalog.Names.Order(StringComparer.Ordinal), pinned);
    }

    [Fact]
    public void Layout_and_field_order_do_not_change_an_id_at_any_depth()
    {
        const string Reformatted = """
            {
              "source": {
                "quote":   "talks between our president and PRC President Xi Jinping that are planned",
                "speaker": "Yury Ushakov"
              },
              "sidelinesOf": "sco-2022",
              "dates":       "2022-09-15/2022-09-16",
              "location":    { "country": "Uzbekistan", "city": "Samarkand" },
              "participants": [
                "Vladimir Putin",
                { "mode": "in-person", "level": "expected", "name": "Xi Jinping" }
              ],
              "kind":       "bilateral",
              "title":      "Putin-Xi talks",
              "reportedAt": "2022-09-08",
              "meetingId":  "putin-xi-2022",
              "command":    "AnnounceMeeting"
            }
            """;

        Assert.Equal(Pinned["AnnounceMeeting with every field"].Id, CommandIds.Of(Input(Reformatted)));
    }

    [Fact]
    public void A_name_given_as_text_or_as_an_object_gives_the_same_id()
    {
        var (meeting, meetingId) = Pinned["AnnounceMeeting with every field"];
        var (held, heldId) = Pinned["RecordMeetingHeld with every field"];

        Assert.Equal(meetingId, CommandIds.Of(Input(meeting.Replace("\"Vladimir Putin\"", "{\"name\": \"Vladimir Putin\"}", StringComparison.Ordinal))));
        Assert.Equal(heldId, CommandIds.Of(Input(held.Replace("\"Xi Jinping\"", "{\"participant\": \"Xi Jinping\"}", StringComparison.Ordinal))));
    }

    [Theory]
    [InlineData("ConfirmAttendance without a mode", "mode")]
    [InlineData("ConfirmAttendance without a mode", "source")]
    [InlineData("PostponeMeeting to dates to be decided", "dates")]
    [InlineData("PostponeMeeting to dates to be decided", "reason")]
    [InlineData("RecordMeetingHeld with nothing but the meeting", "attendees")]
    public void A_field_given_as_null_gives_the_id_of_the_field_left_out(string name, string field)
    {
        var (json, id) = Pinned[name];

        Assert.Equal(id, CommandIds.Of(Input(With(json, field, "null"))));
    }

    [Fact]
    public void The_command_id_and_expected_version_are_not_part_of_the_canonical_content()
    {
        var (json, id) = Pinned["DeclineAttendance with every field"];
        var identified = Input(With(With(json, "commandId", "\"interfax-2022-11-10\""), "expectedVersion", "4"));

        Assert.Equal("interfax-2022-11-10", CommandIds.Of(identified));
        Assert.Equal(id, CommandIds.Of(identified with { CommandId = null }));
    }

    [Fact]
    public void A_derived_id_is_itself_a_valid_command_id()
    {
        var id = CommandIds.Of(Input(Compact));

        Input(With(Compact, "commandId", $"\"{id}\""));
        Assert.Matches("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$", id);
    }

    [Theory]
    [InlineData("reportedAt", "\"2022-11-11\"")]
    [InlineData("participant", "\"Xi Jinping\"")]
    [InlineData("representedBy", "\"Sergey Shoigu\"")]
    [InlineData("meetingId", "\"apec-2022\"")]
    [InlineData("reason", "\"busy schedule\"")]
    [InlineData("source", """{"speaker": "Dmitry Peskov", "quote": "Lavrov will lead the Russian delegation"}""")]
    [InlineData("source", "null")]
    public void Different_content_gets_a_different_id(string field, string value)
    {
        Assert.NotEqual(CommandIds.Of(Input(Compact)), CommandIds.Of(Input(With(Compact, field, value))));
    }

    [Fact]
    public void The_same_fields_under_another_command_get_a_different_id()
    {
        var confirm = """{"command": "ConfirmAttendance", "meetingId": "g20-2022", "reportedAt": "2022-11-10", "participant": "Vladimir Putin"}""";
        var invite = """{"command": "InviteParticipant", "meetingId": "g20-2022", "reportedAt": "2022-11-10", "participant": "Vladimir Putin"}""";

        Assert.NotEqual(CommandIds.Of(Input(confirm)), CommandIds.Of(Input(invite)));
    }

    [Fact]
    public void An_explicit_command_id_wins()
    {
        Assert.Equal("peskov-2022-11-10", CommandIds.Of(Input(With(Compact, "commandId", "\"peskov-2022-11-10\""))));
    }

    [Fact]
    public void The_expected_version_is_not_part_of_the_derived_id()
    {
        Assert.Equal(CommandIds.Of(Input(Compact)), CommandIds.Of(Input(With(Compact, "expectedVersion", "3"))));
    }
}
