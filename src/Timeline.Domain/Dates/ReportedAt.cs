using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Timeline.Domain.Dates;

/// <summary>
/// Knowledge time: when a source made a statement. It orders the log for every as-of answer.
/// </summary>
/// <remarks>
/// Accepts an EDTF day (<c>2022-09-08</c>) or an ISO-8601 instant with an explicit offset
/// (<c>2022-09-08T10:30:00Z</c>, <c>2022-09-08T13:30+03:00</c>). A local time without an offset is rejected
/// because it names no single instant. <see cref="Instant"/> is the UTC instant the value sorts by:
/// a day sorts at its first instant (00:00 UTC). <see cref="Text"/> is kept exactly as given and is what
/// every output shows. Equality is by <see cref="Text"/>.
/// </remarks>
public sealed record ReportedAt
{
    /// <summary>The longest text accepted.</summary>
    public const int MaxLength = 40;

    private ReportedAt(string text, DateTimeOffset instant, bool isDay)
    {
        Text = text;
        Instant = instant;
        IsDay = isDay;
    }

    // Strict ISO-8601 with a 'Z' or a +hh:mm offset; seconds and fractions optional.
    private static readonly string[] InstantFormats =
    [
        "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
    ];

    /// <summary>The value as given.</summary>
    public string Text { get; }

    /// <summary>The UTC instant this value sorts at.</summary>
    public DateTimeOffset Instant { get; }

    /// <summary>True when given as a bare day.</summary>
    public bool IsDay { get; }

    /// <summary>The UTC calendar day of <see cref="Instant"/>.</summary>
    public DateOnly Day => DateOnly.FromDateTime(Instant.UtcDateTime);

    /// <summary>Builds a value for an instant, written in ISO-8601 UTC with seconds.</summary>
    public static ReportedAt FromInstant(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new ReportedAt(utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), utc, false);
    }

    /// <summary>Parses, or throws <see cref="FormatException"/> quoting the value.</summary>
    public static ReportedAt Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    /// <summary>Parses an EDTF day or an ISO-8601 instant with offset.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ReportedAt? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            error = "a day (2022-09-08) or an instant with offset (2022-09-08T10:30:00Z) is required";
            return false;
        }
        if (text.Length > MaxLength)
        {
            error = $"'{EdtfDate.Quote(text)}' is too long ({text.Length} characters; at most {MaxLength})";
            return false;
        }
        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            value = new ReportedAt(text, new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), true);
            error = null;
            return true;
        }
        if (text.Length < 11 || text[10] != 'T')
        {
            error = $"'{EdtfDate.Quote(text)}' is neither a day (YYYY-MM-DD) nor an ISO-8601 instant such as 2022-09-08T10:30:00Z";
            return false;
        }
        if (!(text.EndsWith('Z') || text.AsSpan(11).IndexOfAny('+', '-') >= 0))
        {
            error = $"'{EdtfDate.Quote(text)}' has no UTC offset; add Z or an offset such as +03:00 so it names one instant";
            return false;
        }
        if (!DateTimeOffset.TryParseExact(text, InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            error = $"'{EdtfDate.Quote(text)}' is not a valid ISO-8601 instant (expected the form 2022-09-08T10:30:00Z or 2022-09-08T13:30:00+03:00)";
            return false;
        }
        value = new ReportedAt(text, instant.ToUniversalTime(), false);
        error = null;
        return true;
    }

    /// <inheritdoc />
    public bool Equals(ReportedAt? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <inheritdoc />
    public override string ToString() => Text;
}
