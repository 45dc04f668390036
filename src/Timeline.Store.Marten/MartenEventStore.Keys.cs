using Npgsql;
using NpgsqlTypes;
using Timeline.Core.Storage;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Timeline.Store.Marten;

/// <remarks>
/// <b>API keys</b> live in <c>timeline_api_keys</c> of the store's schema, so every server and every
/// <c>timeline keys</c> on one database sees the same keys. Only the key's hash is stored. The table is part of the
/// schema (version 2): created with it on first use, or by <see cref="MigrateAsync"/>. A hash is stored once (a
/// unique index), names are unique among active keys (a partial unique index), so a revoked name can be issued
/// again; a clash of either is a <see cref="WriteConflict"/>. Times are kept to the microsecond, in UTC. Keys are
/// listed in the order they were stored (an identity column), which is oldest first.
/// </remarks>
public sealed partial class MartenEventStore
{
    private const string KeyColumns = "name, role, hash, created_at, created_by, revoked_at";
    private const string KeyHashIndex = "timeline_api_keys_hash";
    private const string ActiveKeyNameIndex = "timeline_api_keys_active_name";

    /// <summary>The table of API keys, added in schema version 2.</summary>
    private static Table KeysTable(string schema)
    {
        var keys = new Table(new PostgresqlObjectName(schema, "timeline_api_keys", SchemaUtils.IdentifierUsage.General));
        keys.AddColumn("id", "bigint").AsPrimaryKey().BigAutoIncrement();
        keys.AddColumn("name", "varchar").NotNull();
        keys.AddColumn("role", "varchar").NotNull();
        keys.AddColumn("hash", "varchar").NotNull();
        keys.AddColumn("created_at", "timestamp with time zone").NotNull();
        keys.AddColumn("created_by", "varchar").NotNull();
        keys.AddColumn("revoked_at", "timestamp with time zone").AllowNulls();
        // Written as PostgreSQL prints it back (not as IN (...)), so Marten's schema check finds no difference and a
        // store with DDL off accepts the migrated schema.
        keys.CheckConstraints.Add(new TableCheckConstraint("timeline_api_keys_role", "role = ANY (ARRAY['reader', 'editor', 'admin'])"));
        keys.Indexes.Add(new IndexDefinition(KeyHashIndex) { Columns = ["hash"], IsUnique = true });
        keys.Indexes.Add(new IndexDefinition(ActiveKeyNameIndex) { Columns = ["name"], IsUnique = true, Predicate = "revoked_at IS NULL" });
        return keys;
    }

    /// <inheritdoc />
    /// <exception cref="WriteConflict">An active key already has this name, or a key (even revoked) has this hash.</exception>
    public async Task AddKeyAsync(ApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var role = ApiKey.StoredRole(key.Role);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                INSERT INTO {_schema}.timeline_api_keys ({KeyColumns})
                VALUES (@name, @role, @hash, @created_at, @created_by, @revoked_at)
                """;
            command.Parameters.AddWithValue("name", key.Name);
            command.Parameters.AddWithValue("role", role);
            command.Parameters.AddWithValue("hash", key.Hash);
            command.Parameters.AddWithValue("created_at", RecordedAt.CutDown(key.CreatedAt).Instant);
            command.Parameters.AddWithValue("created_by", key.CreatedBy);
            command.Parameters.AddWithValue("revoked_at", NpgsqlDbType.TimestampTz, key.RevokedAt is { } revoked ? RecordedAt.CutDown(revoked).Instant : DBNull.Value);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsViolationOf(e, ActiveKeyNameIndex))
        {
            throw WriteConflict.KeyNameTaken(key.Name, e);
        }
        catch (Exception e) when (IsViolationOf(e, KeyHashIndex))
        {
            throw WriteConflict.KeyHashTaken(e);
        }
        catch (Exception e) when (Translate(e) is { } translated)
        {
            throw translated;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApiKey>> ListKeysAsync(CancellationToken cancellationToken) =>
        await RowsAsync(command => command.CommandText = $"SELECT {KeyColumns} FROM {_schema}.timeline_api_keys ORDER BY id", ReadKey, cancellationToken)
            .ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<ApiKey?> FindActiveKeyAsync(string hash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hash);
        var keys = await RowsAsync(
            command =>
            {
                command.CommandText = $"SELECT {KeyColumns} FROM {_schema}.timeline_api_keys WHERE hash = @hash AND revoked_at IS NULL";
                command.Parameters.AddWithValue("hash", hash);
            },
            ReadKey,
            cancellationToken).ConfigureAwait(false);
        return keys.Count == 0 ? null : keys[0];
    }

    /// <inheritdoc />
    /// <remarks>
    /// Of several revocations of one key at once, PostgreSQL lets the first update the row and makes the others
    /// re-check <c>revoked_at IS NULL</c> after it commits, so exactly one returns true.
    /// </remarks>
    public async Task<bool> RevokeKeyAsync(string name, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await WithConnectionAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"UPDATE {_schema}.timeline_api_keys SET revoked_at = @revoked_at WHERE name = @name AND revoked_at IS NULL";
                command.Parameters.AddWithValue("name", name);
                command.Parameters.AddWithValue("revoked_at", RecordedAt.CutDown(revokedAt).Instant);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static ApiKey ReadKey(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        ApiKey.ParseStoredRole(reader.GetString(1)),
        reader.GetString(2),
        reader.GetFieldValue<DateTimeOffset>(3),
        reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5));
}
