using Timeline.Core.Chain;
using Timeline.Core.Serialization;
using Timeline.Core.Storage;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;
using static Timeline.Store.Contract.Seed;

namespace Timeline.Store.Sqlite.Tests;

/// <summary>Maintenance as only the SQLite file shows it: the exact migrate lines, sqlite_sequence, the raw rows.</summary>
public sealed partial class SqliteFileTests
{
    private static readonly DateTimeOffset Recorded = new(2022, 9, 8, 10, 30, 0, TimeSpan.Zero);

    private static StoredEvent Exported(long sequence, MeetingId stream, long streamVersion, MeetingEvent @event, string? commandId = null, Guid? eventId = null) =>
        new(
            sequence,
            stream,
            streamVersion,
            eventId ?? Guid.NewGuid(),
            EventTypeMap.NameOf(@event),
            @event,
            ReportedAt.Parse("2022-09-08"),
            RecordedAt.Exactly(Recorded.AddMinutes(sequence)),
            "analyst",
            Ushakov,
            commandId ?? $"cmd-export-{sequence}");

    private static async IAsyncEnumerable<StoredEvent> ExportOf(IEnumerable<StoredEvent> events, TimeSpan? pause = null)
    {
        foreach (var stored in events)
        {
            await (pause is { } wait ? Task.Delay(wait, Cancel) : Task.CompletedTask);
            yield return stored;
        }
    }

    [Fact]
    public async Task Migrate_on_a_new_file_creates_the_schema_and_says_so_then_says_it_is_current()
    {
        var path = files.NewPath();
        var store = Open(path);

        Assert.Equal($"created schema version {SqliteEventStore.SchemaVersion} in {path}", await store.MigrateAsync(Cancel));
        Assert.Equal($"schema version {SqliteEventStore.SchemaVersion} is current in {path}", await store.MigrateAsync(Cancel));
        Assert.Equal($"schema version {SqliteEventStore.SchemaVersion} is current in {path}", await Open(path).MigrateAsync(Cancel));

        Assert.Equal(Versions, Query(path, "SELECT version FROM schema_version ORDER BY version").Select(r => r[0]));
        Assert.Equal("wal", Query(path, "PRAGMA journal_mode")[0][0]);
    }

    [Fact]
    public async Task Migrating_a_file_from_before_the_chain_hashes_its_events_in_sequence_order_and_appends_chain_on()
    {
        var path = files.NewPath();
        var store = Open(path);
        await store.AppendAsync([new StreamAppend(G20, 0, [Pending(G20Announced), Pending(PutinExpected)])], "analyst", Cancel);
        await store.AppendAsync([new StreamAppend(Apec, 0, [Pending(ApecAnnounced)])], "analyst", Cancel);
        store.Dispose();
        // What schema version 3, the last before the chain, left: no hash column, and versions 1 to 3 recorded.
        Execute(path, "ALTER TABLE events DROP COLUMN hash; DELETE FROM schema_version WHERE version > 3");

        var migrated = Open(path);
        Assert.Equal($"migrated schema version 3 to {SqliteEventStore.SchemaVersion} in {path}", await migrated.MigrateAsync(Cancel));
        await migrated.AppendAsync([new StreamAppend(Apec, 1, [Pending(PutinPossible)])], "analyst", Cancel);

        var log = await migrated.ReadAllAsync(EventQuery.All, Cancel).ToListAsync(Cancel);
        Assert.Equal(HashChain.Link(EventHash.Genesis, [.. log.Select(e => e with { Hash = null })]), log);
        Assert.Equal(new VerifyDocument(true, 4, null), await ChainCheck.VerifyAsync(migrated, null, Cancel));
    }

    [Fact]
    public async Task Migrating_to_the_chain_again_keeps_the_hash_column_and_the_hashes_it_holds()
    {
        var path = files.NewPath();
        var store = Open(path);
        await store.AppendAsync([new StreamAppend(G20, 0, [Pending(G20Announced), Pending(PutinExpected)])], "analyst", Cancel);
        var chained = await store.ReadAllAsync(EventQuery.All, Cancel).ToListAsync(Cancel);
        store.Dispose();
        // The column and a stored hash are there, but version 4 is not recorded; the second event's hash is forged.
        Execute(path, "DELETE FROM schema_version WHERE version > 3; UPDATE events SET hash = '" + new string('0', 64) + "' WHERE sequence = 2");

        var migrated = Open(path);
        Assert.Equal($"migrated schema version 3 to {SqliteEventStore.SchemaVersion} in {path}", await migrated.MigrateAsync(Cancel));

        Assert.Equal(chained[0].Hash, (await migrated.ReadAllAsync(EventQuery.All, Cancel).FirstAsync(Cancel)).Hash);
        Assert.Equal(2, (await ChainCheck.VerifyAsync(migrated, null, Cancel)).FirstBad?.Sequence);
    }

