using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Timeline.Domain.Dates;

namespace Timeline.Core.Chain;

/// <summary>
/// The SHA-256 hash that chains one event to the events before it (docs/contract.md#the-hash-chain).
/// </summary>
/// <remarks>
/// 32 bytes, whose one text form is 64 lowercase hexadecimal digits. <see cref="Genesis"/>, 32 zero bytes, is what the
/// first event chains from.
/// </remarks>
public readonly record struct EventHash
{
    private EventHash(string hex) => Hex = hex;

    /// <summary>32 zero bytes: the hash "before" the first event.</summary>
    public static EventHash Genesis { get; } = new(new string('0', 64));

    /// <summary>The 64 lowercase hexadecimal digits.</summary>
    public string Hex { get; }

    /// <summary>The hash of these 32 bytes.</summary>
    /// <exception cref="ArgumentException">Not 32 bytes.</exception>
    public static EventHash FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == 32
            ? new EventHash(Convert.ToHexStringLower(bytes))
            : throw new ArgumentException($"a hash has 32 bytes, not {bytes.Length}", nameof(bytes));

    /// <summary>The 32 bytes.</summary>
    public byte[] ToBytes() => Convert.FromHexString(Hex);

    /// <summary>Reads the text form: exactly 64 hexadecimal digits, lowercase.</summary>
    public static bool TryParse(string? text, out EventHash hash, [NotNullWhen(false)] out string? error)
    {
        if (text is { Length: 64 } && text.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f')))
        {
            hash = new EventHash(text);
            error = null;
            return true;
        }
        hash = default;
        error = $"'{EdtfDate.Quote(text ?? string.Empty)}' is not a hash (64 lowercase hexadecimal digits)";
        return false;
    }

    /// <summary>Reads the text form.</summary>
    /// <exception cref="FormatException">It is not 64 lowercase hexadecimal digits; the message quotes it.</exception>
    public static EventHash Parse(string text) => TryParse(text, out var hash, out var error) ? hash : throw new FormatException(error);

    /// <inheritdoc />
    public override string ToString() => Hex ?? Genesis.Hex;

    /// <summary>For messages: the first 12 digits and an ellipsis.</summary>
    public string Short => string.Create(CultureInfo.InvariantCulture, $"{ToString()[..12]}…");
}
