using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Timeline.Domain.Dates;

/// <summary>How sure a source is about a date, as marked by an EDTF qualifier.</summary>
public enum EdtfQualifier
{
    /// <summary>No qualifier.</summary>
    None,
    /// <summary><c>?</c>: the source is not sure of it.</summary>
    Uncertain,
    /// <summary><c>~</c>: the source gives it roughly.</summary>
    Approximate,
    /// <summary><c>%</c>: both uncertain and approximate.</summary>
    UncertainApproximate,
}

/// <summary>How fine a single EDTF date is.</summary>
public enum EdtfPrecision
{
    /// <summary>A whole year, e.g. <c>2022</c>.</summary>
    Year,
    /// <summary>A whole month, e.g. <c>2022-11</c>.</summary>
    Month,
    /// <summary>One day, e.g. <c>2022-09-15</c>.</summary>
    Day,
}

/// <summary>
/// When a meeting takes place (valid time), written in a subset of the Library of Congress
/// Extended Date/Time Format.
/// </summary>
/// <remarks>
/// Accepted forms, and nothing else:
/// <list type="bullet">
/// <item><c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>, with a year from 0001 to 9999;</item>
/// <item>any of these followed by one qualifier: <c>?</c> (uncertain), <c>~</c> (approximate) or <c>%</c> (both);</item>
/// <item>an interval <c>A/B</c> of any two of the above, which must not end before it starts
/// (the latest day of B may not precede the earliest day of A).</item>
/// </list>
/// <see cref="Earliest"/> and <see cref="Latest"/> are inclusive calendar days: <c>2022-11</c> spans
/// 2022-11-01 to 2022-11-30. <see cref="Text"/> is the value exactly as given, and is what every output shows.
/// Equality is by <see cref="Text"/>.
/// </remarks>
public sealed record EdtfDate
{
    /// <summary>The longest text accepted; longer input is rejected before it is read.</summary>
    public const int MaxLength = 32;

    private EdtfDate(string text, EdtfPart start, EdtfPart? end)
    {
        Text = text;
        Start = start;
        End = end;
    }

    /// <summary>The date as given, e.g. <c>2022-09-15/2022-09-16</c>.</summary>
    public string Text { get; }

    /// <summary>The single date, or the start of an interval.</summary>
    public EdtfPart Start { get; }

    /// <summary>The end of an interval; null for a single date.</summary>
    public EdtfPart? End { get; }

    /// <summary>True for <c>A/B</c>.</summary>
    public bool IsInterval => End is not null;

    /// <summary>The first calendar day the date can mean (inclusive).</summary>
    public DateOnly Earliest => Start.Earliest;

    /// <summary>The last calendar day the date can mean (inclusive).</summary>
    public DateOnly Latest => (End ?? Start).Latest;

    /// <summary>True when any part carries a qualifier.</summary>
    public bool IsQualified => Start.Qualifier != EdtfQualifier.None || End?.Qualifier is { } q && q != EdtfQualifier.None;

    /// <summary>Parses <paramref name="text"/>, or throws <see cref="FormatException"/> whose message quotes it.</summary>
    public static EdtfDate Parse(string text) =>
        TryParse(text, out var date, out var error) ? date : throw new FormatException(error);

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> quotes the value and says why.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out EdtfDate? date, [NotNullWhen(false)] out string? error)
    {
        date = null;
        if (string.IsNullOrEmpty(text))
        {
            error = "an EDTF date is required, such as 2022-09-15, 2022-11 or 2022-09-15/2022-09-16";
            return false;
        }
        if (text.Length > MaxLength)
        {
            error = $"'{Quote(text)}' is not an EDTF date: it is {text.Length} characters long, and at most {MaxLength} are accepted";
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            if (!EdtfPart.TryParse(text, out var single, out var why))
            {
                error = $"'{Quote(text)}' is not an EDTF date: {why}";
                return false;
            }
            date = new EdtfDate(text, single, null);
            error = null;
            return true;
        }

        if (!EdtfPart.TryParse(text[..slash], out var start, out var startWhy))
        {
            error = $"'{Quote(text)}' is not an EDTF interval: its start {startWhy}";
            return false;
        }
        if (!EdtfPart.TryParse(text[(slash + 1)..], out var end, out var endWhy))
        {
            error = $"'{Quote(text)}' is not an EDTF interval: its end {endWhy}";
            return false;
        }
        if (end.Latest < start.Earliest)
        {
            error = $"'{text}' ends before it starts: {end.Text} is before {start.Text}";
            return false;
        }
        date = new EdtfDate(text, start, end);
        error = null;
        return true;
    }

    /// <summary>True when this date's span shares at least one day with [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public bool Overlaps(DateOnly from, DateOnly to) => Earliest <= to && Latest >= from;

    /// <inheritdoc />
    public bool Equals(EdtfDate? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>
    /// The value made safe to quote in an error message: cut to 40 characters, with control characters, invisible
    /// formatting characters (a right-to-left override, say), line separators and halves of surrogate pairs written as
    /// <c>\uXXXX</c>, so that no escape sequence reaches a terminal and nothing reorders the line a message is printed on.
    /// </summary>
    public static string Quote(string text)
    {
        var shown = text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 37), "...");
        var safe = new System.Text.StringBuilder(shown.Length + 16);
        for (var i = 0; i < shown.Length;)
        {
            var whole = System.Text.Rune.DecodeFromUtf16(shown.AsSpan(i), out var rune, out var length) == System.Buffers.OperationStatus.Done;
            if (!whole || System.Text.Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator)
            {
                length = Math.Max(length, 1);
                foreach (var c in shown.AsSpan(i, length))
                {
                    safe.Append($"\\u{(int)c:x4}");
                }
            }
            else
            {
                safe.Append(shown.AsSpan(i, length));
            }
            i += length;
        }
        return safe.ToString();
    }
}

