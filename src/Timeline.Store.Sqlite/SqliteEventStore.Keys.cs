using Microsoft.Data.Sqlite;
using Timeline.Core.Storage;

namespace Timeline.Store.Sqlite;

/// <remarks>
/// <b>API keys</b> live in the table <c>api_keys</c> of the same file, so <c>timeline keys</c> and
/// <c>timeline serve</c> on one store see the same keys. Only the key's hash is stored. The table is created on the
/// first key operation with <c>CREATE TABLE IF NOT EXISTS</c>, outside the numbered migrations, so it adds nothing
/// to <see cref="SchemaVersion"/>; a later migration may take it over unchanged. Names are unique among active keys
/// (a partial unique index), so a revoked name can be issued again.
/// </remarks>
public sealed partial class SqliteEventStore
{
    private const string KeysSchema = """
        CREATE TABLE IF NOT EXISTS api_keys (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            name        TEXT NOT NULL,
            role        TEXT NOT NULL CHECK (role IN ('reader', 'editor', 'admin')),
            hash        TEXT NOT NULL UNIQUE,
            created_at  TEXT NOT NULL,
            created_by  TEXT NOT NULL,
            revoked_at  TEXT
        ) STRICT;

        CREATE UNIQUE INDEX IF NOT EXISTS api_keys_active_name ON api_keys (name) WHERE revoked_at IS NULL;
        """;

    private const string KeyColumns = "name, role, hash, created_at, created_by, revoked_at";

    private volatile bool _keysReady;

    /// <inheritdoc />
    public async Task AddKeyAsync(ApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenKeysAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = $"INSERT INTO api_keys ({KeyColumns}) VALUES ($name, $role, $hash, $created_at, $created_by, $revoked_at)";
            command.Parameters.AddWithValue("$name", key.Name);
            command.Parameters.AddWithValue("$role", ApiKey.StoredRole(key.Role));
            command.Parameters.AddWithValue("$hash", key.Hash);
            command.Parameters.AddWithValue("$created_at", RecordedAt.CutDown(key.CreatedAt).ToString());
            command.Parameters.AddWithValue("$created_by", key.CreatedBy);
            command.Parameters.AddWithValue("$revoked_at", key.RevokedAt is { } revoked ? RecordedAt.CutDown(revoked).ToString() : DBNull.Value);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException e) when (IsUniqueViolation(e, "api_keys.name"))
        {
            throw WriteConflict.KeyNameTaken(key.Name, e);
        }
        catch (SqliteException e) when (IsUniqueViolation(e, "api_keys.hash"))
        {
            throw WriteConflict.KeyHashTaken(e);
        }
        catch (SqliteException e) when (Translate(e) is { } translated)
        {
            throw translated;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApiKey>> ListKeysAsync(CancellationToken cancellationToken) =>
        await RowsAsync(OpenKeysAsync, command => command.CommandText = $"SELECT {KeyColumns} FROM api_keys ORDER BY id", ReadKey, cancellationToken)
            .ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<ApiKey?> FindActiveKeyAsync(string hash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hash);
        var keys = await RowsAsync(
            OpenKeysAsync,
            command =>
            {
                command.CommandText = $"SELECT {KeyColumns} FROM api_keys WHERE hash = $hash AND revoked_at IS NULL";
                command.Parameters.AddWithValue("$hash", hash);
            },
            ReadKey,
            cancellationToken).ConfigureAwait(false);
        return keys.Count == 0 ? null : keys[0];
    }

    /// <inheritdoc />
    public async Task<bool> RevokeKeyAsync(string name, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenKeysAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE api_keys SET revoked_at = $revoked_at WHERE name = $name AND revoked_at IS NULL";
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$revoked_at", RecordedAt.CutDown(revokedAt).ToString());
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        }
        catch (SqliteException e) when (Translate(e) is { } translated)
        {
            throw translated;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Opens a connection on a store whose event schema and key table both exist.</summary>
    private async Task<SqliteConnection> OpenKeysAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        if (_keysReady)
        {
            return connection;
        }
        try
        {
            await using var create = connection.CreateCommand();
            create.CommandText = KeysSchema;
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _keysReady = true;
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static ApiKey ReadKey(SqliteDataReader reader) => new(
        reader.GetString(0),
        ApiKey.ParseStoredRole(reader.GetString(1)),
        reader.GetString(2),
        RecordedAt.Parse(reader.GetString(3)).Instant,
        reader.GetString(4),
        reader.IsDBNull(5) ? null : RecordedAt.Parse(reader.GetString(5)).Instant);
}
