using Timeline.Domain.Dates;

namespace Timeline.Domain.Tests.Dates;

public sealed class EdtfDateRejectionTests
{
    [Theory]
    [InlineData("2022-13", "has month 13, which does not exist")]
    [InlineData("2022-00", "has month 00, which does not exist")]
    [InlineData("2022-02-30", "has day 30, which does not exist in 2022-02")]
    [InlineData("2023-02-29", "has day 29, which does not exist in 2023-02")]
    [InlineData("2022-09-31", "has day 31, which does not exist in 2022-09")]
    [InlineData("22-09-01", "must use a four-digit year")]
    [InlineData("2022-9-1", "must use a four-digit year and two-digit month and day")]
    [InlineData("0000", "has year 0000; years run from 0001 to 9999")]
    [InlineData("2022/09/01", "its end '09/01' is not of the form YYYY, YYYY-MM or YYYY-MM-DD")]
    [InlineData("2022-11/2022-10", "ends before it starts: 2022-10 is before 2022-11")]
    [InlineData("2022-09-16/2022-09-15", "ends before it starts")]
    [InlineData("2023/2022-12~", "ends before it starts")]
    [InlineData("2022-09-15T10:00", "is not of the form YYYY, YYYY-MM or YYYY-MM-DD")]
    [InlineData("2022-11??", "is not of the form YYYY, YYYY-MM or YYYY-MM-DD (optionally followed by ?, ~ or %)")]
    [InlineData("2022-11?~", "is not of the form YYYY, YYYY-MM or YYYY-MM-DD")]
    [InlineData("?2022", "is not of the form YYYY, YYYY-MM or YYYY-MM-DD")]
    [InlineData("2022-11/", "its end '' is not of the form")]
    [InlineData("/2022-11", "its start '' is not of the form")]
    [InlineData("2022/2023/2024", "its end '2023/2024' is not of the form")]
    [InlineData("2022-11..2022-12", "is not of the form YYYY, YYYY-MM or YYYY-MM-DD")]
    [InlineData("2022-09-15-01", "is not of the form YYYY, YYYY-MM or YYYY-MM-DD")]
    [InlineData("-2022", "is not of the form YYYY, YYYY-MM or YYYY-MM-DD")]
    [InlineData(" 2022-11", "is not of the form YYYY, YYYY-MM or YYYY-MM-DD")]
    [InlineData("November 2022", "is not of the form YYYY, YYYY-MM or YYYY-MM-DD")]
    [InlineData("'; DROP TABLE events; --", "is not of the form YYYY, YYYY-MM or YYYY-MM-DD")]
    [InlineData("２０２２", "is not of the form YYYY, YYYY-MM or YYYY-MM-DD")]
    [InlineData("2022-１１", "is not of the form YYYY, YYYY-MM or YYYY-MM-DD")]
    public void An_invalid_date_is_rejected_with_a_message_that_quotes_it_and_says_why(string text, string why)
    {
        Assert.False(EdtfDate.TryParse(text, out var date, out var error));
        Assert.Null(date);
        Assert.Contains($"'{text}'", error, StringComparison.Ordinal);
        Assert.Contains(why, error, StringComparison.Ordinal);

        var thrown = Assert.Throws<FormatException>(() => EdtfDate.Parse(text));
        Assert.Equal(error, thrown.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void A_missing_date_is_rejected_as_required(string? text)
    {
        Assert.False(EdtfDate.TryParse(text, out _, out var error));
        Assert.Contains("an EDTF date is required", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ten_thousand_character_value_is_rejected_unread_and_quoted_only_in_part()
    {
        var text = string.Concat(Enumerable.Repeat("2022-09-15", 1_000));

        Assert.False(EdtfDate.TryParse(text, out _, out var error));
        Assert.Contains($"'{text[..37]}...'", error, StringComparison.Ordinal);
        Assert.Contains("it is 10000 characters long, and at most 32 are accepted", error, StringComparison.Ordinal);
        Assert.True(error.Length < 200, $"the message is {error.Length} characters long");
    }
}
