using Microsoft.Extensions.Time.Testing;
using Timeline.Core.Storage;
using Timeline.Store.Contract;

namespace Timeline.Store.Sqlite.Tests;

public sealed class SqliteStoreContract(SqliteStoreFixture files) : EventStoreContract, IClassFixture<SqliteStoreFixture>
{
    protected override IStore CreateStore(FakeTimeProvider clock) => files.CreateStore(clock);
}
