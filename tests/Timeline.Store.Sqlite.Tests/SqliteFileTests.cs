using Timeline.Core.Index;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Timeline.Core.Storage;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;
using static Timeline.Store.Contract.Seed;

namespace Timeline.Store.Sqlite.Tests;

/// <summary>What only the SQLite store promises: its file, its schema, and sharing the file between writers.</summary>
public sealed partial class SqliteFileTests(SqliteStoreFixture files) : IClassFixture<SqliteStoreFixture>, IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2022, 9, 8, 10, 30, 0, TimeSpan.Zero).AddTicks(1_234_567));
    private readonly List<SqliteEventStore> _stores = [];
    private int _commands;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }
    }

    private SqliteEventStore Open(string pathOrConnectionString)
    {
        var store = new SqliteEventStore(pathOrConnectionString, _clock);
        _stores.Add(store);
        return store;
    }

    private PendingEvent Pending(MeetingEvent @event, Source? source = null) =>
        new(Guid.NewGuid(), @event, ReportedAt.Parse("2022-09-08"), source ?? Ushakov, $"cmd-{Interlocked.Increment(ref _commands)}");

    private static SqliteConnection Raw(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static List<object?[]> Query(string path, string sql)
    {
        using var connection = Raw(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The versions a file created by this code records: one row per migration.</summary>
    private static readonly object[] Versions = [.. Enumerable.Range(1, SqliteEventStore.SchemaVersion).Select(v => (object)(long)v)];

    /// <summary>A schema version this code does not know yet.</summary>
    private const int Newer = SqliteEventStore.SchemaVersion + 1;

    private static void Execute(string path, string sql)
    {
        using var connection = Raw(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public void Constructing_a_store_touches_no_file()
    {
        var path = files.NewPath();

        Open(path);

        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task The_schema_is_created_on_first_use_at_the_current_version_in_WAL_mode_with_the_as_of_index_built()
    {
        var path = files.NewPath();

        Assert.Equal(0, await Open(path).CountAsync(Cancel));

        var tables = Query(path, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name").Select(r => r[0]);
        // meeting_state_bounds and its shadow tables: the R*Tree of the as-of index.
        Assert.Equal(
            [
                "commands", "events", "index_format", "meeting_participants", "meeting_state_bounds", "meeting_state_bounds_node",
                "meeting_state_bounds_parent", "meeting_state_bounds_rowid", "meeting_states", "report_days", "schema_version", "source_keys",
            ],
            tables);
        Assert.Equal(Versions, Query(path, "SELECT version FROM schema_version ORDER BY version").Select(r => r[0]));
        Assert.Equal([(long)MeetingStates.FormatVersion], Query(path, "SELECT version FROM index_format").Select(r => r[0]));
        Assert.Equal("wal", Query(path, "PRAGMA journal_mode")[0][0]);
    }

    [Fact]
    public async Task A_file_at_version_1_gets_the_keys_of_its_speakers_and_outlets_on_first_use()
    {
        var path = files.NewPath();
        var store = Open(path);
        var stored = await store.AppendAsync(
            [new StreamAppend(G20, 0, [Pending(G20Announced, Peskov), Pending(PutinExpected, Ushakov), Pending(PutinConfirmed, UshakovInRussian)])], "analyst", Cancel);
        store.Dispose();
        // What version 1 was: the same tables without the keys, their indexes and the hash chain.
        Execute(path, """
            DROP TRIGGER source_keys_on_insert; DROP TABLE source_keys; DROP INDEX events_by_speaker_key; DROP INDEX events_by_outlet_key;
            ALTER TABLE events DROP COLUMN hash; DELETE FROM schema_version WHERE version > 1
            """);

        var reopened = Open(path);
        var byUshakov = await reopened.ReadAllAsync(new EventQuery { Speaker = "USHAKOV" }, Cancel).ToListAsync(Cancel);
        var byUshakovInRussian = await reopened.ReadAllAsync(new EventQuery { Speaker = "ушаков" }, Cancel).ToListAsync(Cancel);
        var byOutlet = await reopened.ReadAllAsync(new EventQuery { Outlet = "kremlin" }, Cancel).ToListAsync(Cancel);

        Assert.Equal([stored[1]], byUshakov);
        Assert.Equal([stored[2]], byUshakovInRussian);
        Assert.Equal([stored[0]], byOutlet);
        Assert.Equal(Versions, Query(path, "SELECT version FROM schema_version ORDER BY version").Select(r => r[0]));
        Assert.Equal(
            ["dmitry peskov", "kremlin.ru", "tass", "yury ushakov", "тасс", "юрий ушаков"],
            Query(path, "SELECT key FROM source_keys ORDER BY key").Select(r => r[0]));
    }

    [Fact]
    public async Task Opening_the_file_again_keeps_its_events_and_continues_its_sequence_and_versions()
    {
        var path = files.NewPath();
        var first = Open(path);
        var before = await first.AppendAsync([new StreamAppend(G20, 0, [Pending(G20Announced), Pending(PutinExpected)])], "analyst", Cancel);
        first.Dispose();

        var reopened = Open(path);
        var after = await reopened.AppendAsync([new StreamAppend(G20, 2, [Pending(PutinConfirmed)])], "analyst", Cancel);

        Assert.Equal([.. before, .. after], await reopened.ReadStreamAsync(G20, Cancel));
        Assert.Equal(3, after[0].StreamVersion);
        Assert.Equal(before[^1].Sequence + 1, after[0].Sequence);
        Assert.Equal(3, await reopened.CountAsync(Cancel));
        Assert.Equal(Versions, Query(path, "SELECT version FROM schema_version ORDER BY version").Select(r => r[0]));
    }

    [Fact]
    public async Task A_writer_whose_clock_is_behind_the_last_append_still_leaves_the_index_rows_computed_from_the_log()
    {
        // Two processes on one file, one clock an hour behind: the index is advanced append by append while recordedAt
        // moves forward, and computed afresh for a meeting with something recorded after the append.
        var path = files.NewPath();
        var ahead = Open(path);
        await ahead.AppendAsync([new StreamAppend(G20, 0, [Pending(G20Announced), Pending(PutinExpected)])], "analyst", Cancel);
        var behind = new SqliteEventStore(path, new FakeTimeProvider(_clock.GetUtcNow().AddHours(-1)));
        _stores.Add(behind);
        await behind.AppendAsync([new StreamAppend(G20, 2, [Pending(PutinConfirmed)])], "analyst", Cancel);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await ahead.AppendAsync([new StreamAppend(G20, 3, [Pending(PutinDeclined)])], "analyst", Cancel);

        var log = await ahead.ReadAllAsync(EventQuery.All, Cancel).ToListAsync(Cancel);
        var rows = MeetingStates.Of(log);
        Assert.Equal(
            rows.Select(r => (r.ReportedFrom, r.ReportedTo, r.RecordedFrom, r.RecordedTo, r.Snapshot)).Order(),
            Query(path, "SELECT reported_from, reported_to, recorded_from, recorded_to, snapshot FROM meeting_states")
                .Select(r => ((long)r[0]!, (long)r[1]!, (long)r[2]!, (long)r[3]!, (string)r[4]!)).Order());
        Assert.Contains(rows, r => r.RecordedTo != MeetingStates.Open);
    }

    [Fact]
    public async Task Several_stores_opening_one_new_file_at_once_create_the_schema_once()
    {
        var path = files.NewPath();
        var stores = Enumerable.Range(0, 4).Select(i => Open(i % 2 == 0 ? path : $"Data Source={path};Cache=Private")).ToList();

        await Task.WhenAll(stores.Select(s => Task.Run(() => s.CountAsync(Cancel), Cancel)));

        Assert.Equal(Versions, Query(path, "SELECT version FROM schema_version ORDER BY version").Select(r => r[0]));
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_refused_with_a_message_naming_it()
    {
        var path = files.NewPath();
        await File.WriteAllTextAsync(path, "Putin expected at the G20 summit in Bali, 15-16 November 2022, Ushakov says.\n", Cancel);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Open(path).ReadStreamAsync(G20, Cancel));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a SQLite database", error.Message, StringComparison.Ordinal);
        Assert.Equal("Putin expected at the G20 summit in Bali, 15-16 November 2022, Ushakov says.\n", await File.ReadAllTextAsync(path, Cancel));
    }

    [Fact]
    public async Task A_database_of_another_application_is_refused_and_left_alone()
    {
        var path = files.NewPath();
        Execute(path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Yury Ushakov');");

        var error = await Assert.ThrowsAsync<InvalidDataException>(
            () => Open(path).AppendAsync([new StreamAppend(G20, 0, [Pending(G20Announced)])], "analyst", Cancel));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("contacts", error.Message, StringComparison.Ordinal);
        Assert.Equal(["contacts"], Query(path, "SELECT name FROM sqlite_schema WHERE type = 'table'").Select(r => r[0]));
    }

    [Fact]
    public async Task A_file_with_a_newer_schema_version_is_refused_with_a_message_naming_both_versions()
    {
        var path = files.NewPath();
        var store = Open(path);
        await store.AppendAsync([new StreamAppend(G20, 0, [Pending(G20Announced)])], "analyst", Cancel);
        store.Dispose();
        Execute(path, $"INSERT INTO schema_version (version, applied_at) VALUES ({Newer}, '2030-01-01T00:00:00.000000Z')");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Open(path).ReadStreamAsync(G20, Cancel));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains($"schema version {Newer}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"up to {SqliteEventStore.SchemaVersion}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_that_does_not_exist_makes_the_store_unavailable_naming_the_path()
    {
        var path = Path.Combine(files.Folder, "no-such-folder", "timeline.db");

        var error = await Assert.ThrowsAsync<StoreUnavailable>(() => Open(path).CountAsync(Cancel));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be opened", error.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(path, error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(":memory:")]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=timeline;Mode=Memory;Cache=Shared")]
    [InlineData("   ")]
    public void A_store_needs_a_file(string pathOrConnectionString)
    {
        Assert.ThrowsAny<ArgumentException>(() => new SqliteEventStore(pathOrConnectionString, _clock));
    }

    [Fact]
    public async Task A_connection_string_opens_the_same_file_as_its_path()
    {
        var path = files.NewPath();
        await Open(path).AppendAsync([new StreamAppend(G20, 0, [Pending(G20Announced)])], "analyst", Cancel);

        var viaConnectionString = Open($"Data Source={path};Cache=Private");

        Assert.Equal(path, viaConnectionString.DataSource);
        Assert.Single(await viaConnectionString.ReadStreamAsync(G20, Cancel));
    }

    [Fact]
    public async Task Instants_are_stored_as_fixed_width_UTC_text_and_search_keys_beside_the_original()
    {
        var path = files.NewPath();
        var pending = Pending(G20Announced, UshakovInRussian) with { ReportedAt = ReportedAt.Parse("2022-09-08T12:14+03:00") };

        await Open(path).AppendAsync([new StreamAppend(G20, 0, [pending])], "analyst", Cancel);

        var row = Assert.Single(Query(path, "SELECT reported_at, reported_at_utc, recorded_at, speaker, speaker_key, outlet_key, data FROM events"));
        Assert.Equal("2022-09-08T12:14+03:00", row[0]);
        Assert.Equal("2022-09-08T09:14:00.0000000Z", row[1]);
        Assert.Equal("2022-09-08T10:30:00.123456Z", row[2]);
        Assert.Equal("Юрий Ушаков", row[3]);
        Assert.Equal("юрий ушаков", row[4]);
        Assert.Equal("тасс", row[5]);
        Assert.Contains("\"dates\":\"2022-11-15/2022-11-16\"", (string)row[6]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_id_already_stored_is_refused_and_nothing_is_written()
    {
        var store = Open(files.NewPath());
        var announced = Pending(G20Announced);
        await store.AppendAsync([new StreamAppend(G20, 0, [announced])], "analyst", Cancel);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => store.AppendAsync([new StreamAppend(Apec, 0, [Pending(ApecAnnounced) with { EventId = announced.EventId }])], "analyst", Cancel));

        Assert.Contains("event id", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await store.CountAsync(Cancel));
    }

    [Fact]
    public async Task An_append_waits_for_a_write_lock_held_elsewhere_instead_of_failing()
    {
        var path = files.NewPath();
        var store = Open(path);
        await store.CountAsync(Cancel);
        using var other = Raw(path);
        using var lockHolder = other.BeginTransaction(deferred: false);

        // Microsoft.Data.Sqlite waits for a lock synchronously, so the append runs on a thread of its own.
        var append = Task.Run(() => store.AppendAsync([new StreamAppend(G20, 0, [Pending(G20Announced)])], "analyst", Cancel), Cancel);
        await Task.Delay(TimeSpan.FromMilliseconds(300), Cancel);
        var waited = !append.IsCompleted;
        lockHolder.Commit();

        Assert.True(waited, "the append should wait while another connection holds the write lock");
        Assert.Single(await append);
    }

    [Fact]
    public async Task An_append_that_waits_past_the_busy_timeout_for_a_lock_held_elsewhere_fails_as_unavailable_and_writes_nothing()
    {
        var path = files.NewPath();
        var store = new SqliteEventStore(path, _clock, busyTimeout: TimeSpan.FromMilliseconds(300));
        _stores.Add(store);
        await store.CountAsync(Cancel);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        StoreUnavailable error;
        using (var other = Raw(path))
        using (var lockHolder = other.BeginTransaction(deferred: false))
        {
            // Microsoft.Data.Sqlite waits for a lock synchronously, so the append runs on a thread of its own.
            error = await Assert.ThrowsAsync<StoreUnavailable>(
                () => Task.Run(() => store.AppendAsync([new StreamAppend(G20, 0, [Pending(G20Announced)])], "analyst", Cancel), Cancel));
        }

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));
        Assert.StartsWith($"the Timeline store '{path}' is unavailable: another writer has held it locked for more than 0.3 s", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(0, await store.CountAsync(Cancel));
        Assert.Single(await store.AppendAsync([new StreamAppend(G20, 0, [Pending(G20Announced)])], "analyst", Cancel));
    }

    [Fact]
    public void A_busy_timeout_under_100_ms_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SqliteEventStore(files.NewPath(), _clock, TimeSpan.FromMilliseconds(99)));
    }

    [Fact]
    public async Task Two_stores_on_one_file_racing_for_a_stream_get_a_write_conflict_never_a_lock_error()
    {
        var path = files.NewPath();
        var stores = new[] { Open(path), Open($"Data Source={path};Cache=Private") };
        await stores[0].AppendAsync([new StreamAppend(G20, 0, [Pending(G20Announced)])], "analyst", Cancel);

        for (var round = 1; round <= 5; round++)
        {
            var expected = round;
            var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(
                async () =>
                {
                    try
                    {
                        await stores[i % 2].AppendAsync([new StreamAppend(G20, expected, [Pending(PutinExpected)])], $"writer-{i}", Cancel);
                        return "won";
                    }
                    catch (WriteConflict)
                    {
                        return "conflict";
                    }
                },
                Cancel)));

            Assert.Equal(1, outcomes.Count(o => o == "won"));
            Assert.Equal(7, outcomes.Count(o => o == "conflict"));
        }

        Assert.Equal(Enumerable.Range(1, 6).Select(v => (long)v), (await stores[1].ReadStreamAsync(G20, Cancel)).Select(e => e.StreamVersion));
    }

    [Fact]
    public async Task Two_stores_on_one_file_appending_to_different_streams_lose_nothing()
    {
        var path = files.NewPath();
        var stores = new[] { Open(path), Open($"Data Source={path};Cache=Private") };
        var streams = Enumerable.Range(0, 12).Select(i => MeetingId.Parse($"visit-{i}-2022")).ToList();

        await Task.WhenAll(streams.Select((stream, i) => Task.Run(
            async () =>
            {
                for (var version = 0; version < 5; version++)
                {
                    await stores[i % 2].AppendAsync([new StreamAppend(stream, version, [Pending(PutinExpected)])], "importer", Cancel);
                }
            },
            Cancel)));

        var all = await stores[0].ReadAllAsync(EventQuery.All, Cancel).ToListAsync(Cancel);
        Assert.Equal(60, all.Count);
        Assert.Equal(Enumerable.Range(1, 60).Select(s => (long)s), all.Select(e => e.Sequence));
        Assert.All(streams, stream => Assert.Equal(5, all.Count(e => e.Stream == stream)));
    }
}
