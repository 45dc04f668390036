using System.Globalization;

namespace Timeline.Domain.Tests.Dates;

internal static class Days
{
    /// <summary>A calendar day written as yyyy-MM-dd (attributes cannot hold a <see cref="DateOnly"/>).</summary>
    public static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
