using Timeline.Cli.Tests.Harness;
using Timeline.Cli.Tests.Postgres;

namespace Timeline.Cli.Tests.Moving;

/// <summary>
/// <c>restore</c> refuses a store that holds events, and an export with a malformed line, with exit 2 and nothing
/// written: the target is as it was, and a SQLite target that did not exist is not created.
/// </summary>
public sealed class RestoreRefusalTests(CliPostgres postgres) : IClassFixture<CliPostgres>
{
    private const int BrokenLine = 20;

    public static TheoryData<string, string> Corruptions => new()
    {
        { "postgres", "cut" },
        { "postgres", "missing-field" },
        { "postgres", "not-json" },
        { "sqlite", "cut" },
        { "sqlite", "missing-field" },
        { "sqlite", "not-json" },
    };

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task A_store_that_holds_events_is_refused_and_left_as_it_was(string kind)
    {
        using var workspace = new CliWorkspace();
        var target = kind == "postgres" ? (await postgres.NewStoreAsync()).Uri : "sqlite:target.db";
        (await workspace.Run("--store", target, "import", Seeds.Article)).Succeeded();
        var before = (await workspace.Run("--store", target, "export")).Succeeded().Out;
        (await workspace.Run(["--store", workspace.Store, "import", Seeds.Article, .. Seeds.Later])).Succeeded();
        var export = (await workspace.Run("--store", workspace.Store, "export")).Succeeded().Out;

        var restore = await workspace.RunWithInput(export, "--store", target, "restore", "-");

        Assert.True(restore.ExitCode == 2, restore.ToString());
        Assert.Empty(restore.Out);
        Assert.Contains("already holds", Assert.Single(restore.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Equal(before, (await workspace.Run("--store", target, "export")).Succeeded().Out);
    }

    [Theory]
    [MemberData(nameof(Corruptions))]
    public async Task A_malformed_line_is_named_and_nothing_is_written(string kind, string corruption)
    {
        using var workspace = new CliWorkspace();
        (await workspace.Run(["--store", workspace.Store, "import", Seeds.Article, .. Seeds.Later])).Succeeded();
        var lines = (await workspace.Run("--store", workspace.Store, "export")).Succeeded().Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[BrokenLine - 1] = corruption switch
        {
            "cut" => lines[BrokenLine - 1][..(lines[BrokenLine - 1].Length / 2)],
            "missing-field" => lines[BrokenLine - 1].Replace("\"recordedAt\":", "\"recordedAround\":", StringComparison.Ordinal),
            _ => "sequence=20",
        };
        workspace.Write("broken.ndjson", string.Join('\n', lines) + "\n");
        var postgresStore = kind == "postgres" ? await postgres.NewStoreAsync() : null;
        var target = postgresStore?.Uri ?? "sqlite:target.db";

        var fromFile = await workspace.Run("--store", target, "restore", "broken.ndjson");
        var fromInput = await workspace.RunWithInput(string.Join('\n', lines), "--store", target, "restore", "-");

        foreach (var (run, name) in new[] { (fromFile, "broken.ndjson"), (fromInput, "-") })
        {
            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.Empty(run.Out);
            Assert.Empty(run.StackTraceLines);
            Assert.Contains($"{name}[{BrokenLine - 1}] (line {BrokenLine})", run.Error, StringComparison.Ordinal);
        }
        if (postgresStore is null)
        {
            Assert.False(workspace.StoreFilesExist(workspace.PathOf("target.db")), "a refused restore left a SQLite file behind");
        }
        else
        {
            Assert.Empty((await workspace.Run("--store", target, "export")).Succeeded().Out);
        }
        // Still empty: the good export restores now.
        (await workspace.Run("--store", target, "restore", workspace.Write("good.ndjson", (await workspace.Run("--store", workspace.Store, "export")).Out))).Succeeded();
    }
}