    [Fact]
    public async Task Migrate_on_a_file_another_operation_already_set_up_says_it_is_current()
    {
        var path = files.NewPath();
        await Open(path).CountAsync(Cancel);

        Assert.Equal($"schema version {SqliteEventStore.SchemaVersion} is current in {path}", await Open(path).MigrateAsync(Cancel));
    }

    [Fact]
    public async Task Migrate_refuses_a_newer_schema_naming_both_versions_and_changes_nothing()
    {
        var path = files.NewPath();
        await Open(path).MigrateAsync(Cancel);
        Execute(path, $"INSERT INTO schema_version (version, applied_at) VALUES ({Newer}, '2030-01-01T00:00:00.000000Z')");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Open(path).MigrateAsync(Cancel));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains($"schema version {Newer}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"up to {SqliteEventStore.SchemaVersion}", error.Message, StringComparison.Ordinal);
        Assert.Equal([.. Versions, (long)Newer], Query(path, "SELECT version FROM schema_version ORDER BY version").Select(r => r[0]));
    }

    [Fact]
    public async Task Migrate_refuses_a_database_of_another_application_and_leaves_it_alone()
    {
        var path = files.NewPath();
        Execute(path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Yury Ushakov');");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Open(path).MigrateAsync(Cancel));

        Assert.Contains("contacts", error.Message, StringComparison.Ordinal);
        Assert.Equal(["contacts"], Query(path, "SELECT name FROM sqlite_schema WHERE type = 'table'").Select(r => r[0]));
    }

    [Fact]
    public async Task Migrate_refuses_a_file_that_is_not_a_database()
    {
        var path = files.NewPath();
        await File.WriteAllTextAsync(path, "not a database\n", Cancel);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Open(path).MigrateAsync(Cancel));

        Assert.Contains("not a SQLite database", error.Message, StringComparison.Ordinal);
        Assert.Equal("not a database\n", await File.ReadAllTextAsync(path, Cancel));
    }

    [Fact]
    public async Task A_restore_raises_sqlite_sequence_to_its_highest_sequence_so_appends_take_the_next_one_even_after_reopening()
    {
        var path = files.NewPath();
        var store = Open(path);
        await store.RestoreAsync(
            ExportOf([Exported(1, G20, 1, G20Announced), Exported(2, Apec, 1, ApecAnnounced), Exported(5, G20, 2, PutinExpected), Exported(9, Asean, 1, AseanAnnounced)]),
            Cancel);

        Assert.Equal([9L], Query(path, "SELECT seq FROM sqlite_sequence WHERE name = 'events'").Select(r => r[0]));
        var next = await store.AppendAsync([new StreamAppend(G20, 2, [Pending(PutinConfirmed)])], "analyst", Cancel);
        store.Dispose();
        var after = await Open(path).AppendAsync([new StreamAppend(Apec, 1, [Pending(PutinExpected)])], "analyst", Cancel);

        Assert.Equal(10, next[0].Sequence);
        Assert.Equal(3, next[0].StreamVersion);
        Assert.Equal(11, after[0].Sequence);
    }

    [Fact]
    public async Task A_restored_file_holds_the_same_rows_as_the_file_it_was_exported_from()
    {
        var sourcePath = files.NewPath();
        var source = Open(sourcePath);
        await source.AppendAsync([new StreamAppend(G20, 0, [Pending(G20Announced, UshakovInRussian), Pending(PutinExpected, InjectionLooking)])], "Юлия", Cancel);
        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromTicks(7));
        await source.AppendAsync(
            [new StreamAppend(Apec, 0, [Pending(ApecAnnounced, Source.None) with { ReportedAt = ReportedAt.Parse("2022-09-08T12:14:00.1234567+03:00") }])],
            "analyst",
            Cancel);
        var targetPath = files.NewPath();

        await Open(targetPath).RestoreAsync(source.ReadAllAsync(EventQuery.All, Cancel), Cancel);

