using Timeline.Domain.Dates;
using static Timeline.Domain.Tests.Dates.Days;

namespace Timeline.Domain.Tests.Dates;

public sealed class EdtfDateBoundsTests
{
    [Theory]
    [InlineData("2022", "2022-01-01", "2022-12-31")]
    [InlineData("2022-11", "2022-11-01", "2022-11-30")]
    [InlineData("2022-12", "2022-12-01", "2022-12-31")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29")]
    [InlineData("2023-02", "2023-02-01", "2023-02-28")]
    [InlineData("2024-02-29", "2024-02-29", "2024-02-29")]
    [InlineData("2022-09-15", "2022-09-15", "2022-09-15")]
    [InlineData("2022-09-15/2022-09-16", "2022-09-15", "2022-09-16")]
    [InlineData("2022-09-05/2022-09-08", "2022-09-05", "2022-09-08")]
    [InlineData("2022-11/2022-12", "2022-11-01", "2022-12-31")]
    [InlineData("2022/2023", "2022-01-01", "2023-12-31")]
    [InlineData("2022-09/2022-09-15", "2022-09-01", "2022-09-15")]
    [InlineData("2022-11-15/2022-11", "2022-11-15", "2022-11-30")]
    [InlineData("2022-11/2022-11", "2022-11-01", "2022-11-30")]
    [InlineData("0001", "0001-01-01", "0001-12-31")]
    [InlineData("9999", "9999-01-01", "9999-12-31")]
    [InlineData("9999-12-31", "9999-12-31", "9999-12-31")]
    public void Every_date_spans_an_earliest_and_a_latest_day(string text, string earliest, string latest)
    {
        var date = EdtfDate.Parse(text);

        Assert.Equal(Day(earliest), date.Earliest);
        Assert.Equal(Day(latest), date.Latest);
    }

    [Theory]
    [InlineData("2022-11?", "2022-11-01", "2022-11-30")]
    [InlineData("2022~", "2022-01-01", "2022-12-31")]
    [InlineData("2022-09-15%", "2022-09-15", "2022-09-15")]
    [InlineData("2022-09-15?/2022-09-16~", "2022-09-15", "2022-09-16")]
    public void A_qualifier_does_not_move_the_bounds(string text, string earliest, string latest)
    {
        var date = EdtfDate.Parse(text);

        Assert.Equal(Day(earliest), date.Earliest);
        Assert.Equal(Day(latest), date.Latest);
    }

    [Theory]
    [InlineData("2022-11", "2022-11-15", "2022-11-16", true)]
    [InlineData("2022-11", "2022-10-01", "2022-11-01", true)]
    [InlineData("2022-11", "2022-11-30", "2022-12-31", true)]
    [InlineData("2022-11", "2022-10-01", "2022-10-31", false)]
    [InlineData("2022-11", "2022-12-01", "2022-12-31", false)]
    [InlineData("2022-09-15/2022-09-16", "2022-09-16", "2022-09-16", true)]
    [InlineData("2022-09-15/2022-09-16", "2022-09-01", "2022-09-15", true)]
    [InlineData("2022-09-15/2022-09-16", "2022-09-01", "2022-09-30", true)]
    [InlineData("2022-09-15/2022-09-16", "2022-09-17", "2022-09-30", false)]
    [InlineData("2022-09-15/2022-09-16", "2022-09-01", "2022-09-14", false)]
    [InlineData("2022", "2021-12-31", "2021-12-31", false)]
    [InlineData("2022", "2021-12-31", "2022-01-01", true)]
    [InlineData("2022-09-08", "2022-09-08", "2022-09-08", true)]
    public void A_date_overlaps_a_range_of_days_when_they_share_at_least_one_day(string text, string from, string to, bool overlaps) =>
        Assert.Equal(overlaps, EdtfDate.Parse(text).Overlaps(Day(from), Day(to)));

    [Theory]
    [InlineData("9999-12", "9999-12-01", "9999-12-31")]
    [InlineData("9999-12?", "9999-12-01", "9999-12-31")]
    [InlineData("2022/9999-12", "2022-01-01", "9999-12-31")]
    public void The_last_month_of_year_9999_spans_to_its_last_day(string text, string earliest, string latest)
    {
        Assert.True(EdtfDate.TryParse(text, out var date, out var error), error);
        Assert.Equal(Day(earliest), date.Earliest);
        Assert.Equal(Day(latest), date.Latest);
    }

    [Fact]
    public void A_control_character_is_quoted_as_an_escape_not_sent_to_the_terminal()
    {
        Assert.False(EdtfDate.TryParse("2022-1\u001b[31m", out _, out var error));
        Assert.DoesNotContain('\u001b', error);
        Assert.Contains("\\u001b", error, StringComparison.Ordinal);
    }
}
