using Timeline.Benchmarks.Report;
using Timeline.Testing.Postgres;

namespace Timeline.Benchmarks.Tests;

/// <summary>
/// The benchmark at a tiny size on PostgreSQL, in a database of its own on the test server (skipped without
/// PostgreSQL, failed when <c>CI=true</c>): it must exit 0 and print every row. No timing is asserted.
/// </summary>
public sealed class PostgresSmokeTests(PostgresSmokeTests.Database database) : IClassFixture<PostgresSmokeTests.Database>
{
    [Fact]
    public async Task It_prints_every_figure_beside_marten_time_travel()
    {
        var connection = await database.RequireAsync();

        var run = await BenchmarkProcess.RunAsync([.. BenchmarkProcess.Tiny, "--store", "postgres", "--postgres", connection, "--growth-base", "0"]);

        run.ShowsEveryFigure();
        Assert.Contains("Marten time travel", run.Row(Figures.Recorded), StringComparison.Ordinal);
        Assert.Contains("synchronous_commit=on", run.Output, StringComparison.Ordinal);
    }

    /// <summary>A database of its own on the test PostgreSQL server.</summary>
    public sealed class Database : PostgresDatabase
    {
        protected override string Prefix => "timeline_bench";
    }
}
