namespace Timeline.Api.Tests.Stores;

/// <summary>A new SQLite file for every store, in the folder of the host that opens it (deleted with the host).</summary>
public sealed class SqliteApiStores : ApiStores
{
    protected override Task<string?> NewStoreAsync() => Task.FromResult<string?>(null);
}
