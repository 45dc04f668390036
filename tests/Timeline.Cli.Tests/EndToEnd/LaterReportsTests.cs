using System.Text.Json;
using Timeline.Cli.Tests.Harness;
using static Timeline.Cli.Tests.Harness.Json;

namespace Timeline.Cli.Tests.EndToEnd;

/// <summary>
/// What happened next: Samarkand, Kazakhstan, the declined G20, APEC and ASEAN summits, Yerevan and Bishkek. Later
/// reports change today's picture, but never what was known on an earlier day.
/// </summary>
public sealed class LaterReportsTests(SeededStore store) : IClassFixture<SeededStore>
{
    [Fact]
    public void Every_later_report_is_applied()
    {
        var report = store.LaterImport.Json();
        Assert.Equal(Seeds.LaterCommands, report.GetProperty("commands").GetInt32());
        Assert.Equal(Seeds.LaterCommands, report.GetProperty("applied").GetInt32());
        Assert.Equal(Seeds.LaterCommands, report.GetProperty("eventsAppended").GetInt32());
    }

    [Fact]
    public async Task The_schedule_as_known_on_the_article_day_is_byte_identical_after_the_later_reports()
    {
        var after = (await store.Query("schedule", "--as-of", "2022-09-10")).Succeeded();

        Assert.Equal(store.ArticleDayScheduleBefore, after.Out);
    }

    [Fact]
    public async Task Today_the_g20_was_held_and_putin_declined_and_was_represented_by_lavrov_who_attended()
    {
        var g20 = Meeting((await store.Query("schedule")).Succeeded().Json(), "g20-2022");

        Assert.Equal("held", g20.Text("status"));
        var putin = Participant(g20, "Vladimir Putin");
        Assert.Equal("declined", putin.Text("attendance"));
        Assert.Equal("Sergey Lavrov", putin.Text("representedBy"));
        Assert.Equal("2022-09-08", putin.Text("announcedAt"));
        Assert.Null(putin.Text("confirmedAt"));
        Assert.Equal("attended", Participant(g20, "Sergey Lavrov").Text("attendance"));
    }

    [Fact]
    public async Task Today_every_meeting_of_the_article_has_been_held()
    {
        var schedule = (await store.Query("schedule")).Succeeded().Json();

        Assert.Equal(12, schedule.Items("meetings").Count);
        Assert.All(schedule.Items("meetings"), m => Assert.Equal("held", m.Text("status")));
        Assert.Equal("2022-10-13/2022-10-14", Meeting(schedule, "kazakhstan-2022-10").Text("dates"));
        Assert.Equal("2022-11-23", Meeting(schedule, "csto-2022").Text("dates"));
    }

    [Fact]
    public async Task As_of_12_Nov_putin_had_declined_the_g20_which_was_still_to_be_held()
    {
        var schedule = (await store.Query("schedule", "--as-of", "2022-11-12")).Succeeded().Json();

        var g20 = Meeting(schedule, "g20-2022");
        Assert.Equal("scheduled", g20.Text("status"));
        var putin = Participant(g20, "Vladimir Putin");
        Assert.Equal("declined", putin.Text("attendance"));
        Assert.Equal("Sergey Lavrov", putin.Text("representedBy"));
        Assert.DoesNotContain(g20.Items("participants"), p => p.Text("name") == "Sergey Lavrov" && p.Text("attendance") == "attended");
        Assert.Equal("expected", Participant(Meeting(schedule, "apec-2022"), "Vladimir Putin").Text("attendance"));
    }

    [Fact]
    public async Task Every_attendance_row_carries_the_contract_fields()
    {
        string[] fields = ["meetingId", "participant", "announcedAt", "announcedLevel", "confirmedAt", "declinedAt", "outcome", "representedBy", "daysToConfirm"];
        var ledger = (await store.Query("attendance")).Succeeded().Json();

        Assert.NotEmpty(ledger.Items("rows"));
        Assert.All(ledger.Items("rows"), row =>
        {
            Assert.All(fields, field => Assert.True(row.TryGetProperty(field, out _), $"attendance row without {field}: {row}"));
            Assert.Contains(row.Text("outcome"), new[] { "attended", "declined", "cancelled", "pending" });
        });
    }

    [Fact]
    public async Task Putins_samarkand_attendance_was_announced_on_8_Sep_as_planned_and_confirmed_five_days_later()
    {
        var ledger = (await store.Query("attendance", "--participant", "Vladimir Putin")).Succeeded().Json();

        var sco = Row(ledger, "sco-2022", "Vladimir Putin");
        Assert.Equal("2022-09-08", sco.Text("announcedAt"));
        Assert.Equal("planned", sco.Text("announcedLevel"));
        Assert.Equal("2022-09-13", sco.Text("confirmedAt"));
        Assert.Equal(5, sco.GetProperty("daysToConfirm").GetInt32());
        Assert.Equal("attended", sco.Text("outcome"));
        Assert.Null(sco.Text("declinedAt"));
    }

    [Fact]
    public async Task Putin_declined_the_g20_and_was_represented_by_lavrov()
    {
        var ledger = (await store.Query("attendance", "--participant", "Vladimir Putin")).Succeeded().Json();

        var g20 = Row(ledger, "g20-2022", "Vladimir Putin");
        Assert.Equal("2022-09-08", g20.Text("announcedAt"));
        Assert.Equal("expected", g20.Text("announcedLevel"));
        Assert.Null(g20.Text("confirmedAt"));
        Assert.Equal("2022-11-10", g20.Text("declinedAt"));
        Assert.Equal("declined", g20.Text("outcome"));
        Assert.Equal("Sergey Lavrov", g20.Text("representedBy"));
        Assert.Equal(JsonValueKind.Null, g20.GetProperty("daysToConfirm").ValueKind);
    }

    [Fact]
    public async Task Putins_ledger_has_one_row_per_meeting_naming_him_with_its_outcome()
    {
        var ledger = (await store.Query("attendance", "--participant", "vladimir putin")).Succeeded().Json();

        var outcomes = ledger.Items("rows").ToDictionary(r => r.Text("meetingId")!, r => r.Text("outcome"));
        Assert.All(ledger.Items("rows"), r => Assert.Equal("Vladimir Putin", r.Text("participant")));
        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["sco-2022"] = "attended", ["putin-xi-2022"] = "attended", ["russia-china-mongolia-2022"] = "attended",
                ["kazakhstan-2022-10"] = "attended", ["asean-2022"] = "declined", ["g20-2022"] = "declined",
                ["apec-2022"] = "declined", ["csto-2022"] = "attended", ["eaeu-2022"] = "attended",
            },
            outcomes);
        Assert.Equal("Andrei Belousov", Row(ledger, "apec-2022", "Vladimir Putin").Text("representedBy"));
    }

    [Fact]
    public async Task As_of_the_article_day_putins_ledger_is_all_pending()
    {
        var ledger = (await store.Query("attendance", "--participant", "Vladimir Putin", "--as-of", "2022-09-10")).Succeeded().Json();

        Assert.Equal(9, ledger.Items("rows").Count);
        Assert.All(ledger.Items("rows"), r => Assert.Equal("pending", r.Text("outcome")));
        Assert.Equal("possible", Row(ledger, "asean-2022", "Vladimir Putin").Text("announcedLevel"));
    }
}
