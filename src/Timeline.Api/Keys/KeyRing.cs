using System.Text.RegularExpressions;
using Timeline.Core.Commands;
using Timeline.Core.Knowledge;
using Timeline.Core.Storage;
using Timeline.Domain.Dates;

namespace Timeline.Api.Keys;

/// <summary>
/// Issuing, listing and revoking API keys: the one code path behind <c>timeline keys</c> and <c>/api/keys</c>.
/// </summary>
/// <remarks>
/// A key name is 1 to 64 characters: letters, digits and <c>. _ @ -</c>, starting with a letter or digit. It becomes
/// <c>recordedBy</c> for what the key records, and is unique among active keys.
/// </remarks>
public sealed partial class KeyRing(IKeyStore store, TimeProvider clock)
{
    /// <summary>Makes a key, stores its hash, and returns the key text: the only time it is ever shown.</summary>
    /// <exception cref="InputRejected">The name or role is malformed (fields <c>name</c>, <c>role</c>).</exception>
    /// <exception cref="CommandRejected">An active key already has the name (rule <c>key-name-taken</c>).</exception>
    public async Task<IssuedKey> IssueAsync(string? name, string? role, string createdBy, CancellationToken cancellationToken)
    {
        var errors = new List<InputError>();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(new InputError(null, null, "name", "is required"));
        }
        else if (!NamePattern().IsMatch(name))
        {
            errors.Add(new InputError(null, null, "name",
                $"'{EdtfDate.Quote(name)}' is not a key name: use 1 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit"));
        }
        if (!KeyRoles.TryParse(role, out var parsedRole, out var roleError))
        {
            errors.Add(new InputError(null, null, "role", roleError));
        }
        if (errors.Count > 0)
        {
            throw new InputRejected(errors);
        }

        var secret = KeySecrets.NewKey();
        var key = new ApiKey(name!, parsedRole, KeySecrets.Hash(secret), clock.GetUtcNow(), createdBy);
        try
        {
            await store.AddKeyAsync(key, cancellationToken);
        }
        catch (WriteConflict conflict)
        {
            throw new CommandRejected(null, "CreateKey", "key-name-taken",
                $"an active key is already named '{name}'; revoke it first, or choose another name", conflict);
        }
        return new IssuedKey(key.Name, KeyRoles.Name(key.Role), RecordedAt.CutDown(key.CreatedAt).ToString(), key.CreatedBy, secret);
    }

    /// <summary>Every key, active and revoked, oldest first; never a key or its hash.</summary>
    public async Task<KeyListDocument> ListAsync(CancellationToken cancellationToken)
    {
        var keys = await store.ListKeysAsync(cancellationToken);
        return new KeyListDocument([.. keys.Select(k => new KeyListEntry(
            k.Name,
            KeyRoles.Name(k.Role),
            RecordedAt.CutDown(k.CreatedAt).ToString(),
            k.CreatedBy,
            k.RevokedAt is { } revoked ? RecordedAt.CutDown(revoked).ToString() : null,
            k.IsActive))]);
    }

    /// <summary>Revokes the active key of this name; false when there is none.</summary>
    public Task<bool> RevokeAsync(string name, CancellationToken cancellationToken) =>
        store.RevokeKeyAsync(name, clock.GetUtcNow(), cancellationToken);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}

/// <summary>A new key, shown once.</summary>
/// <param name="Key">The key text to send as <c>Authorization: Bearer &lt;key&gt;</c>; the store keeps only its hash.</param>
public sealed record IssuedKey(string Name, string Role, string CreatedAt, string CreatedBy, string Key);

/// <summary>The <c>keys list</c> and <c>GET /api/keys</c> output.</summary>
public sealed record KeyListDocument(IReadOnlyList<KeyListEntry> Keys);

/// <summary>One key, without its secret.</summary>
public sealed record KeyListEntry(string Name, string Role, string CreatedAt, string CreatedBy, string? RevokedAt, bool Active);

/// <summary>No active key has the name asked for.</summary>
public sealed class KeyNotFound(string name) : Exception($"no active key is named '{name}'")
{
    public string Name { get; } = name;
}
