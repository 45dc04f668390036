using System.Diagnostics.CodeAnalysis;

namespace Timeline.Domain.Meetings;

/// <summary>A person named in a report, such as "Vladimir Putin".</summary>
/// <remarks>
/// 1 to <see cref="MaxLength"/> characters after trimming, with inner runs of white space folded to one space, and
/// no control characters. Two names are the same participant when they match case-insensitively
/// (ordinal, invariant culture); <see cref="Value"/> keeps the spelling first given.
/// </remarks>
public readonly record struct ParticipantName
{
    /// <summary>The longest name accepted.</summary>
    public const int MaxLength = 120;

    private ParticipantName(string value) => Value = value;

    /// <summary>The name, trimmed and with white space folded.</summary>
    public string Value { get; }

    /// <summary>Parses, or throws <see cref="FormatException"/> quoting the value.</summary>
    public static ParticipantName Parse(string text) =>
        TryParse(text, out var name, out var error) ? name : throw new FormatException(error);

    /// <summary>Parses a name; on failure <paramref name="error"/> quotes the value and says why.</summary>
    public static bool TryParse(string? text, out ParticipantName name, [NotNullWhen(false)] out string? error)
    {
        name = default;
        var folded = string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (folded.Length == 0)
        {
            error = "a participant's name is required";
            return false;
        }
        if (folded.Length > MaxLength)
        {
            error = $"'{Dates.EdtfDate.Quote(folded)}' is too long for a name ({folded.Length} characters; at most {MaxLength})";
            return false;
        }
        if (folded.Any(char.IsControl))
        {
            error = $"'{Dates.EdtfDate.Quote(folded)}' contains a control character";
            return false;
        }
        name = new ParticipantName(folded);
        error = null;
        return true;
    }

    /// <summary>Case-insensitive match.</summary>
    public bool Equals(ParticipantName other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value ?? string.Empty);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