/// <summary>One side of an <see cref="EdtfDate"/>: a year, month or day, with an optional qualifier.</summary>
public sealed record EdtfPart
{
    private EdtfPart(string text, int year, int? month, int? day, EdtfQualifier qualifier)
    {
        Text = text;
        Year = year;
        Month = month;
        Day = day;
        Qualifier = qualifier;
        Precision = day is not null ? EdtfPrecision.Day : month is not null ? EdtfPrecision.Month : EdtfPrecision.Year;
        Earliest = new DateOnly(year, month ?? 1, day ?? 1);
        Latest = Precision switch
        {
            EdtfPrecision.Day => Earliest,
            EdtfPrecision.Month => new DateOnly(year, month!.Value, DateTime.DaysInMonth(year, month.Value)),
            _ => new DateOnly(year, 12, 31),
        };
    }

    /// <summary>The part as given.</summary>
    public string Text { get; }

    /// <summary>The year, 1 to 9999.</summary>
    public int Year { get; }

    /// <summary>The month, 1 to 12, when given.</summary>
    public int? Month { get; }

    /// <summary>The day of the month, when given.</summary>
    public int? Day { get; }

    /// <summary>The qualifier, if any.</summary>
    public EdtfQualifier Qualifier { get; }

    /// <summary>Year, month or day.</summary>
    public EdtfPrecision Precision { get; }

    /// <summary>First day covered (inclusive).</summary>
    public DateOnly Earliest { get; }

    /// <summary>Last day covered (inclusive).</summary>
    public DateOnly Latest { get; }

    internal static bool TryParse(string text, [NotNullWhen(true)] out EdtfPart? part, [NotNullWhen(false)] out string? why)
    {
        part = null;
        var body = text;
        var qualifier = EdtfQualifier.None;
        if (body.Length > 0)
        {
            qualifier = body[^1] switch
            {
                '?' => EdtfQualifier.Uncertain,
                '~' => EdtfQualifier.Approximate,
                '%' => EdtfQualifier.UncertainApproximate,
                _ => EdtfQualifier.None,
            };
            if (qualifier != EdtfQualifier.None)
            {
                body = body[..^1];
            }
        }

        var pieces = body.Split('-');
        if (body.Length == 0 || pieces.Length > 3 || !AllDigits(pieces))
        {
            why = $"'{EdtfDate.Quote(text)}' is not of the form YYYY, YYYY-MM or YYYY-MM-DD (optionally followed by ?, ~ or %)";
            return false;
        }
        if (pieces[0].Length != 4 || (pieces.Length > 1 && pieces[1].Length != 2) || (pieces.Length > 2 && pieces[2].Length != 2))
        {
            why = $"'{EdtfDate.Quote(text)}' must use a four-digit year and two-digit month and day";
            return false;
        }

        var year = int.Parse(pieces[0], CultureInfo.InvariantCulture);
        if (year < 1)
        {
            why = $"'{text}' has year 0000; years run from 0001 to 9999";
            return false;
        }
        int? month = null;
        int? day = null;
        if (pieces.Length > 1)
        {
            month = int.Parse(pieces[1], CultureInfo.InvariantCulture);
            if (month is < 1 or > 12)
            {
                why = $"'{text}' has month {pieces[1]}, which does not exist";
                return false;
            }
        }
        if (pieces.Length > 2)
        {
            day = int.Parse(pieces[2], CultureInfo.InvariantCulture);
            if (day < 1 || day > DateTime.DaysInMonth(year, month!.Value))
            {
                why = $"'{text}' has day {pieces[2]}, which does not exist in {year:D4}-{month:D2}";
                return false;
            }
        }

        part = new EdtfPart(text, year, month, day, qualifier);
        why = null;
        return true;
    }

    private static bool AllDigits(string[] pieces)
    {
        foreach (var piece in pieces)
        {
            if (piece.Length == 0)
            {
                return false;
            }
            foreach (var c in piece)
            {
                if (c is < '0' or > '9')
                {
                    return false;
                }
            }
        }
        return true;
    }
}
