using Timeline.Domain.Dates;
using static Timeline.Domain.Tests.Dates.Days;

namespace Timeline.Domain.Tests.Dates;

public sealed class EdtfDateParsingTests
{
    [Theory]
    [InlineData("2022", EdtfPrecision.Year, EdtfQualifier.None)]
    [InlineData("2022?", EdtfPrecision.Year, EdtfQualifier.Uncertain)]
    [InlineData("2022~", EdtfPrecision.Year, EdtfQualifier.Approximate)]
    [InlineData("2022%", EdtfPrecision.Year, EdtfQualifier.UncertainApproximate)]
    [InlineData("2022-11", EdtfPrecision.Month, EdtfQualifier.None)]
    [InlineData("2022-11?", EdtfPrecision.Month, EdtfQualifier.Uncertain)]
    [InlineData("2022-11~", EdtfPrecision.Month, EdtfQualifier.Approximate)]
    [InlineData("2022-11%", EdtfPrecision.Month, EdtfQualifier.UncertainApproximate)]
    [InlineData("2022-09-15", EdtfPrecision.Day, EdtfQualifier.None)]
    [InlineData("2022-09-15?", EdtfPrecision.Day, EdtfQualifier.Uncertain)]
    [InlineData("2022-09-15~", EdtfPrecision.Day, EdtfQualifier.Approximate)]
    [InlineData("2022-09-15%", EdtfPrecision.Day, EdtfQualifier.UncertainApproximate)]
    public void A_single_date_is_read_with_its_precision_and_qualifier(string text, EdtfPrecision precision, EdtfQualifier qualifier)
    {
        var date = EdtfDate.Parse(text);

        Assert.Equal(text, date.Text);
        Assert.False(date.IsInterval);
        Assert.Null(date.End);
        Assert.Equal(precision, date.Start.Precision);
        Assert.Equal(qualifier, date.Start.Qualifier);
        Assert.Equal(qualifier != EdtfQualifier.None, date.IsQualified);
    }

    [Theory]
    [InlineData("2022-09-15/2022-09-16", EdtfQualifier.None, EdtfQualifier.None)]
    [InlineData("2022-09-15?/2022-09-16", EdtfQualifier.Uncertain, EdtfQualifier.None)]
    [InlineData("2022-09-15/2022-09-16~", EdtfQualifier.None, EdtfQualifier.Approximate)]
    [InlineData("2022-11%/2022-12?", EdtfQualifier.UncertainApproximate, EdtfQualifier.Uncertain)]
    [InlineData("2022~/2023%", EdtfQualifier.Approximate, EdtfQualifier.UncertainApproximate)]
    public void An_interval_is_read_with_a_qualifier_on_each_part(string text, EdtfQualifier start, EdtfQualifier end)
    {
        var date = EdtfDate.Parse(text);

        Assert.True(date.IsInterval);
        Assert.Equal(text, date.Text);
        Assert.Equal(text, $"{date.Start.Text}/{date.End?.Text}");
        Assert.Equal(start, date.Start.Qualifier);
        Assert.Equal(end, date.End?.Qualifier);
        Assert.Equal(start != EdtfQualifier.None || end != EdtfQualifier.None, date.IsQualified);
    }

    [Theory]
    [InlineData("2022", EdtfPrecision.Year, EdtfPrecision.Month)]
    [InlineData("2022-09", EdtfPrecision.Month, EdtfPrecision.Day)]
    [InlineData("2022-09-15", EdtfPrecision.Day, EdtfPrecision.Year)]
    public void An_interval_may_join_any_two_precisions(string start, EdtfPrecision startPrecision, EdtfPrecision endPrecision)
    {
        var end = endPrecision switch
        {
            EdtfPrecision.Year => "2023",
            EdtfPrecision.Month => "2023-01",
            _ => "2023-01-15",
        };

        var date = EdtfDate.Parse($"{start}/{end}");

        Assert.Equal(startPrecision, date.Start.Precision);
        Assert.Equal(endPrecision, date.End?.Precision);
    }

    [Fact]
    public void A_day_is_read_into_its_year_month_and_day()
    {
        var day = EdtfDate.Parse("2022-09-15").Start;

        Assert.Equal((2022, (int?)9, (int?)15), (day.Year, day.Month, day.Day));
    }

    [Fact]
    public void A_month_has_no_day_and_a_year_has_neither()
    {
        var month = EdtfDate.Parse("2022-11").Start;
        var year = EdtfDate.Parse("2022").Start;

        Assert.Equal((2022, (int?)11, (int?)null), (month.Year, month.Month, month.Day));
        Assert.Equal((2022, (int?)null, (int?)null), (year.Year, year.Month, year.Day));
    }

    [Fact]
    public void Dates_are_equal_when_written_the_same_way()
    {
        Assert.Equal(EdtfDate.Parse("2022-11"), EdtfDate.Parse("2022-11"));
        Assert.Equal(EdtfDate.Parse("2022-11").GetHashCode(), EdtfDate.Parse("2022-11").GetHashCode());
        Assert.Equal("2022-09-15/2022-09-16", EdtfDate.Parse("2022-09-15/2022-09-16").ToString());
    }

    [Fact]
    public void Dates_written_differently_are_not_equal_even_when_they_span_the_same_days()
    {
        var month = EdtfDate.Parse("2022-11");
        var interval = EdtfDate.Parse("2022-11-01/2022-11-30");

        Assert.Equal((month.Earliest, month.Latest), (interval.Earliest, interval.Latest));
        Assert.NotEqual(month, interval);
        Assert.NotEqual(month, EdtfDate.Parse("2022-11?"));
    }

    [Fact]
    public void TryParse_returns_the_date_and_no_error()
    {
        Assert.True(EdtfDate.TryParse("2022-11", out var date, out var error));
        Assert.Equal(Day("2022-11-30"), date.Latest);
        Assert.Null(error);
    }
}
