using Timeline.Cli.Tests.Harness;

namespace Timeline.Cli.Tests.EndToEnd;

/// <summary>The same four reports on the G20 as a JSON array, NDJSON, YAML and JSON on standard input give the same answers.</summary>
public sealed class InputFormatTests
{
    private const string AsJson = """
        [
          {
            "command": "AnnounceSummit",
            "meetingId": "g20-2022",
            "reportedAt": "2022-09-08",
            "title": "G20 summit",
            "organization": "G20",
            "location": { "city": "Bali", "country": "Indonesia" },
            "dates": "2022-11-15/2022-11-16",
            "source": { "speaker": "Yury Ushakov, Kremlin aide", "quote": "It includes a G20 summit in Indonesia on November 15-16" }
          },
          {
            "command": "AnnounceAttendance",
            "meetingId": "g20-2022",
            "reportedAt": "2022-09-08",
            "participant": "Vladimir Putin",
            "level": "expected",
            "source": { "speaker": "Yury Ushakov, Kremlin aide" }
          },
          {
            "command": "DeclineAttendance",
            "meetingId": "g20-2022",
            "reportedAt": "2022-11-10T09:30:00+03:00",
            "participant": "Vladimir Putin",
            "representedBy": "Sergey Lavrov",
            "source": { "speaker": "Dmitry Peskov, Kremlin spokesman", "url": "https://example.org/peskov" }
          },
          {
            "command": "RecordMeetingHeld",
            "meetingId": "g20-2022",
            "reportedAt": "2022-11-16",
            "attendees": [ { "participant": "Sergey Lavrov", "mode": "in-person" } ],
            "source": { "speaker": "Russian Foreign Ministry" }
          }
        ]
        """;

    private const string AsNdjson = """
        {"command":"AnnounceSummit","meetingId":"g20-2022","reportedAt":"2022-09-08","title":"G20 summit","organization":"G20","location":{"city":"Bali","country":"Indonesia"},"dates":"2022-11-15/2022-11-16","source":{"speaker":"Yury Ushakov, Kremlin aide","quote":"It includes a G20 summit in Indonesia on November 15-16"}}
        {"command":"AnnounceAttendance","meetingId":"g20-2022","reportedAt":"2022-09-08","participant":"Vladimir Putin","level":"expected","source":{"speaker":"Yury Ushakov, Kremlin aide"}}

        {"command":"DeclineAttendance","meetingId":"g20-2022","reportedAt":"2022-11-10T09:30:00+03:00","participant":"Vladimir Putin","representedBy":"Sergey Lavrov","source":{"speaker":"Dmitry Peskov, Kremlin spokesman","url":"https://example.org/peskov"}}
        {"command":"RecordMeetingHeld","meetingId":"g20-2022","reportedAt":"2022-11-16","attendees":[{"participant":"Sergey Lavrov","mode":"in-person"}],"source":{"speaker":"Russian Foreign Ministry"}}
        """;

    // Dates are left unquoted on purpose: they must stay text, never become timestamps.
    private const string AsYaml = """
        # The G20 in Bali, as reported
        - command: AnnounceSummit
          meetingId: g20-2022
          reportedAt: 2022-09-08
          title: G20 summit
          organization: G20
          location:
            city: Bali
            country: Indonesia
          dates: 2022-11-15/2022-11-16
          source:
            speaker: Yury Ushakov, Kremlin aide
            quote: "It includes a G20 summit in Indonesia on November 15-16"
        - command: AnnounceAttendance
          meetingId: g20-2022
          reportedAt: 2022-09-08
          participant: Vladimir Putin
          level: expected
          source: { speaker: "Yury Ushakov, Kremlin aide" }
        - command: DeclineAttendance
          meetingId: g20-2022
          reportedAt: 2022-11-10T09:30:00+03:00
          participant: Vladimir Putin
          representedBy: Sergey Lavrov
          source:
            speaker: Dmitry Peskov, Kremlin spokesman
            url: https://example.org/peskov
        - command: RecordMeetingHeld
          meetingId: g20-2022
          reportedAt: 2022-11-16
          attendees:
            - participant: Sergey Lavrov
              mode: in-person
          source:
            speaker: Russian Foreign Ministry
        """;