        Assert.Equal(Query(sourcePath, "SELECT * FROM events ORDER BY sequence"), Query(targetPath, "SELECT * FROM events ORDER BY sequence"));
        Assert.Equal(Query(sourcePath, "SELECT * FROM commands ORDER BY command_id"), Query(targetPath, "SELECT * FROM commands ORDER BY command_id"));
        Assert.Equal(Query(sourcePath, "SELECT * FROM sqlite_sequence"), Query(targetPath, "SELECT * FROM sqlite_sequence"));
    }

    [Fact]
    public async Task A_restored_command_takes_recordedAt_and_recordedBy_from_its_first_event()
    {
        var path = files.NewPath();

        await Open(path).RestoreAsync(
            ExportOf([
                Exported(3, G20, 1, G20Announced, commandId: "cmd-autumn"),
                Exported(4, Apec, 1, ApecAnnounced, commandId: "cmd-autumn") with { RecordedBy = "someone else" },
                Exported(7, G20, 2, PutinExpected, commandId: "cmd-g20-expected"),
            ]),
            Cancel);

        Assert.Equal(
            [["cmd-autumn", "2022-09-08T10:33:00.000000Z", "analyst"], ["cmd-g20-expected", "2022-09-08T10:37:00.000000Z", "analyst"]],
            Query(path, "SELECT command_id, recorded_at, recorded_by FROM commands ORDER BY command_id"));
    }

    [Fact]
    public async Task Of_two_stores_restoring_into_one_file_at_once_one_wins_and_the_other_finds_it_not_empty()
    {
        var path = files.NewPath();
        var stores = new[] { Open(path), Open($"Data Source={path};Cache=Private") };
        IReadOnlyList<StoredEvent>[] exports =
        [
            HashChain.Link(EventHash.Genesis, [.. Enumerable.Range(1, 15).Select(i => Exported(i, G20, i, PutinExpected))]),
            HashChain.Link(EventHash.Genesis, [.. Enumerable.Range(1, 15).Select(i => Exported(i, Apec, i, PutinPossible))]),
        ];

        // Microsoft.Data.Sqlite waits for the write lock synchronously, so each restore runs on a thread of its own.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => Task.Run(
            async () =>
            {
                try
                {
                    await stores[i].RestoreAsync(ExportOf(exports[i], TimeSpan.FromMilliseconds(2)), Cancel);
                    return true;
                }
                catch (StoreNotEmpty)
                {
                    return false;
                }
            },
            Cancel)));

        Assert.Single(outcomes, won => won);
        Assert.Equal(exports[Array.IndexOf(outcomes, true)], await stores[0].ReadAllAsync(EventQuery.All, Cancel).ToListAsync(Cancel));
    }

    [Fact]
    public async Task A_file_with_commands_but_no_events_is_not_empty_for_a_restore()
    {
        var path = files.NewPath();
        var store = Open(path);
        await store.MigrateAsync(Cancel);
        Execute(path, "INSERT INTO commands (command_id, recorded_at, recorded_by) VALUES ('cmd-orphan', '2022-09-08T10:30:00.000000Z', 'analyst')");

        var error = await Assert.ThrowsAsync<StoreNotEmpty>(() => store.RestoreAsync(ExportOf([Exported(1, G20, 1, G20Announced)]), Cancel));

        Assert.Contains("command", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await store.CountAsync(Cancel));
    }
}

/// <summary>The as-of index as the file shows it: built when a version-1 file is migrated, and when its format is older.</summary>
public sealed partial class SqliteFileTests
{
    [Fact]
    public async Task Migrating_a_version_2_file_with_events_builds_the_as_of_index_from_its_log()
    {
        var path = files.NewPath();
        var store = Open(path);
        await store.AppendAsync([new StreamAppend(G20, 0, [Pending(G20Announced), Pending(PutinExpected)])], "analyst", Cancel);
        var expected = await store.ReadStatesAsync(Timeline.Core.Index.StateQuery.Now, Cancel);
        store.Dispose();
        // What a version-2 file holds: the log, none of version 3's tables and no hash column (version 4).
        Execute(path, """
            DROP TABLE meeting_state_bounds; DROP TABLE meeting_participants; DROP TABLE meeting_states;
            DROP TABLE report_days; DROP TABLE index_format; ALTER TABLE events DROP COLUMN hash;
            DELETE FROM schema_version WHERE version > 2;
            """);

        Assert.Equal($"migrated schema version 2 to {SqliteEventStore.SchemaVersion} in {path}", await Open(path).MigrateAsync(Cancel));

        Assert.Equal([1L], Query(path, "SELECT COUNT(*) FROM meeting_states").Select(r => r[0]));
        var migrated = await Open(path).ReadStatesAsync(Timeline.Core.Index.StateQuery.Now, Cancel);
        Assert.Equal(expected.Select(Timeline.Core.Index.MeetingStates.Write), migrated.Select(Timeline.Core.Index.MeetingStates.Write));
        Assert.Equal("expected", migrated.Single().Meeting.Participants.Single().Attendance.ToString().ToLowerInvariant());
    }

    [Fact]
    public async Task An_index_of_an_older_format_is_rebuilt_on_first_use()
    {
        var path = files.NewPath();
        var store = Open(path);
        await store.AppendAsync([new StreamAppend(G20, 0, [Pending(G20Announced)])], "analyst", Cancel);
        store.Dispose();
        Execute(path, "DELETE FROM meeting_state_bounds; DELETE FROM meeting_states; DELETE FROM report_days; UPDATE index_format SET version = 0;");

        var states = await Open(path).ReadStatesAsync(Timeline.Core.Index.StateQuery.Now, Cancel);

        Assert.Equal(["g20-2022"], states.Select(s => s.Meeting.Id));
        Assert.Equal([(long)Timeline.Core.Index.MeetingStates.FormatVersion], Query(path, "SELECT version FROM index_format").Select(r => r[0]));
        Assert.Equal([1L], Query(path, "SELECT SUM(reports) FROM report_days").Select(r => r[0]));
    }
}
