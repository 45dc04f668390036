using Microsoft.Extensions.Time.Testing;
using Timeline.Core.Storage;

namespace Timeline.Core.Tests.Storage;

/// <summary>recordedAt: UTC, whole microseconds, one text form written and read in one place.</summary>
public sealed class RecordedAtTests
{
    private static readonly DateTimeOffset InMoscow = new DateTimeOffset(2022, 9, 8, 13, 30, 0, TimeSpan.FromHours(3)).AddTicks(1_234_567);

    [Fact]
    public void A_store_stamps_its_clock_cut_down_to_the_microsecond_in_UTC()
    {
        var stamped = RecordedAt.FromClock(new FakeTimeProvider(InMoscow));

        Assert.Equal(new DateTimeOffset(2022, 9, 8, 10, 30, 0, TimeSpan.Zero).AddTicks(1_234_560), stamped.Instant);
        Assert.Equal(TimeSpan.Zero, stamped.Instant.Offset);
        Assert.Equal("2022-09-08T10:30:00.123456Z", stamped.ToString());
    }

    [Theory]
    [InlineData(9, 0)]
    [InlineData(10, 10)]
    [InlineData(19, 10)]
    public void Cutting_down_never_rounds_up(long ticks, long kept)
    {
        var start = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(start.AddTicks(kept), RecordedAt.CutDown(start.AddTicks(ticks)).Instant);
    }

    [Fact]
    public void An_instant_finer_than_a_microsecond_is_no_recordedAt_and_the_message_quotes_it()
    {
        var error = Assert.Throws<ArgumentException>(() => RecordedAt.Exactly(InMoscow));

        Assert.Contains("2022-09-08T13:30:00.1234567+03:00", error.Message, StringComparison.Ordinal);
        Assert.Equal(RecordedAt.CutDown(InMoscow), RecordedAt.Exactly(RecordedAt.CutDown(InMoscow).Instant.ToOffset(TimeSpan.FromHours(-5))));
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00.000000Z")]
    [InlineData("2026-11-29T12:00:00.000000Z")]
    [InlineData("2022-09-08T10:30:00.123456Z")]
    [InlineData("9999-12-31T23:59:59.999999Z")]
    public void The_text_form_reads_back_to_the_same_value(string text)
    {
        var value = RecordedAt.Parse(text);

        Assert.Equal(text, value.ToString());
        Assert.Equal(value, RecordedAt.Exactly(value.Instant));
    }

    [Theory]
    [InlineData("2022-09-08T10:30:00.12345Z")]
    [InlineData("2022-09-08T10:30:00.1234567Z")]
    [InlineData("2022-09-08T10:30:00.123456+00:00")]
    [InlineData("2022-09-08 10:30:00.123456Z")]
    [InlineData("2022-09-08")]
    [InlineData("")]
    public void Any_other_text_is_refused_quoting_it(string text)
    {
        Assert.False(RecordedAt.TryParse(text, out _, out var error));

        Assert.Contains($"'{text}'", error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => RecordedAt.Parse(text));
    }

    [Fact]
    public void Text_order_is_time_order()
    {
        var values = new[] { "2022-09-08T10:30:00.000001Z", "2022-09-08T10:30:00.000000Z", "2021-12-31T23:59:59.999999Z" }
            .Select(RecordedAt.Parse)
            .ToList();

        Assert.Equal(values.OrderBy(v => v.ToString(), StringComparer.Ordinal), values.Order());
        Assert.True(values[2] < values[1] && values[1] < values[0] && values[0] >= values[1]);
    }
}
