using System.Globalization;
using Timeline.Cli.Tests.Harness;

namespace Timeline.Cli.Tests.Postgres;

/// <summary>
/// One timeline, told to any store through the CLI at fixed fake instants, and every question asked of it.
/// </summary>
/// <remarks>
/// The story: the seed article recorded by <c>analyst</c> at <see cref="CliWorkspace.Start"/>; a day later every later
/// report, recorded by <c>editor</c>; an hour after that a mistaken confirmation of Putin at the G20 (by <c>editor</c>);
/// an hour later its retraction (by <c>analyst</c>). The questions cover schedule (as of the article day, 12 Nov 2022,
/// now, and recorded as of instants between the imports), the history of every meeting, attendance and audit.
/// </remarks>
internal static class StoreStory
{
    public const string Editor = "editor";

    public const string MistakeCommandId = "g20-putin-confirm-mistake";

    public static readonly DateTimeOffset ArticleRecordedAt = CliWorkspace.Start;
    public static readonly DateTimeOffset LaterRecordedAt = CliWorkspace.Start.AddDays(1);
    public static readonly DateTimeOffset MistakeRecordedAt = LaterRecordedAt.AddHours(1);
    public static readonly DateTimeOffset RetractionRecordedAt = LaterRecordedAt.AddHours(2);

    /// <summary>When the story is over: the workspace clock stands here afterwards.</summary>
    public static readonly DateTimeOffset Told = RetractionRecordedAt.AddDays(1);

    /// <summary>Seed article, later reports, mistake and retraction: the events the story appends.</summary>
    public const int Events = Seeds.ArticleCommands + Seeds.LaterCommands + 2;

    /// <summary>Instants between the imports: after the article only, after the later reports, while the mistake stood.</summary>
    public static readonly IReadOnlyList<string> RecordedBetween =
    [
        Iso(ArticleRecordedAt.AddHours(12)),
        Iso(LaterRecordedAt.AddMinutes(30)),
        Iso(MistakeRecordedAt.AddMinutes(30)),
    ];

    private static string Iso(DateTimeOffset instant) => instant.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>
    /// Tells the story to every store given, step by step: each step is imported into each store at the same fake
    /// instant by the same user. Returns each store's import reports (JSON), in step order. Call once per workspace.
    /// </summary>
    public static async Task<IReadOnlyList<CliRun>[]> TellAsync(CliWorkspace workspace, params string[] stores)
    {
        Assert.True(workspace.Clock.GetUtcNow() <= ArticleRecordedAt, "the story is told once per workspace");
        var mistake = workspace.Write("mistake.json", $$"""
            [{ "command": "ConfirmAttendance", "meetingId": "g20-2022", "reportedAt": "2022-09-20", "participant": "Vladimir Putin",
               "commandId": "{{MistakeCommandId}}", "source": { "speaker": "Yury Ushakov, Kremlin aide", "outlet": "TASS" } }]
            """);
        var retraction = workspace.Write("retraction.json", $$"""
            [{ "command": "RetractReport", "meetingId": "g20-2022", "reportedAt": "2022-09-21", "retracts": "{{MistakeCommandId}}",
               "reason": "entered against the wrong summit" }]
            """);
        (DateTimeOffset At, string User, IReadOnlyList<string> Files)[] steps =
        [
            (ArticleRecordedAt, CliWorkspace.User, [Seeds.Article]),
            (LaterRecordedAt, Editor, Seeds.Later),
            (MistakeRecordedAt, Editor, [mistake]),
            (RetractionRecordedAt, CliWorkspace.User, [retraction]),
        ];
        var reports = stores.Select(_ => new List<CliRun>()).ToArray();
        foreach (var (at, user, files) in steps)
        {
            workspace.Clock.SetUtcNow(at);
            workspace.Variables["TIMELINE_USER"] = user;
            for (var i = 0; i < stores.Length; i++)
            {
                reports[i].Add((await workspace.Run(["--store", stores[i], "import", .. files, "--format", "json"])).Succeeded());
            }
        }
        workspace.Clock.SetUtcNow(Told);
        workspace.Variables["TIMELINE_USER"] = CliWorkspace.User;
        return [.. reports];
    }

    /// <summary>Every question, as CLI arguments (each answered with <c>--format json</c>).</summary>
    public static IReadOnlyList<string[]> Questions { get; } = BuildQuestions();

    /// <summary><see cref="Questions"/> for a theory, each written as its arguments joined by <c>|</c>.</summary>
    public static TheoryData<string> QuestionData => [.. Questions.Select(q => string.Join('|', q))];

    private static List<string[]> BuildQuestions()
    {
        var questions = new List<string[]>
        {
            new[] { "schedule" },
            new[] { "schedule", "--as-of", "2022-09-10" },
            new[] { "schedule", "--as-of", "2022-11-12" },
            new[] { "schedule", "--participant", "Vladimir Putin", "--from", "2022-11", "--to", "2022-12" },
            new[] { "schedule", "--as-of", "2022-11-12", "--recorded-as-of", RecordedBetween[1] },
            new[] { "history", "g20-2022", "--as-of", "2022-09-30" },
            new[] { "history", "g20-2022", "--recorded-as-of", RecordedBetween[2] },
            new[] { "attendance" },
            new[] { "attendance", "--participant", "Vladimir Putin" },
            new[] { "attendance", "--as-of", "2022-09-10" },
            new[] { "audit" },
            new[] { "audit", "--recorded-by", Editor },
            new[] { "audit", "--meeting", "g20-2022" },
            new[] { "audit", "--speaker", "ushakov" },
            new[] { "audit", "--reported-from", "2022-11-01", "--reported-to", "2022-11-30" },
            new[] { "audit", "--after", "10", "--limit", "5" },
        };
        foreach (var instant in RecordedBetween)
        {
            questions.Add(["schedule", "--recorded-as-of", instant]);
            questions.Add(["attendance", "--recorded-as-of", instant]);
            questions.Add(["audit", "--recorded-as-of", instant]);
        }
        questions.AddRange(Seeds.MeetingIds.Select(id => new[] { "history", id }));
        return questions;
    }

    /// <summary>The answer of <paramref name="store"/> to <paramref name="question"/>, as printed.</summary>
    public static async Task<string> AnswerAsync(CliWorkspace workspace, string store, IReadOnlyList<string> question) =>
        (await workspace.Run(["--store", store, .. question, "--format", "json"])).Succeeded().Out;
}
