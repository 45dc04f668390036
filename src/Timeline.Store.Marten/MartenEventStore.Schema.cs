using JasperFx;
using Npgsql;
using Timeline.Core.Storage;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Timeline.Store.Marten;

public sealed partial class MartenEventStore
{
    /// <summary>
    /// Timeline's own tables beside Marten's, created and migrated by Marten with its event tables:
    /// <c>timeline_commands</c>, whose primary key makes a command id unique, <c>timeline_schema_version</c>,
    /// (since version 2) <c>timeline_api_keys</c> and (since version 3) <c>timeline_chain</c>.
    /// </summary>
    /// <remarks>
    /// Versions: 1 has the event tables, <c>timeline_commands</c> and <c>timeline_schema_version</c>; 2 adds
    /// <c>timeline_api_keys</c>; 3 adds <c>timeline_chain</c>, and moving to it hashes every event already stored.
    /// Moving from one to the next is Marten's own delta (it creates what is missing), then a new row in
    /// <c>timeline_schema_version</c>.
    /// </remarks>
    private static IEnumerable<Table> TimelineTables(string schema)
    {
        var commands = new Table(new PostgresqlObjectName(schema, "timeline_commands", SchemaUtils.IdentifierUsage.General));
        commands.AddColumn("command_id", "varchar").AsPrimaryKey();
        commands.AddColumn("recorded_at", "timestamp with time zone").NotNull();
        commands.AddColumn("recorded_by", "varchar").NotNull();
        yield return commands;

        var version = new Table(new PostgresqlObjectName(schema, "timeline_schema_version", SchemaUtils.IdentifierUsage.General));
        version.AddColumn("version", "integer").AsPrimaryKey();
        version.AddColumn("applied_at", "timestamp with time zone").NotNull();
        yield return version;

        yield return KeysTable(schema);
        yield return ChainTable(schema);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Runs Marten's migration of the event tables and Timeline's own, whatever
    /// <see cref="MartenEventStoreOptions.CreateSchemaOnFirstUse"/> says; the user needs the right to create tables in
    /// the schema (and the schema itself, if missing).
    /// </remarks>
    public async Task<string> MigrateAsync(CancellationToken cancellationToken)
    {
        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using (await OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
            {
                // Opening first turns a bad address or password into its one-line message before Marten wraps it.
            }
            try
            {
                var migration = await _store.Storage.Database.CreateMigrationAsync(cancellationToken).ConfigureAwait(false);
                var found = await ReadSchemaVersionAsync(cancellationToken).ConfigureAwait(false);
                if (migration.Difference == SchemaPatchDifference.None && found == SchemaVersion)
                {
                    _schemaReady = true;
                    return $"the Timeline schema '{_schema}' in {Where} is current (version {SchemaVersion}); nothing to do";
                }
                await _store.Storage.ApplyAllConfiguredChangesToDatabaseAsync(AutoCreate.CreateOrUpdate).ConfigureAwait(false);
                await RecordSchemaVersionAsync(cancellationToken).ConfigureAwait(false);
                _schemaReady = true;
                return migration.Difference == SchemaPatchDifference.Create && found == 0
                    ? $"created the Timeline schema '{_schema}' (version {SchemaVersion}) in {Where}"
                    : $"migrated the Timeline schema '{_schema}' in {Where} to version {SchemaVersion}";
            }
            catch (Exception e) when (Translate(e) is { } translated)
            {
                throw translated;
            }
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    /// <summary>Creates or checks the schema once per instance, before the first read or write.</summary>
    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }
        ObjectDisposedException.ThrowIf(_disposed == 1, this);
        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_schemaReady)
            {
                return;
            }
            await using (await OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
            {
            }
            try
            {
                if (_options.CreateSchemaOnFirstUse)
                {
                    // Checked on every first use (a few catalog queries), so a newer Marten's changes are applied too.
                    var version = await ReadSchemaVersionAsync(cancellationToken).ConfigureAwait(false);
                    await _store.Storage.ApplyAllConfiguredChangesToDatabaseAsync().ConfigureAwait(false);
                    if (version < SchemaVersion)
                    {
                        await RecordSchemaVersionAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
                else
                {
                    await AssertMigratedAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (Translate(e) is { } translated)
            {
                throw translated;
            }
            _schemaReady = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    /// <summary>With DDL off: the schema must be there, at this version, and match what Marten expects.</summary>
    private async Task AssertMigratedAsync(CancellationToken cancellationToken)
    {
        var version = await ReadSchemaVersionAsync(cancellationToken).ConfigureAwait(false);
        var migration = version < SchemaVersion ? null : await _store.Storage.Database.CreateMigrationAsync(cancellationToken).ConfigureAwait(false);
        if (migration is null || migration.Difference != SchemaPatchDifference.None)
        {
            var found = version switch
            {
                0 => "no Timeline schema",
                < SchemaVersion => $"an out-of-date Timeline schema (version {version}, this Timeline needs {SchemaVersion})",
                _ => "an out-of-date Timeline schema",
            };
            throw new InvalidDataException(
                $"{Where} has {found} '{_schema}', and this store may not change the schema (DDL is off); run `timeline migrate` first");
        }
    }

    /// <summary>The recorded schema version: 0 when Timeline's tables are not there yet.</summary>
    /// <exception cref="InvalidDataException">The schema is newer than this code.</exception>
    private async Task<int> ReadSchemaVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT to_regclass(@table) IS NOT NULL";
        command.Parameters.AddWithValue("table", $"{_schema}.timeline_schema_version");
        if (!(bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
        {
            return 0;
        }
        command.Parameters.Clear();
        command.CommandText = $"SELECT max(version) FROM {_schema}.timeline_schema_version";
        var version = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is int found ? found : 0;
        return version <= SchemaVersion
            ? version
            : throw new InvalidDataException(
                $"the Timeline schema '{_schema}' in {Where} has version {version}, but this Timeline knows versions up to {SchemaVersion}; use a newer Timeline");
    }

    /// <summary>
    /// Hashes the events of a store that predates the chain and records the version, in one transaction under the
    /// writer lock, so no append comes between.
    /// </summary>
    private async Task RecordSchemaVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await LockWritersAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await ChainHeadAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {_schema}.timeline_schema_version (version, applied_at) VALUES (@version, @applied_at) ON CONFLICT (version) DO NOTHING";
        command.Parameters.AddWithValue("version", SchemaVersion);
        command.Parameters.AddWithValue("applied_at", RecordedAt.FromClock(_clock).Instant);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
