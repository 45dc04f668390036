namespace Timeline.Core.Storage;

/// <summary>An API key as stored: never the key itself, only its hash.</summary>
/// <param name="Name">Unique among active keys; becomes <c>recordedBy</c> for what the key records.</param>
/// <param name="Role">What the key may do.</param>
/// <param name="Hash">Lowercase hex SHA-256 of the key text. Keys are 256-bit random values, so a fast hash is safe.</param>
/// <param name="CreatedAt">System time the key was made, from the injected clock.</param>
/// <param name="CreatedBy">Who made it.</param>
/// <param name="RevokedAt">When it was revoked; null while active.</param>
public sealed record ApiKey(string Name, KeyRole Role, string Hash, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt = null)
{
    /// <summary>True until revoked.</summary>
    public bool IsActive => RevokedAt is null;

    /// <summary>The stored name of a role, the same in every store: <c>reader</c>, <c>editor</c> or <c>admin</c>.</summary>
    public static string StoredRole(KeyRole role) => role switch
    {
        KeyRole.Reader => "reader",
        KeyRole.Editor => "editor",
        KeyRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, $"{nameof(KeyRole)} has no stored name for {role}"),
    };

    /// <summary>Reads a stored role back.</summary>
    /// <exception cref="InvalidDataException">The text names no role.</exception>
    public static KeyRole ParseStoredRole(string text) => text switch
    {
        "reader" => KeyRole.Reader,
        "editor" => KeyRole.Editor,
        "admin" => KeyRole.Admin,
        _ => throw new InvalidDataException($"an API key has the unknown role '{text}'"),
    };
}
