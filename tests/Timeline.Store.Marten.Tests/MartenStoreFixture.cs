using Timeline.Testing.Postgres;

namespace Timeline.Store.Marten.Tests;

/// <summary>
/// One database per test class (so classes run in parallel), and one new schema per store in it, so every store a
/// test makes starts empty.
/// </summary>
public sealed class MartenStoreFixture : PostgresDatabase
{
    private int _schemas;

    protected override string Prefix => "marten_store";

    /// <summary>A schema name not used yet in this class's database.</summary>
    public string NewSchema() => $"store_{Interlocked.Increment(ref _schemas)}";

    /// <summary>A store in a new schema; skips (or, with CI=true, fails) the test when PostgreSQL is missing.</summary>
    public async Task<MartenEventStore> CreateStoreAsync(TimeProvider clock, MartenEventStoreOptions? options = null) =>
        new(await RequireAsync(), clock, options ?? new MartenEventStoreOptions { Schema = NewSchema() });
}
