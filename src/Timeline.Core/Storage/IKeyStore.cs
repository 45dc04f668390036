namespace Timeline.Core.Storage;

/// <summary>
/// API keys live in the selected store, beside the events, so every server on a shared PostgreSQL sees the same keys.
/// Part of <see cref="IStore"/>.
/// </summary>
public interface IKeyStore
{
    /// <summary>Stores a new key.</summary>
    /// <exception cref="WriteConflict">An active key already has this name, or a key with this hash is already stored.</exception>
    Task AddKeyAsync(ApiKey key, CancellationToken cancellationToken);

    /// <summary>Every key, active and revoked, oldest first.</summary>
    Task<IReadOnlyList<ApiKey>> ListKeysAsync(CancellationToken cancellationToken);

    /// <summary>The active key with this hash, if any.</summary>
    Task<ApiKey?> FindActiveKeyAsync(string hash, CancellationToken cancellationToken);

    /// <summary>Revokes the active key of this name; false when there is none.</summary>
    Task<bool> RevokeKeyAsync(string name, DateTimeOffset revokedAt, CancellationToken cancellationToken);
}
