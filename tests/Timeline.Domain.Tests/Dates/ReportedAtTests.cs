using System.Globalization;
using Timeline.Domain.Dates;
using static Timeline.Domain.Tests.Dates.Days;

namespace Timeline.Domain.Tests.Dates;

public sealed class ReportedAtTests
{
    [Theory]
    [InlineData("2022-09-08", "2022-09-08T00:00:00Z", true)]
    [InlineData("2022-09-08T10:30:00Z", "2022-09-08T10:30:00Z", false)]
    [InlineData("2022-09-08T13:30:00+03:00", "2022-09-08T10:30:00Z", false)]
    [InlineData("2022-09-08T13:30+03:00", "2022-09-08T10:30:00Z", false)]
    [InlineData("2022-09-08T07:30:00-03:00", "2022-09-08T10:30:00Z", false)]
    [InlineData("2022-09-08T10:30:00.250Z", "2022-09-08T10:30:00.250Z", false)]
    public void A_day_or_an_instant_with_offset_is_read_and_its_text_kept_exactly(string text, string utc, bool isDay)
    {
        var reportedAt = ReportedAt.Parse(text);

        Assert.Equal(text, reportedAt.Text);
        Assert.Equal(text, reportedAt.ToString());
        Assert.Equal(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture), reportedAt.Instant);
        Assert.Equal(TimeSpan.Zero, reportedAt.Instant.Offset);
        Assert.Equal(isDay, reportedAt.IsDay);
    }

    [Theory]
    [InlineData("2022-09-08", "2022-09-08")]
    [InlineData("2022-09-08T23:30:00Z", "2022-09-08")]
    [InlineData("2022-09-08T01:30:00+03:00", "2022-09-07")]
    [InlineData("2022-09-07T22:30:00-03:00", "2022-09-08")]
    public void Its_day_is_the_UTC_day_of_its_instant(string text, string day) =>
        Assert.Equal(Day(day), ReportedAt.Parse(text).Day);

    [Fact]
    public void The_same_instant_written_two_ways_sorts_together_but_is_not_the_same_value()
    {
        var utc = ReportedAt.Parse("2022-09-08T10:30:00Z");
        var moscow = ReportedAt.Parse("2022-09-08T13:30:00+03:00");

        Assert.Equal(utc.Instant, moscow.Instant);
        Assert.NotEqual(utc, moscow);
        Assert.Equal(utc, ReportedAt.Parse("2022-09-08T10:30:00Z"));
    }

    [Fact]
    public void An_instant_from_a_clock_is_written_in_UTC_with_seconds()
    {
        var reportedAt = ReportedAt.FromInstant(new DateTimeOffset(2022, 9, 8, 13, 30, 0, TimeSpan.FromHours(3)));

        Assert.Equal("2022-09-08T10:30:00Z", reportedAt.Text);
        Assert.Equal(new DateTimeOffset(2022, 9, 8, 10, 30, 0, TimeSpan.Zero), reportedAt.Instant);
        Assert.False(reportedAt.IsDay);
    }

    [Theory]
    [InlineData("2022-09-08T10:30:00", "has no UTC offset; add Z or an offset such as +03:00")]
    [InlineData("2022-09-31", "is neither a day (YYYY-MM-DD) nor an ISO-8601 instant")]
    [InlineData("yesterday", "is neither a day (YYYY-MM-DD) nor an ISO-8601 instant")]
    [InlineData("2022-09-08 10:30Z", "is neither a day (YYYY-MM-DD) nor an ISO-8601 instant")]
    [InlineData("08.09.2022", "is neither a day (YYYY-MM-DD) nor an ISO-8601 instant")]
    [InlineData("2022-09", "is neither a day (YYYY-MM-DD) nor an ISO-8601 instant")]
    [InlineData("2022-09-08t10:30:00Z", "is neither a day (YYYY-MM-DD) nor an ISO-8601 instant")]
    [InlineData("2022-09-08T25:00:00Z", "is not a valid ISO-8601 instant")]
    [InlineData("2022-09-31T10:30:00Z", "is not a valid ISO-8601 instant")]
    [InlineData("2022-09-08T10:30:00+03:00Z", "is not a valid ISO-8601 instant")]
    public void An_invalid_value_is_rejected_with_a_message_that_quotes_it_and_says_why(string text, string why)
    {
        Assert.False(ReportedAt.TryParse(text, out var reportedAt, out var error));
        Assert.Null(reportedAt);
        Assert.Contains($"'{text}'", error, StringComparison.Ordinal);
        Assert.Contains(why, error, StringComparison.Ordinal);

        var thrown = Assert.Throws<FormatException>(() => ReportedAt.Parse(text));
        Assert.Equal(error, thrown.Message);
    }

    [Fact]
    public void A_value_longer_than_forty_characters_is_rejected_and_quoted_only_in_part()
    {
        const string text = "2022-09-08T10:30:00.000000000000000000000+03:00";

        Assert.False(ReportedAt.TryParse(text, out _, out var error));
        Assert.Contains($"'{text[..37]}...'", error, StringComparison.Ordinal);
        Assert.Contains($"is too long ({text.Length} characters; at most 40)", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void A_missing_value_is_rejected_as_required(string? text)
    {
        Assert.False(ReportedAt.TryParse(text, out _, out var error));
        Assert.Contains("is required", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2022-09-08T10:30:00+03:00 ")]
    [InlineData("2022-09-08T 10:30:00Z")]
    [InlineData("2022-09-08T10:30:00 +03:00")]
    [InlineData("2022-09-08T10:30:00+3")]
    [InlineData("2022-09-08T10:30:00 -0")]
    public void A_value_that_is_not_strict_ISO_8601_is_rejected(string text)
    {
        Assert.False(ReportedAt.TryParse(text, out var reportedAt, out var error), $"accepted as [{reportedAt?.Text}] at {reportedAt?.Instant:O}");
        Assert.Contains($"'{text}'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2022-09-08T10:30Z", "2022-09-08T10:30:00Z")]
    [InlineData("2022-09-08T10:30:00.123456Z", "2022-09-08T10:30:00.123456Z")]
    [InlineData("2022-09-08T13:30-02:00", "2022-09-08T15:30:00Z")]
    public void Strict_ISO_8601_instants_with_or_without_seconds_are_accepted(string text, string utc)
    {
        Assert.True(ReportedAt.TryParse(text, out var reportedAt, out var error), error);
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), reportedAt.Instant);
        Assert.Equal(text, reportedAt.Text);
    }
}
