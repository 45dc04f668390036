using Timeline.Cli.Tests.Harness;

namespace Timeline.Cli.Tests.Postgres;

/// <summary><c>timeline migrate</c> on PostgreSQL creates the schema once; after that it says the schema is current.</summary>
public sealed class MigrateTests(CliPostgres postgres) : IClassFixture<CliPostgres>
{
    [Theory]
    [InlineData("uri")]
    [InlineData("connection-string")]
    public async Task Migrate_creates_the_schema_and_a_second_run_says_it_is_current(string form)
    {
        var store = await postgres.NewStoreAsync();
        using var workspace = new CliWorkspace();

        var first = (await workspace.Run("--store", store.As(form), "migrate")).Succeeded();
        var second = (await workspace.Run("--store", store.As(form), "migrate")).Succeeded();

        Assert.Equal(
            $"created the Timeline schema 'timeline' (version {Timeline.Store.Marten.MartenEventStore.SchemaVersion}) in PostgreSQL database '{store.Database}' on 127.0.0.1:{store.Port}",
            first.Out.Trim());
        Assert.Equal(
            $"the Timeline schema 'timeline' in PostgreSQL database '{store.Database}' on 127.0.0.1:{store.Port} is current (version {Timeline.Store.Marten.MartenEventStore.SchemaVersion}); nothing to do",
            second.Out.Trim());
        Assert.Empty(first.Error + second.Error);
        Assert.Contains("No meetings", (await workspace.Run("--store", store.As(form), "schedule")).Succeeded().Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_after_an_import_changes_nothing()
    {
        var store = await postgres.NewStoreAsync();
        using var workspace = new CliWorkspace();
        workspace.Variables["TIMELINE_STORE"] = store.Uri;
        (await workspace.Run("import", Seeds.Article)).Succeeded();
        var before = (await workspace.Run("export")).Succeeded().Out;

        var migrate = (await workspace.Run("migrate")).Succeeded();

        Assert.Contains("is current", migrate.Out, StringComparison.Ordinal);
        Assert.Equal(before, (await workspace.Run("export")).Succeeded().Out);
    }
}
