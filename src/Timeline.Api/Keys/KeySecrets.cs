using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Timeline.Api.Keys;

/// <summary>
/// Key text and its hash. A key is <c>tl_</c> followed by 32 random bytes in base64url (46 characters); the store
/// keeps only the lowercase hex SHA-256 of the key's UTF-8 text. A fast hash is safe for 256-bit random secrets.
/// </summary>
public static class KeySecrets
{
    public const string Prefix = "tl_";

    /// <summary>Longer header values are refused before they are hashed.</summary>
    public const int MaxLength = 200;

    /// <summary>A new random key.</summary>
    public static string NewKey() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>What the store keeps of a key.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
