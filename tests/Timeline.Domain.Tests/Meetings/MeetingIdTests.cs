using Timeline.Domain.Meetings;

namespace Timeline.Domain.Tests.Meetings;

public sealed class MeetingIdTests
{
    [Theory]
    [InlineData("g20-2022")]
    [InlineData("sco-2022")]
    [InlineData("putin-xi-2022")]
    [InlineData("russia-china-business-forum-2022")]
    [InlineData("russia-china-history-roundtable-2022")]
    [InlineData("kazakhstan-2022-10")]
    [InlineData("eef2022")]
    [InlineData("2022")]
    [InlineData("g")]
    public void A_lowercase_slug_is_a_meeting_id(string text)
    {
        Assert.True(MeetingId.TryParse(text, out var id, out var error));
        Assert.Null(error);
        Assert.Equal(text, id.Value);
        Assert.Equal(text, id.ToString());
    }

    [Fact]
    public void A_slug_of_eighty_characters_is_accepted() =>
        Assert.Equal(80, MeetingId.Parse(new string('g', 76) + "2022").Value.Length);

    [Fact]
    public void Ids_are_equal_when_their_slugs_are() =>
        Assert.Equal(MeetingId.Parse("g20-2022"), MeetingId.Parse("g20-2022"));

    [Theory]
    [InlineData("G20-2022", "use lowercase letters, digits and single hyphens")]
    [InlineData("g20 2022", "use lowercase letters, digits and single hyphens")]
    [InlineData(" g20-2022", "use lowercase letters, digits and single hyphens")]
    [InlineData("-g20-2022", "use lowercase letters, digits and single hyphens")]
    [InlineData("g20--2022", "use lowercase letters, digits and single hyphens")]
    [InlineData("g20-2022-", "it may not end with a hyphen")]
    [InlineData("-", "use lowercase letters, digits and single hyphens")]
    [InlineData("g20_2022", "use lowercase letters, digits and single hyphens")]
    [InlineData("g20.2022", "use lowercase letters, digits and single hyphens")]
    [InlineData("саммит-2022", "use lowercase letters, digits and single hyphens")]
    [InlineData("g20-bali-café", "use lowercase letters, digits and single hyphens")]
    [InlineData("ｇ２０-2022", "use lowercase letters, digits and single hyphens")]
    [InlineData("g20-2022\n", "use lowercase letters, digits and single hyphens")]
    [InlineData("'; DROP TABLE events; --", "use lowercase letters, digits and single hyphens")]
    [InlineData("g20-2022' OR '1'='1", "use lowercase letters, digits and single hyphens")]
    [InlineData("../../etc/passwd", "use lowercase letters, digits and single hyphens")]
    [InlineData("<script>alert(1)</script>", "use lowercase letters, digits and single hyphens")]
    public void Anything_but_a_lowercase_slug_is_rejected_with_a_message_that_quotes_it(string text, string why)
    {
        Assert.False(MeetingId.TryParse(text, out _, out var error));
        Assert.Contains($"'{Timeline.Domain.Dates.EdtfDate.Quote(text)}' is not a meeting id", error, StringComparison.Ordinal);
        Assert.Contains(why, error, StringComparison.Ordinal);
        Assert.Equal(error, Assert.Throws<FormatException>(() => MeetingId.Parse(text)).Message);
    }

    [Fact]
    public void An_id_over_eighty_characters_is_rejected_and_quoted_only_in_part()
    {
        var text = new string('g', 77) + "2022";

        Assert.False(MeetingId.TryParse(text, out _, out var error));
        Assert.Contains($"'{text[..37]}...'", error, StringComparison.Ordinal);
        Assert.Contains("is too long for a meeting id (81 characters; at most 80)", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void A_missing_id_is_rejected_as_required(string? text)
    {
        Assert.False(MeetingId.TryParse(text, out _, out var error));
        Assert.Contains("a meeting id is required", error, StringComparison.Ordinal);
    }
}
