using System.Text.Json;
using Timeline.Cli.Tests.Harness;
using static Timeline.Cli.Tests.Harness.Json;

namespace Timeline.Cli.Tests.EndToEnd;

/// <summary>
/// "As of 10 Sept 2022, what did the Kremlin say Putin would attend this autumn?" The seed article imported, then
/// <c>schedule --as-of 2022-09-10 --format json</c>, checked against the table in seeds/README.md.
/// </summary>
public sealed class ScheduleAsKnownOnTheArticleDayTests(ArticleStore store) : IClassFixture<ArticleStore>
{
    private JsonElement Schedule => store.Schedule;

    /// <summary>id, kind, status, dates, city, country, sidelinesOf, as seeds/README.md gives them.</summary>
    public static TheoryData<string, string, string, string, string?, string, string?> SeedMeetings => new()
    {
        { "eef-2022", "forum", "held", "2022-09-05/2022-09-08", "Vladivostok", "Russia", null },
        { "russia-china-business-forum-2022", "forum", "held", "2022-09-07", "Vladivostok", "Russia", "eef-2022" },
        { "russia-china-history-roundtable-2022", "other", "held", "2022-09-08", null, "Russia", null },
        { "sco-2022", "summit", "scheduled", "2022-09-15/2022-09-16", "Samarkand", "Uzbekistan", null },
        { "putin-xi-2022", "bilateral", "scheduled", "2022-09-15/2022-09-16", "Samarkand", "Uzbekistan", "sco-2022" },
        { "russia-china-mongolia-2022", "trilateral", "scheduled", "2022-09-15/2022-09-16", "Samarkand", "Uzbekistan", "sco-2022" },
        { "g20-2022", "summit", "scheduled", "2022-11-15/2022-11-16", "Bali", "Indonesia", null },
        { "apec-2022", "summit", "scheduled", "2022-11-18", null, "Thailand", null },
        { "asean-2022", "summit", "scheduled", "2022-11-11/2022-11-13", null, "Cambodia", null },
        { "csto-2022", "summit", "scheduled", "2022-11", "Yerevan", "Armenia", null },
        { "eaeu-2022", "summit", "scheduled", "2022-12", "Bishkek", "Kyrgyzstan", null },
        { "kazakhstan-2022-10", "visit", "scheduled", "2022-10", null, "Kazakhstan", null },
    };

    /// <summary>meeting id, participant, attendance, mode: who the article names, at the level it gives.</summary>
    public static TheoryData<string, string, string, string?> SeedAttendance => new()
    {
        { "russia-china-business-forum-2022", "Zhang Hanhui", "attended", "virtual" },
        { "russia-china-history-roundtable-2022", "Sergey Naryshkin", "attended", null },
        { "sco-2022", "Vladimir Putin", "planned", "in-person" },
        { "sco-2022", "Xi Jinping", "planned", null },
        { "putin-xi-2022", "Vladimir Putin", "planned", null },
        { "putin-xi-2022", "Xi Jinping", "planned", null },
        { "russia-china-mongolia-2022", "Vladimir Putin", "planned", null },
        { "russia-china-mongolia-2022", "Xi Jinping", "planned", null },
        { "g20-2022", "Vladimir Putin", "expected", null },
        { "apec-2022", "Vladimir Putin", "expected", null },
        { "asean-2022", "Vladimir Putin", "possible", null },
        { "csto-2022", "Vladimir Putin", "planned", null },
        { "eaeu-2022", "Vladimir Putin", "planned", null },
        { "kazakhstan-2022-10", "Vladimir Putin", "planned", null },
    };

    [Fact]
    public void The_article_is_imported_in_full()
    {
        var report = store.Import.Json();
        Assert.Equal(Seeds.ArticleCommands, report.GetProperty("commands").GetInt32());
        Assert.Equal(Seeds.ArticleCommands, report.GetProperty("applied").GetInt32());
        Assert.Equal(0, report.GetProperty("duplicates").GetInt32());
    }

