using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Timeline.Core.Chain;
using Timeline.Core.Storage;
using Timeline.Store.Contract;

namespace Timeline.Store.Sqlite.Tests;

public sealed class SqliteStoreContract(SqliteStoreFixture files) : EventStoreContract, IClassFixture<SqliteStoreFixture>
{
    protected override IStore CreateStore(FakeTimeProvider clock) => files.CreateStore(clock);

    protected override Task TamperAsync(Tampering tampering, long sequence) => ExecuteAsync(
        tampering switch
        {
            Tampering.MeetingId => "UPDATE events SET stream_id = 'asean-2022' WHERE sequence = $s",
            Tampering.StreamVersion => "UPDATE events SET stream_version = stream_version + 10 WHERE sequence = $s",
            Tampering.EventId => "UPDATE events SET event_id = '00000000-0000-4000-8000-000000000001' WHERE sequence = $s",
            Tampering.EventType => "UPDATE events SET event_type = 'attendance-confirmed.v1' WHERE sequence = $s",
            Tampering.Data => "UPDATE events SET data = json_set(data, '$.participant', 'Xi Jinping') WHERE sequence = $s",
            Tampering.ReportedAt => "UPDATE events SET reported_at = '2022-09-09' WHERE sequence = $s",
            Tampering.RecordedAt => "UPDATE events SET recorded_at = substr(recorded_at, 1, 25) || '9Z' WHERE sequence = $s",
            Tampering.RecordedBy => "UPDATE events SET recorded_by = 'someone else' WHERE sequence = $s",
            Tampering.Outlet => "UPDATE events SET outlet = 'Tampered Times' WHERE sequence = $s",
            Tampering.Url => "UPDATE events SET url = 'https://example.org/tampered' WHERE sequence = $s",
            Tampering.PublishedAt => "UPDATE events SET published_at = '2022-09-01' WHERE sequence = $s",
            Tampering.Speaker => "UPDATE events SET speaker = 'Someone Else' WHERE sequence = $s",
            Tampering.Quote => "UPDATE events SET quote = 'words never said' WHERE sequence = $s",
            Tampering.CommandId => "UPDATE events SET command_id = 'cmd-tampered' WHERE sequence = $s",
            Tampering.Hash => $"UPDATE events SET hash = '{EventHash.Genesis}' WHERE sequence = $s",
            Tampering.Deleted => "DELETE FROM events WHERE sequence = $s",
            Tampering.SwappedWithNext => """
                CREATE TEMPORARY TABLE next_event AS SELECT min(sequence) AS sequence FROM events WHERE sequence > $s;
                UPDATE events SET sequence = -1 WHERE sequence = $s;
                UPDATE events SET sequence = $s WHERE sequence = (SELECT sequence FROM next_event);
                UPDATE events SET sequence = (SELECT sequence FROM next_event) WHERE sequence = -1;
                """,
            Tampering.InsertedBefore => """
                INSERT INTO events (
                    sequence, stream_id, stream_version, event_id, event_type, data, reported_at, reported_at_utc, recorded_at,
                    recorded_by, outlet, outlet_key, url, published_at, speaker, speaker_key, quote, command_id, hash)
                SELECT $s - 1, 'inserted-meeting', 1, '00000000-0000-4000-8000-000000000003', event_type, data, reported_at,
                       reported_at_utc, recorded_at, recorded_by, outlet, outlet_key, url, published_at, speaker, speaker_key,
                       quote, 'cmd-inserted', hash
                FROM events WHERE sequence = $s
                """,
            _ => throw new ArgumentOutOfRangeException(nameof(tampering), tampering, null),
        },
        ("$s", sequence));

    protected override Task OverwriteHashAsync(long sequence, EventHash hash) =>
        ExecuteAsync("UPDATE events SET hash = $hash WHERE sequence = $s", ("$s", sequence), ("$hash", hash.Hex));

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={((SqliteEventStore)Store).DataSource};Pooling=False;Foreign Keys=False");
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        Assert.True(await command.ExecuteNonQueryAsync(Cancel) > 0, $"'{sql}' changed nothing");
    }
}
