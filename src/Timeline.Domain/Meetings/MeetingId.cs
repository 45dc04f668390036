using System.Diagnostics.CodeAnalysis;

namespace Timeline.Domain.Meetings;

/// <summary>A meeting's stable id, which is also its stream id in every store.</summary>
/// <remarks>
/// A lowercase slug: 1 to <see cref="MaxLength"/> characters of <c>a-z</c> and <c>0-9</c>, in groups joined by single
/// hyphens, e.g. <c>g20-2022</c>. No leading, trailing or doubled hyphen, no other character.
/// </remarks>
public readonly record struct MeetingId
{
    /// <summary>The longest id accepted.</summary>
    public const int MaxLength = 80;

    private MeetingId(string value) => Value = value;

    /// <summary>The slug.</summary>
    public string Value { get; }

    /// <summary>Parses, or throws <see cref="FormatException"/> quoting the value.</summary>
    public static MeetingId Parse(string text) =>
        TryParse(text, out var id, out var error) ? id : throw new FormatException(error);

    /// <summary>Parses a slug; on failure <paramref name="error"/> quotes the value and says why.</summary>
    public static bool TryParse(string? text, out MeetingId id, [NotNullWhen(false)] out string? error)
    {
        id = default;
        if (string.IsNullOrEmpty(text))
        {
            error = "a meeting id is required (a lowercase slug such as g20-2022)";
            return false;
        }
        if (text.Length > MaxLength)
        {
            error = $"'{Dates.EdtfDate.Quote(text)}' is too long for a meeting id ({text.Length} characters; at most {MaxLength})";
            return false;
        }
        var previousWasHyphen = true;
        foreach (var c in text)
        {
            var isHyphen = c == '-';
            if (!(isHyphen || char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c)) || (isHyphen && previousWasHyphen))
            {
                error = $"'{Dates.EdtfDate.Quote(text)}' is not a meeting id: use lowercase letters, digits and single hyphens, such as g20-2022";
                return false;
            }
            previousWasHyphen = isHyphen;
        }
        if (previousWasHyphen)
        {
            error = $"'{Dates.EdtfDate.Quote(text)}' is not a meeting id: it may not end with a hyphen";
            return false;
        }
        id = new MeetingId(text);
        error = null;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