    [Fact]
    public void The_schedule_holds_exactly_the_twelve_meetings_of_the_article()
    {
        var ids = Schedule.Items("meetings").Select(m => m.Text("id")).ToList();
        Assert.Equal(Seeds.MeetingIds.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.Equal("2022-09-10", Schedule.Text("asOf"));
        Assert.Equal(JsonValueKind.Null, Schedule.GetProperty("recordedAsOf").ValueKind);
    }

    [Fact]
    public void Every_meeting_and_participant_carries_the_contract_fields()
    {
        string[] meetingFields = ["id", "title", "kind", "organization", "status", "dates", "location", "sidelinesOf", "participants"];
        string[] participantFields = ["name", "attendance", "mode", "representedBy", "announcedAt", "confirmedAt"];
        foreach (var meeting in Schedule.Items("meetings"))
        {
            Assert.All(meetingFields, field => Assert.True(meeting.TryGetProperty(field, out _), $"meeting without {field}: {meeting}"));
            Assert.True(meeting.GetProperty("location").TryGetProperty("city", out _));
            Assert.True(meeting.GetProperty("location").TryGetProperty("country", out _));
            Assert.All(meeting.Items("participants"), p =>
                Assert.All(participantFields, field => Assert.True(p.TryGetProperty(field, out _), $"participant without {field}: {p}")));
        }
    }

    [Fact]
    public void Meetings_come_in_date_order_from_the_forum_that_ended_on_the_day_to_the_december_summit()
    {
        var ids = Schedule.Items("meetings").Select(m => m.Text("id")).ToList();
        Assert.Equal("eef-2022", ids[0]);
        Assert.Equal("eaeu-2022", ids[^1]);
        Assert.True(ids.IndexOf("kazakhstan-2022-10") < ids.IndexOf("asean-2022"));
        Assert.True(ids.IndexOf("g20-2022") < ids.IndexOf("apec-2022"));
    }

    [Theory]
    [MemberData(nameof(SeedMeetings))]
    public void Each_meeting_has_the_kind_status_dates_and_place_the_article_gives(
        string id, string kind, string status, string dates, string? city, string country, string? sidelinesOf)
    {
        var meeting = Meeting(Schedule, id);
        Assert.Equal(kind, meeting.Text("kind"));
        Assert.Equal(status, meeting.Text("status"));
        Assert.Equal(dates, meeting.Text("dates"));
        Assert.Equal(city, meeting.GetProperty("location").Text("city"));
        Assert.Equal(country, meeting.GetProperty("location").Text("country"));
        Assert.Equal(sidelinesOf, meeting.Text("sidelinesOf"));
    }

    [Theory]
    [MemberData(nameof(SeedAttendance))]
    public void Each_participant_stands_at_the_level_the_article_gives(string meetingId, string name, string attendance, string? mode)
    {
        var participant = Participant(Meeting(Schedule, meetingId), name);
        Assert.Equal(attendance, participant.Text("attendance"));
        Assert.Equal(mode, participant.Text("mode"));
        Assert.Equal("2022-09-08", participant.Text("announcedAt"));
        Assert.Null(participant.Text("confirmedAt"));
        Assert.Null(participant.Text("representedBy"));
    }

    [Fact]
    public void Summits_carry_their_organization()
    {
        Assert.Equal("Shanghai Cooperation Organisation", Meeting(Schedule, "sco-2022").Text("organization"));
        Assert.Equal("G20", Meeting(Schedule, "g20-2022").Text("organization"));
        Assert.Equal("Eurasian Economic Union", Meeting(Schedule, "eaeu-2022").Text("organization"));
    }

    [Fact]
    public void Nothing_was_confirmed_yet_on_the_article_day()
    {
        var participants = Schedule.Items("meetings").SelectMany(m => m.Items("participants")).ToList();
        Assert.NotEmpty(participants);
        Assert.All(participants, p => Assert.NotEqual("confirmed", p.Text("attendance")));
        Assert.All(participants, p => Assert.Null(p.Text("confirmedAt")));
    }

    [Fact]
    public async Task Asked_for_putin_in_any_case_the_schedule_shows_the_nine_meetings_naming_him()
    {
        var schedule = (await store.Workspace.OnStore("schedule", "--as-of", "2022-09-10", "--participant", "vladimir PUTIN", "--format", "json"))
            .Succeeded().Json();

        Assert.Equal(
            ["apec-2022", "asean-2022", "csto-2022", "eaeu-2022", "g20-2022", "kazakhstan-2022-10", "putin-xi-2022", "russia-china-mongolia-2022", "sco-2022"],
            schedule.Items("meetings").Select(m => m.Text("id")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task From_and_to_a_month_keep_the_meetings_of_that_month()
    {
        var schedule = (await store.Workspace.OnStore("schedule", "--as-of", "2022-09-10", "--from", "2022-11", "--to", "2022-11", "--format", "json"))
            .Succeeded().Json();

        Assert.Equal(
            ["apec-2022", "asean-2022", "csto-2022", "g20-2022"],
            schedule.Items("meetings").Select(m => m.Text("id")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Before_the_article_was_reported_nothing_was_known()
    {
        var schedule = (await store.Workspace.OnStore("schedule", "--as-of", "2022-09-07", "--format", "json")).Succeeded().Json();

        Assert.Empty(schedule.Items("meetings"));
    }
}
