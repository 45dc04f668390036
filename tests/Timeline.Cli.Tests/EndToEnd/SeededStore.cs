using Timeline.Cli.Tests.Harness;

namespace Timeline.Cli.Tests.EndToEnd;

/// <summary>
/// A store that holds the seed article, recorded by <c>analyst</c> at the clock's start, and then, a day later, every
/// later report, recorded by <c>editor</c>. Keeps the as-of-10-Sep schedule as printed before the later import.
/// </summary>
public sealed class SeededStore : IAsyncLifetime
{
    public const string LaterUser = "editor";

    public static readonly DateTimeOffset LaterRecordedAt = CliWorkspace.Start.AddDays(1);

    public const string LaterRecordedAtText = "2026-11-30T12:00:00.000000Z";

    internal CliWorkspace Workspace { get; } = new();

    /// <summary><c>schedule --as-of 2022-09-10 --format json</c>, printed before the later reports were imported.</summary>
    internal string ArticleDayScheduleBefore { get; private set; } = null!;

    internal CliRun LaterImport { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Workspace.OnStore("import", Seeds.Article);
        ArticleDayScheduleBefore = (await Workspace.OnStore("schedule", "--as-of", "2022-09-10", "--format", "json")).Succeeded().Out;

        Workspace.Clock.Advance(TimeSpan.FromDays(1));
        Workspace.Variables["TIMELINE_USER"] = LaterUser;
        LaterImport = (await Workspace.OnStore(["import", .. Seeds.Later, "--format", "json"])).Succeeded();
    }

    internal Task<CliRun> Query(params string[] args) => Workspace.OnStore([.. args, "--format", "json"]);

    public ValueTask DisposeAsync()
    {
        Workspace.Dispose();
        return ValueTask.CompletedTask;
    }
}
