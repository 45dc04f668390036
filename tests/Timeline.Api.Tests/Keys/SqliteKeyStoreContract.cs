using Microsoft.Extensions.Time.Testing;
using Timeline.Core.Storage;
using Timeline.Store.Sqlite;

namespace Timeline.Api.Tests.Keys;

/// <summary>The key store contract on SQLite files in a temporary folder.</summary>
public sealed class SqliteKeyStoreContract : KeyStoreContract
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"timeline-keys-{Guid.NewGuid():N}")).FullName;

    protected override IEventStore CreateStore(FakeTimeProvider clock) => new SqliteEventStore(Path.Combine(_folder, $"{Guid.NewGuid():N}.db"), clock);

    protected override IEventStore Reopen(IEventStore store, FakeTimeProvider clock) => new SqliteEventStore(((SqliteEventStore)store).DataSource, clock);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
