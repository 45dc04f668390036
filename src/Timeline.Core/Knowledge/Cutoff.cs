using System.Diagnostics.CodeAnalysis;
using Timeline.Domain.Dates;

namespace Timeline.Core.Knowledge;

/// <summary>
/// An upper bound on knowledge time (<c>--as-of</c>) or system time (<c>--recorded-as-of</c>).
/// </summary>
/// <remarks>
/// Given as a bare day, it includes the whole of that day in UTC; given as an instant with offset, it includes
/// everything at or before that instant. <see cref="Before"/> is the exclusive bound both reduce to.
/// </remarks>
/// <param name="Text">The bound as given, shown back in outputs.</param>
/// <param name="Before">Exclusive upper bound: a time is included when it is strictly earlier.</param>
public sealed record Cutoff(string Text, DateTimeOffset Before)
{
    /// <summary>Parses a day (<c>2022-09-10</c>) or an instant with offset (<c>2022-09-10T12:00:00Z</c>).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Cutoff? cutoff, [NotNullWhen(false)] out string? error)
    {
        cutoff = null;
        if (!ReportedAt.TryParse(text, out var point, out error))
        {
            return false;
        }
        cutoff = new Cutoff(point.Text, point.IsDay ? point.Instant.AddDays(1) : point.Instant.AddTicks(1));
        return true;
    }

    /// <summary>Parses, or throws <see cref="FormatException"/> quoting the value.</summary>
    public static Cutoff Parse(string text) => TryParse(text, out var cutoff, out var error) ? cutoff : throw new FormatException(error);

    /// <summary>The cutoff that lets in a report made at <paramref name="reportedAt"/> and everything before it.</summary>
    public static Cutoff Through(ReportedAt reportedAt) => new(reportedAt.Text, reportedAt.Instant.AddTicks(1));

    /// <summary>True when <paramref name="instant"/> falls within the bound.</summary>
    public bool Includes(DateTimeOffset instant) => instant < Before;

    /// <summary>True when <paramref name="recordedAt"/> falls within the bound.</summary>
    public bool Includes(Storage.RecordedAt recordedAt) => recordedAt.Instant < Before;

    /// <summary>The last instant included, for queries that take an inclusive bound.</summary>
    public DateTimeOffset Through() => Before.AddTicks(-1);

    /// <inheritdoc />
    public override string ToString() => Text;
}
