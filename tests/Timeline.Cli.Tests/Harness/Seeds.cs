namespace Timeline.Cli.Tests.Harness;

/// <summary>The repository's seed files, copied beside the tests (see the project file), imported by path as a user would.</summary>
internal static class Seeds
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "seeds");

    /// <summary>Kremlin aide Yury Ushakov's briefing of 8 Sep 2022: 22 commands.</summary>
    public static string Article { get; } = Path.Combine(Folder, "2022-09-08-ushakov-briefing.json");

    public const int ArticleCommands = 22;

    /// <summary>What happened next, one file per meeting or trip, in name order: 14 commands in all.</summary>
    public static IReadOnlyList<string> Later { get; } =
        [.. Directory.GetFiles(Path.Combine(Folder, "later"), "*.json").Order(StringComparer.Ordinal)];

    public const int LaterCommands = 14;

    public static string LaterFile(string name) => Path.Combine(Folder, "later", name);

    /// <summary>The twelve meeting ids of the seed article (seeds/README.md).</summary>
    public static readonly IReadOnlyList<string> MeetingIds =
    [
        "eef-2022", "russia-china-business-forum-2022", "russia-china-history-roundtable-2022", "sco-2022", "putin-xi-2022",
        "russia-china-mongolia-2022", "g20-2022", "apec-2022", "asean-2022", "csto-2022", "eaeu-2022", "kazakhstan-2022-10",
    ];
}
