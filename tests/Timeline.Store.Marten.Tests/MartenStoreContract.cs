using Microsoft.Extensions.Time.Testing;
using Timeline.Core.Storage;
using Timeline.Store.Contract;

namespace Timeline.Store.Marten.Tests;

public sealed class MartenStoreContract(MartenStoreFixture database) : EventStoreContract, IClassFixture<MartenStoreFixture>
{
    protected override IStore CreateStore(FakeTimeProvider clock) => database.CreateStoreAsync(clock).GetAwaiter().GetResult();
}
