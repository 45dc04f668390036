using System.Security.Cryptography;
using System.Text.Json;
using Timeline.Core.Serialization;

namespace Timeline.Core.Commands;

/// <summary>Idempotency keys for commands that come without one.</summary>
public static class CommandIds
{
    /// <summary>
    /// The command's own id, or one derived from its canonical content: every field as read (so formatting, field
    /// order and whitespace between fields in the file do not matter), without <c>commandId</c> and
    /// <c>expectedVersion</c>. The same statement imported twice gets the same id, so the second import changes nothing.
    /// The derivation is a stored contract, like an event's shape: changing it would make an old file look new.
    /// </summary>
    public static string Of(CommandInput input)
    {
        if (input.CommandId is not null)
        {
            return input.CommandId;
        }
        var canonical = input with { CommandId = null, ExpectedVersion = null };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(canonical, canonical.GetType(), TimelineJson.Stored);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16));
    }
}
