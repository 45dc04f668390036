using Timeline.Core.Audit;
using Timeline.Core.Schedule;

namespace Timeline.Core.Tests.TextInput;

/// <summary>A range whose start is after its end is bad input on every query that takes both (diff has its own tests).</summary>
public sealed class QueryRangeTests
{
    [Theory]
    [InlineData("2023", "2022")]
    [InlineData("2022-12", "2022-11")]
    [InlineData("2022-11-17", "2022-11-16")]
    public void A_schedule_from_after_to_is_refused_on_from(string from, string to)
    {
        var failure = Assert.Single(new GetScheduleValidator().Validate(new GetSchedule(From: from, To: to)).Errors);

        Assert.Equal("From", failure.PropertyName);
        Assert.Equal($"'{from}' is after to ('{to}'): give the earlier date first", failure.ErrorMessage);
    }

    [Theory]
    [InlineData("2022-11", "2022-11-16")]
    [InlineData("2022-11-16", "2022-11")]
    [InlineData("2022-11-16", "2022-11-16")]
    [InlineData("2022", null)]
    public void A_schedule_range_that_meetings_can_fall_in_passes(string from, string? to) =>
        Assert.True(new GetScheduleValidator().Validate(new GetSchedule(From: from, To: to)).IsValid);

    [Theory]
    [InlineData("2023-01-01", "2022-12-31")]
    [InlineData("2022-11-16T10:00:01Z", "2022-11-16T10:00:00Z")]
    [InlineData("2022-11-17", "2022-11-16T23:00:00Z")]
    public void An_audit_reported_from_after_reported_to_is_refused_on_reported_from(string from, string to)
    {
        var failure = Assert.Single(new GetAuditValidator().Validate(new GetAudit(ReportedFrom: from, ReportedTo: to)).Errors);

        Assert.Equal("ReportedFrom", failure.PropertyName);
        Assert.Equal($"'{from}' is after reportedTo ('{to}'): give the earlier time first", failure.ErrorMessage);
    }

    [Theory]
    [InlineData("2022-11-16", "2022-11-16")]
    [InlineData("2022-11-16T10:00:00Z", "2022-11-16T10:00:00Z")]
    [InlineData("2022-11-16T10:00:00Z", "2022-11-16")]
    public void An_audit_window_of_one_day_or_one_instant_passes(string from, string to) =>
        Assert.True(new GetAuditValidator().Validate(new GetAudit(ReportedFrom: from, ReportedTo: to)).IsValid);
}
