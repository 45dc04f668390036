using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Timeline.Core.Chain;
using Timeline.Core.Storage;
using Timeline.Store.Contract;

namespace Timeline.Store.Marten.Tests;

public sealed class MartenStoreContract(MartenStoreFixture database) : EventStoreContract, IClassFixture<MartenStoreFixture>
{
    protected override IStore CreateStore(FakeTimeProvider clock) => database.CreateStoreAsync(clock).GetAwaiter().GetResult();

    protected override Task TamperAsync(Tampering tampering, long sequence) => ExecuteAsync(
        tampering switch
        {
            Tampering.MeetingId => "UPDATE {0}.mt_events SET stream_id = 'asean-2022' WHERE seq_id = @s",
            Tampering.StreamVersion => "UPDATE {0}.mt_events SET version = version + 10 WHERE seq_id = @s",
            Tampering.EventId => "UPDATE {0}.mt_events SET id = '00000000-0000-4000-8000-000000000001' WHERE seq_id = @s",
            // Marten reads an event's type from its own mt_dotnet_type column, so a forger changes both.
            Tampering.EventType => $"UPDATE {{0}}.mt_events SET type = 'attendance-confirmed.v1', mt_dotnet_type = '{ConfirmedType}' WHERE seq_id = @s",
            Tampering.Data => "UPDATE {0}.mt_events SET data = jsonb_set(data, '{{participant}}', '\"Xi Jinping\"') WHERE seq_id = @s",
            Tampering.ReportedAt => Header("reportedAt", "2022-09-09"),
            Tampering.RecordedAt => "UPDATE {0}.mt_events SET timestamp = timestamp + interval '1 microsecond' WHERE seq_id = @s",
            Tampering.RecordedBy => "UPDATE {0}.mt_events SET user_name = 'someone else' WHERE seq_id = @s",
            Tampering.Outlet => Header("outlet", "Tampered Times"),
            Tampering.Url => Header("url", "https://example.org/tampered"),
            Tampering.PublishedAt => Header("publishedAt", "2022-09-01"),
            Tampering.Speaker => Header("speaker", "Someone Else"),
            Tampering.Quote => Header("quote", "words never said"),
            Tampering.CommandId => "UPDATE {0}.mt_events SET causation_id = 'cmd-tampered' WHERE seq_id = @s",
            Tampering.Hash => $"UPDATE {{0}}.timeline_chain SET hash = '{EventHash.Genesis}' WHERE seq_id = @s",
            Tampering.Deleted => "DELETE FROM {0}.timeline_chain WHERE seq_id = @s; DELETE FROM {0}.mt_events WHERE seq_id = @s",
            Tampering.SwappedWithNext => """
                CREATE TEMPORARY TABLE next_event AS SELECT min(seq_id) AS seq_id FROM {0}.mt_events WHERE seq_id > @s;
                UPDATE {0}.mt_events SET seq_id = -1 WHERE seq_id = @s;
                UPDATE {0}.mt_events SET seq_id = @s WHERE seq_id = (SELECT seq_id FROM next_event);
                UPDATE {0}.mt_events SET seq_id = (SELECT seq_id FROM next_event) WHERE seq_id = -1;
                UPDATE {0}.timeline_chain SET seq_id = -1 WHERE seq_id = @s;
                UPDATE {0}.timeline_chain SET seq_id = @s WHERE seq_id = (SELECT seq_id FROM next_event);
                UPDATE {0}.timeline_chain SET seq_id = (SELECT seq_id FROM next_event) WHERE seq_id = -1
                """,
            Tampering.InsertedBefore => """
                INSERT INTO {0}.mt_streams (id, type, version, timestamp, created, tenant_id, is_archived)
                VALUES ('inserted-meeting', NULL, 1, now(), now(), '*DEFAULT*', false);
                INSERT INTO {0}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type,
                                           is_archived, causation_id, headers, user_name)
                SELECT @s - 1, '00000000-0000-4000-8000-000000000003', 'inserted-meeting', 1, data, type, timestamp, tenant_id,
                       mt_dotnet_type, is_archived, 'cmd-inserted', headers, user_name
                FROM {0}.mt_events WHERE seq_id = @s;
                INSERT INTO {0}.timeline_chain (seq_id, hash) SELECT @s - 1, hash FROM {0}.timeline_chain WHERE seq_id = @s
                """,
            _ => throw new ArgumentOutOfRangeException(nameof(tampering), tampering, null),
        },
        ("s", sequence));

    protected override Task OverwriteHashAsync(long sequence, EventHash hash) =>
        ExecuteAsync("UPDATE {0}.timeline_chain SET hash = @hash WHERE seq_id = @s", ("s", sequence), ("hash", hash.Hex));

    private static readonly string ConfirmedType =
        $"{typeof(Domain.Meetings.MeetingEvent.AttendanceConfirmed).FullName}, {typeof(Domain.Meetings.MeetingEvent).Assembly.GetName().Name}";

    private static string Header(string key, string value) =>
        $"UPDATE {{0}}.mt_events SET headers = jsonb_set(headers, '{{{{{key}}}}}', '\"{value}\"') WHERE seq_id = @s";

    /// <param name="sql">With <c>{0}</c> for the store's schema.</param>
    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(await database.RequireAsync());
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, ((MartenEventStore)Store).Schema);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        Assert.True(await command.ExecuteNonQueryAsync(Cancel) > 0, $"'{command.CommandText}' changed nothing");
    }
}
