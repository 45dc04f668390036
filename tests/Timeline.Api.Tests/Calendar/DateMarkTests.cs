using Timeline.Api.Calendar;
using Timeline.Domain.Dates;

namespace Timeline.Api.Tests.Calendar;

/// <summary>Which dates the feed marks as not being exact days, and how.</summary>
public sealed class DateMarkTests
{
    [Theory]
    [InlineData("2022-11-15", null)]
    [InlineData("2022-11-15/2022-11-16", null)]
    [InlineData("2022-11", "Nov 2022")]
    [InlineData("2022", "2022")]
    [InlineData("2022-11?", "2022-11?")]
    [InlineData("2022-11-15~", "2022-11-15~")]
    [InlineData("2022-11/2022-12", "2022-11/2022-12")]
    [InlineData("2022-11-28/2022-12", "2022-11-28/2022-12")]
    public void Only_exact_days_go_unmarked(string dates, string? mark) =>
        Assert.Equal(mark, ScheduleCalendar.Mark(EdtfDate.Parse(dates)));
}
