using System.Globalization;
using Timeline.Domain.Dates;

namespace Timeline.Cli.Output;

/// <summary>Dates for people: <c>15–16 Sep 2022</c>, <c>Nov 2022</c>, <c>8 Sep 2022</c>. JSON output never uses these.</summary>
internal static class HumanDates
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>A meeting's EDTF dates; "dates to be decided" when there are none.</summary>
    public static string Meeting(string? edtf)
    {
        if (edtf is null)
        {
            return "dates to be decided";
        }
        if (!EdtfDate.TryParse(edtf, out var date, out _))
        {
            return edtf;
        }
        if (date.End is not { } end)
        {
            return Part(date.Start, showYear: true);
        }
        var start = date.Start;
        if (start.Precision == EdtfPrecision.Day && end.Precision == EdtfPrecision.Day && start.Qualifier == EdtfQualifier.None && end.Qualifier == EdtfQualifier.None)
        {
            if (start.Year == end.Year && start.Month == end.Month)
            {
                return $"{start.Day}–{end.Day} {Month(end)} {end.Year}";
            }
            if (start.Year == end.Year)
            {
                return $"{start.Day} {Month(start)} – {end.Day} {Month(end)} {end.Year}";
            }
        }
        return $"{Part(start, showYear: true)} – {Part(end, showYear: true)}";
    }

    /// <summary>A reportedAt value: <c>8 Sep 2022</c>, or <c>8 Sep 2022 10:30 UTC</c> for an instant.</summary>
    public static string Reported(string? reportedAt)
    {
        if (reportedAt is null || !ReportedAt.TryParse(reportedAt, out var value, out _))
        {
            return reportedAt ?? string.Empty;
        }
        return value.IsDay
            ? value.Instant.ToString("d MMM yyyy", Culture)
            : value.Instant.ToString("d MMM yyyy HH:mm 'UTC'", Culture);
    }

    /// <summary>A recordedAt value, to the second.</summary>
    public static string Recorded(string recordedAt) =>
        DateTimeOffset.TryParse(recordedAt, Culture, DateTimeStyles.AssumeUniversal, out var value)
            ? value.UtcDateTime.ToString("d MMM yyyy HH:mm:ss 'UTC'", Culture)
            : recordedAt;

    private static string Part(EdtfPart part, bool showYear)
    {
        var text = part.Precision switch
        {
            EdtfPrecision.Day => $"{part.Day} {Month(part)}" + (showYear ? $" {part.Year}" : string.Empty),
            EdtfPrecision.Month => $"{Month(part)} {part.Year}",
            _ => part.Year.ToString(Culture),
        };
        return part.Qualifier switch
        {
            EdtfQualifier.Uncertain => $"{text} (uncertain)",
            EdtfQualifier.Approximate => $"about {text}",
            EdtfQualifier.UncertainApproximate => $"about {text} (uncertain)",
            _ => text,
        };
    }

    private static string Month(EdtfPart part) => Culture.DateTimeFormat.GetAbbreviatedMonthName(part.Month ?? 1);
}
