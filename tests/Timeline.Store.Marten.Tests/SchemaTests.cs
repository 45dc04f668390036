using Timeline.Core.Chain;
using Microsoft.Extensions.Time.Testing;
using Timeline.Core.Serialization;
using Timeline.Core.Storage;
using Timeline.Domain.Dates;
using static Timeline.Store.Contract.Seed;

namespace Timeline.Store.Marten.Tests;

/// <summary>The schema on PostgreSQL: created on first use, migrated on demand, never touched with DDL off.</summary>
public sealed class SchemaTests(MartenStoreFixture database) : IClassFixture<MartenStoreFixture>
{
    private static readonly string[] Tables = ["mt_events", "mt_streams", "timeline_commands", "timeline_schema_version", "timeline_api_keys", "timeline_chain"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2022, 9, 8, 10, 30, 0, TimeSpan.Zero));

    private static PendingEvent Pending(Timeline.Domain.Meetings.MeetingEvent @event, string? commandId = null) =>
        new(Guid.NewGuid(), @event, ReportedAt.Parse("2022-09-08"), Ushakov, commandId ?? $"cmd-{Guid.NewGuid():N}");

    private async Task<bool[]> TablesExistAsync(string schema)
    {
        var connection = await database.RequireAsync();
        return await Task.WhenAll(Tables.Select(table => PostgresSql.TableExistsAsync(connection, schema, table)));
    }

    [Fact]
    public async Task Constructing_a_store_touches_nothing_and_its_first_use_creates_the_schema()
    {
        var schema = database.NewSchema();
        await using var store = await database.CreateStoreAsync(_clock, new() { Schema = schema });
        Assert.All(await TablesExistAsync(schema), Assert.False);

        Assert.Empty(await store.ReadStreamAsync(G20, Cancel));

        Assert.All(await TablesExistAsync(schema), Assert.True);
        Assert.Equal(MartenEventStore.SchemaVersion, await PostgresSql.ScalarAsync<int>(await database.RequireAsync(), $"SELECT max(version) FROM {schema}.timeline_schema_version"));
    }

    [Fact]
    public async Task Migrate_creates_the_schema_once_and_then_says_it_is_current_from_any_instance()
    {
        var schema = database.NewSchema();
        await using var first = await database.CreateStoreAsync(_clock, new() { Schema = schema, CreateSchemaOnFirstUse = false });
        await using var second = await database.CreateStoreAsync(_clock, new() { Schema = schema });

        var created = await first.MigrateAsync(Cancel);
        var again = await first.MigrateAsync(Cancel);
        var fromAnother = await second.MigrateAsync(Cancel);

        Assert.StartsWith($"created the Timeline schema '{schema}'", created, StringComparison.Ordinal);
        Assert.Contains("is current", again, StringComparison.Ordinal);
        Assert.Equal(again, fromAnother);
        Assert.All(await TablesExistAsync(schema), Assert.True);
        await first.AppendAsync([new StreamAppend(G20, 0, [Pending(G20Announced)])], "analyst", Cancel);
        Assert.Single(await second.ReadStreamAsync(G20, Cancel));
    }

    [Fact]
    public async Task With_DDL_off_an_empty_database_fails_clearly_on_every_operation_and_is_left_untouched_until_migrated()
    {
        var schema = database.NewSchema();
        await using var store = await database.CreateStoreAsync(_clock, new() { Schema = schema, CreateSchemaOnFirstUse = false });

        var onRead = await Assert.ThrowsAsync<InvalidDataException>(() => store.ReadStreamAsync(G20, Cancel));
        var onAppend = await Assert.ThrowsAsync<InvalidDataException>(() => store.AppendAsync([new StreamAppend(G20, 0, [Pending(G20Announced)])], "analyst", Cancel));
        var onCount = await Assert.ThrowsAsync<InvalidDataException>(() => store.CountAsync(Cancel));
        var onKeys = await Assert.ThrowsAsync<InvalidDataException>(() => store.ListKeysAsync(Cancel));

        Assert.All([onRead, onAppend, onCount, onKeys], e =>
        {
            Assert.Contains("no Timeline schema", e.Message, StringComparison.Ordinal);
            Assert.Contains("timeline migrate", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', e.Message);
        });
        Assert.All(await TablesExistAsync(schema), Assert.False);

        await store.MigrateAsync(Cancel);

        Assert.Equal(0, await store.CountAsync(Cancel));
        await using var another = await database.CreateStoreAsync(_clock, new() { Schema = schema, CreateSchemaOnFirstUse = false });
        await another.AppendAsync([new StreamAppend(G20, 0, [Pending(G20Announced)])], "analyst", Cancel);
        Assert.Equal(1, await store.CountAsync(Cancel));
    }

    [Fact]
    public async Task A_schema_written_by_a_newer_Timeline_is_refused()
    {
        var schema = database.NewSchema();
        await using (var store = await database.CreateStoreAsync(_clock, new() { Schema = schema }))
        {
            await store.MigrateAsync(Cancel);
        }
        var newer = MartenEventStore.SchemaVersion + 1;
        await PostgresSql.ScalarAsync<object>(await database.RequireAsync(), $"INSERT INTO {schema}.timeline_schema_version VALUES ({newer}, now())");
        await using var later = await database.CreateStoreAsync(_clock, new() { Schema = schema });

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => later.CountAsync(Cancel));
        var onMigrate = await Assert.ThrowsAsync<InvalidDataException>(() => later.MigrateAsync(Cancel));

        Assert.Contains($"version {newer}", error.Message, StringComparison.Ordinal);
        Assert.Contains("newer Timeline", onMigrate.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A schema as Timeline with schema version 1 left it, holding one event: the current schema without
    /// <c>timeline_api_keys</c> and <c>timeline_chain</c>, and with version 1 as the only recorded version. Versions 2
    /// and 3 changed nothing else, so this is exactly what version 1 created.
    /// </summary>
    private async Task<string> Version1SchemaAsync()
    {
        var schema = database.NewSchema();
        await using (var store = await database.CreateStoreAsync(_clock, new() { Schema = schema }))
        {
            await store.AppendAsync([new StreamAppend(G20, 0, [Pending(G20Announced)])], "analyst", Cancel);
        }
        var connection = await database.RequireAsync();
        await PostgresSql.ScalarAsync<object>(connection, $"DROP TABLE {schema}.timeline_api_keys");
        await PostgresSql.ScalarAsync<object>(connection, $"DROP TABLE {schema}.timeline_chain");
        await PostgresSql.ScalarAsync<object>(connection, $"DELETE FROM {schema}.timeline_schema_version");
        await PostgresSql.ScalarAsync<object>(connection, $"INSERT INTO {schema}.timeline_schema_version VALUES (1, '2025-01-01T00:00:00Z')");
        Assert.False(await PostgresSql.TableExistsAsync(connection, schema, "timeline_api_keys"));
        return schema;
    }

    private async Task<int[]> RecordedVersionsAsync(string schema)
    {
        var versions = new List<int>();
        await using var connection = new Npgsql.NpgsqlConnection(await database.RequireAsync());
        await connection.OpenAsync(Cancel);
        await using var command = new Npgsql.NpgsqlCommand($"SELECT version FROM {schema}.timeline_schema_version ORDER BY version", connection);
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        while (await reader.ReadAsync(Cancel))
        {
            versions.Add(reader.GetInt32(0));
        }
        return [.. versions];
    }

    [Fact]
    public async Task Migrate_takes_a_version_1_schema_to_the_current_version_adding_the_key_table_and_chaining_the_events()
    {
        var schema = await Version1SchemaAsync();
        await using var store = await database.CreateStoreAsync(_clock, new() { Schema = schema, CreateSchemaOnFirstUse = false });

        var migrated = await store.MigrateAsync(Cancel);
        var again = await store.MigrateAsync(Cancel);

        Assert.Equal($"migrated the Timeline schema '{schema}' in {store.Where} to version {MartenEventStore.SchemaVersion}", migrated);
        Assert.Contains($"is current (version {MartenEventStore.SchemaVersion})", again, StringComparison.Ordinal);
        Assert.Equal(new[] { 1, MartenEventStore.SchemaVersion }, await RecordedVersionsAsync(schema));
        Assert.All(await TablesExistAsync(schema), Assert.True);
        var migratedEvent = Assert.Single(await store.ReadStreamAsync(G20, Cancel));
        Assert.Equal(HashChain.Next(EventHash.Genesis, migratedEvent with { Hash = null }), migratedEvent.Hash);
        var key = new ApiKey("desk", KeyRole.Admin, new string('a', 64), _clock.GetUtcNow(), "ops");
        await store.AddKeyAsync(key, Cancel);
        Assert.Equal(key, await store.FindActiveKeyAsync(key.Hash, Cancel));
    }

    [Fact]
    public async Task With_DDL_off_a_version_1_schema_is_refused_as_out_of_date_until_migrated()
    {
        var schema = await Version1SchemaAsync();
        await using var store = await database.CreateStoreAsync(_clock, new() { Schema = schema, CreateSchemaOnFirstUse = false });

        var onKeys = await Assert.ThrowsAsync<InvalidDataException>(() => store.ListKeysAsync(Cancel));
        var onRead = await Assert.ThrowsAsync<InvalidDataException>(() => store.ReadStreamAsync(G20, Cancel));

        Assert.All([onKeys, onRead], e =>
        {
            Assert.Contains($"out-of-date Timeline schema (version 1, this Timeline needs {MartenEventStore.SchemaVersion})", e.Message, StringComparison.Ordinal);
            Assert.Contains("timeline migrate", e.Message, StringComparison.Ordinal);
        });
        Assert.False(await PostgresSql.TableExistsAsync(await database.RequireAsync(), schema, "timeline_api_keys"));

        await using (var migrator = await database.CreateStoreAsync(_clock, new() { Schema = schema, CreateSchemaOnFirstUse = false }))
        {
            await migrator.MigrateAsync(Cancel);
        }
        await using var afterwards = await database.CreateStoreAsync(_clock, new() { Schema = schema, CreateSchemaOnFirstUse = false });
        Assert.Empty(await afterwards.ListKeysAsync(Cancel));
        Assert.Single(await afterwards.ReadStreamAsync(G20, Cancel));
    }

    [Fact]
    public async Task With_DDL_on_a_version_1_schema_is_migrated_on_first_use()
    {
        var schema = await Version1SchemaAsync();
        await using var store = await database.CreateStoreAsync(_clock, new() { Schema = schema });

        Assert.Empty(await store.ListKeysAsync(Cancel));

        Assert.Equal(new[] { 1, MartenEventStore.SchemaVersion }, await RecordedVersionsAsync(schema));
        Assert.NotNull(Assert.Single(await store.ReadStreamAsync(G20, Cancel)).Hash);
        var next = await store.AppendAsync([new StreamAppend(G20, 1, [Pending(PutinExpected)])], "analyst", Cancel);
        Assert.True((await ChainCheck.VerifyAsync(store, null, Cancel)).Ok);
        Assert.Equal(2, next[0].StreamVersion);
    }

    [Fact]
    public async Task The_audit_filters_have_their_indexes_and_a_schema_without_them_is_out_of_date_until_they_are_added()
    {
        var schema = database.NewSchema();
        await using (var store = await database.CreateStoreAsync(_clock, new() { Schema = schema }))
        {
            await store.AppendAsync([new StreamAppend(G20, 0, [Pending(G20Announced)])], "analyst", Cancel);
        }
        var connection = await database.RequireAsync();
        string[] indexes = [.. AuditIndexes.IndexNames, "idx_mt_events_event_type_seq_id"];
        Assert.All(await Task.WhenAll(indexes.Select(index => IndexExistsAsync(connection, schema, index))), Assert.True);
        // The filters' expressions are the indexes' own: with sequential scans off, PostgreSQL takes each index.
        foreach (var (filter, index) in new[]
        {
            ($"{AuditIndexes.SpeakerExpression} LIKE '%ushakov%'", "timeline_events_by_speaker"),
            ($"{AuditIndexes.OutletExpression} LIKE '%tass%'", "timeline_events_by_outlet"),
            ($"{AuditIndexes.ReportedAtExpression} >= '2022-09-08'", "timeline_events_by_reported_at"),
            ("causation_id = 'cmd-1'", "timeline_events_by_command"),
            ("user_name = 'analyst'", "timeline_events_by_recorded_by"),
        })
        {
            var plan = await PostgresSql.ScalarAsync<string>(
                connection, $"SET enable_seqscan = off; EXPLAIN (FORMAT JSON) SELECT seq_id FROM {schema}.mt_events WHERE {filter}");
            Assert.Contains($"\"{index}\"", plan, StringComparison.Ordinal);
        }

        await PostgresSql.ScalarAsync<int>(connection, $"DROP INDEX {schema}.timeline_events_by_speaker; DROP INDEX {schema}.timeline_events_by_command");
        await using (var withoutDdl = await database.CreateStoreAsync(_clock, new() { Schema = schema, CreateSchemaOnFirstUse = false }))
        {
            var error = await Assert.ThrowsAsync<InvalidDataException>(() => withoutDdl.CountAsync(Cancel));
            Assert.Contains("timeline migrate", error.Message, StringComparison.Ordinal);
        }
        await using (var withDdl = await database.CreateStoreAsync(_clock, new() { Schema = schema }))
        {
            Assert.Equal(1, await withDdl.CountAsync(Cancel));
        }
        Assert.True(await IndexExistsAsync(connection, schema, "timeline_events_by_speaker"));
        Assert.True(await IndexExistsAsync(connection, schema, "timeline_events_by_command"));
    }

    private static Task<bool> IndexExistsAsync(string connection, string schema, string index) =>
        PostgresSql.ScalarAsync<bool>(connection, "SELECT EXISTS (SELECT FROM pg_indexes WHERE schemaname = @schema AND indexname = @index)", ("schema", schema), ("index", index));

    [Fact]
    public async Task Events_are_stored_under_Timelines_names_with_Timelines_JSON_and_the_envelope_in_Martens_metadata()
    {
        var schema = database.NewSchema();
        await using var store = await database.CreateStoreAsync(_clock, new() { Schema = schema });
        var events = OneOfEachEventType;
        var pending = events.Select(e => Pending(e, "cmd-every-type")).ToArray();

        await store.AppendAsync([new StreamAppend(G20, 0, pending)], "analyst@newsroom", Cancel);

        var connection = await database.RequireAsync();
        foreach (var (stored, version) in pending.Select((p, i) => (p, i + 1)))
        {
            var row = $"FROM {schema}.mt_events WHERE stream_id = 'g20-2022' AND version = {version}";
            Assert.Equal(EventTypeMap.NameOf(stored.Event), await PostgresSql.ScalarAsync<string>(connection, $"SELECT type {row}"));
            Assert.True(await PostgresSql.ScalarAsync<bool>(connection, $"SELECT data = @json::jsonb {row}", ("json", EventTypeMap.Serialize(stored.Event))));
            Assert.Equal(stored.EventId, await PostgresSql.ScalarAsync<Guid>(connection, $"SELECT id {row}"));
            Assert.Equal("cmd-every-type", await PostgresSql.ScalarAsync<string>(connection, $"SELECT causation_id {row}"));
            Assert.Equal("analyst@newsroom", await PostgresSql.ScalarAsync<string>(connection, $"SELECT user_name {row}"));
            Assert.Equal("2022-09-08", await PostgresSql.ScalarAsync<string>(connection, $"SELECT headers ->> 'reportedAt' {row}"));
            Assert.Equal("yury ushakov", await PostgresSql.ScalarAsync<string>(connection, $"SELECT headers ->> 'speakerKey' {row}"));
            Assert.Equal(_clock.GetUtcNow(), await PostgresSql.ScalarAsync<DateTime>(connection, $"SELECT timestamp {row}"));
        }
        Assert.Equal(1, await PostgresSql.ScalarAsync<long>(connection, $"SELECT count(*) FROM {schema}.timeline_commands"));
        Assert.Equal(events.Count, await PostgresSql.ScalarAsync<long>(connection, $"SELECT version FROM {schema}.mt_streams WHERE id = 'g20-2022'"));
    }
}
