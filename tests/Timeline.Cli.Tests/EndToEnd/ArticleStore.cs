using System.Text.Json;
using Timeline.Cli.Tests.Harness;

namespace Timeline.Cli.Tests.EndToEnd;

/// <summary>A store that holds the seed article and nothing else, with its schedule as known on 10 Sep 2022.</summary>
public sealed class ArticleStore : IAsyncLifetime
{
    internal CliWorkspace Workspace { get; } = new();

    internal CliRun Import { get; private set; } = null!;

    internal JsonElement Schedule { get; private set; }

    public async ValueTask InitializeAsync()
    {
        Import = (await Workspace.OnStore("import", Seeds.Article, "--format", "json")).Succeeded();
        Schedule = (await Workspace.OnStore("schedule", "--as-of", "2022-09-10", "--format", "json")).Succeeded().Json();
    }

    public ValueTask DisposeAsync()
    {
        Workspace.Dispose();
        return ValueTask.CompletedTask;
    }
}