    private static readonly string[] StoreAssigned = ["sequence", "recordedAt", "eventId"];

    private sealed record Answers(string Schedule, string ScheduleOn12Nov, string Attendance, string History, string Audit);

    private static async Task<Answers> ImportAndAsk(CliWorkspace workspace, string standardInput, params string[] files)
    {
        var import = (await workspace.RunWithInput(standardInput, ["--store", workspace.Store, "import", .. files, "--format", "json"])).Succeeded().Json();
        Assert.Equal(4, import.GetProperty("applied").GetInt32());

        async Task<string> Json(params string[] args) => (await workspace.OnStore([.. args, "--format", "json"])).Succeeded().Out;
        return new Answers(
            await Json("schedule"),
            await Json("schedule", "--as-of", "2022-11-12"),
            await Json("attendance"),
            Harness.Json.Without(await Json("history", "g20-2022"), StoreAssigned),
            Harness.Json.Without(await Json("audit"), StoreAssigned));
    }

    private static async Task<Answers> FromJsonFile()
    {
        using var workspace = new CliWorkspace();
        return await ImportAndAsk(workspace, string.Empty, workspace.Write("g20.json", AsJson));
    }

    [Fact]
    public async Task The_json_file_gives_the_expected_g20_story()
    {
        var answers = await FromJsonFile();

        Assert.Contains("\"representedBy\": \"Sergey Lavrov\"", answers.Schedule, StringComparison.Ordinal);
        Assert.Contains("\"reportedAt\": \"2022-11-10T09:30:00+03:00\"", answers.History, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("g20.ndjson")]
    [InlineData("g20.jsonl")]
    public async Task Ndjson_gives_the_same_answers_as_the_json_file(string name)
    {
        using var workspace = new CliWorkspace();

        var answers = await ImportAndAsk(workspace, string.Empty, workspace.Write(name, AsNdjson));

        Assert.Equal(await FromJsonFile(), answers);
    }

    [Theory]
    [InlineData("g20.yaml")]
    [InlineData("g20.yml")]
    public async Task Yaml_gives_the_same_answers_as_the_json_file(string name)
    {
        using var workspace = new CliWorkspace();

        var answers = await ImportAndAsk(workspace, string.Empty, workspace.Write(name, AsYaml));

        Assert.Equal(await FromJsonFile(), answers);
    }

    [Fact]
    public async Task Json_on_standard_input_gives_the_same_answers_as_the_json_file()
    {
        using var workspace = new CliWorkspace();

        var answers = await ImportAndAsk(workspace, AsJson, "-");

        Assert.Equal(await FromJsonFile(), answers);
    }

    [Fact]
    public async Task A_file_relative_to_the_working_directory_is_found()
    {
        using var workspace = new CliWorkspace();
        workspace.Write("g20.json", AsJson);

        var answers = await ImportAndAsk(workspace, string.Empty, "g20.json");

        Assert.Equal(await FromJsonFile(), answers);
    }

    [Fact]
    public async Task The_same_reports_in_yaml_after_json_are_duplicates()
    {
        using var workspace = new CliWorkspace();
        (await workspace.OnStore("import", workspace.Write("g20.json", AsJson))).Succeeded();

        var again = (await workspace.OnStore("import", workspace.Write("g20.yaml", AsYaml), workspace.Write("g20.ndjson", AsNdjson), "--format", "json")).Succeeded().Json();

        Assert.Equal(8, again.GetProperty("duplicates").GetInt32());
        Assert.Equal(0, again.GetProperty("eventsAppended").GetInt32());
    }
}
