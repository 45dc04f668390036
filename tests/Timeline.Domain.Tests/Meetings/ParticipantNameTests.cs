using Timeline.Domain.Meetings;

namespace Timeline.Domain.Tests.Meetings;

public sealed class ParticipantNameTests
{
    [Theory]
    [InlineData("Vladimir Putin", "Vladimir Putin")]
    [InlineData("  Vladimir Putin  ", "Vladimir Putin")]
    [InlineData("Vladimir    Putin", "Vladimir Putin")]
    [InlineData("Vladimir\tPutin", "Vladimir Putin")]
    [InlineData("\n Xi \r\n Jinping \t", "Xi Jinping")]
    [InlineData("Ukhnaagiin Khürelsükh", "Ukhnaagiin Khürelsükh")]
    [InlineData("Сергей Лавров", "Сергей Лавров")]
    public void A_name_is_trimmed_and_its_inner_white_space_folded_to_one_space(string text, string value) =>
        Assert.Equal(value, ParticipantName.Parse(text).Value);

    [Fact]
    public void A_name_keeps_its_case_as_written() =>
        Assert.Equal("vladimir putin", ParticipantName.Parse("vladimir putin").ToString());

    [Theory]
    [InlineData("Vladimir Putin", "vladimir putin")]
    [InlineData("Vladimir Putin", "VLADIMIR PUTIN")]
    [InlineData("Vladimir Putin", "  vladimir   PUTIN ")]
    [InlineData("Сергей Лавров", "СЕРГЕЙ ЛАВРОВ")]
    public void Names_that_differ_only_in_case_or_spacing_are_the_same_participant(string first, string second)
    {
        var a = ParticipantName.Parse(first);
        var b = ParticipantName.Parse(second);

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Single(new HashSet<ParticipantName> { a, b });
    }

    [Theory]
    [InlineData("Vladimir Putin", "Vladimir Putin Jr")]
    [InlineData("Sergey Lavrov", "Sergey Naryshkin")]
    [InlineData("Vladimir Putin", "VladimirPutin")]
    public void Different_names_are_different_participants(string first, string second) =>
        Assert.NotEqual(ParticipantName.Parse(first), ParticipantName.Parse(second));

    [Theory]
    [InlineData("Vladimir\u0000Putin")]
    [InlineData("Xi\u0007Jinping")]
    [InlineData("Sergey\u001BLavrov")]
    [InlineData("Zhang Hanhui\u007F")]
    public void A_name_with_a_control_character_is_rejected(string text)
    {
        Assert.False(ParticipantName.TryParse(text, out _, out var error));
        Assert.Contains($"'{Timeline.Domain.Dates.EdtfDate.Quote(text)}' contains a control character", error, StringComparison.Ordinal);
        Assert.DoesNotContain(error, c => char.IsControl(c));
        Assert.Equal(error, Assert.Throws<FormatException>(() => ParticipantName.Parse(text)).Message);
    }

    [Fact]
    public void A_name_of_a_hundred_and_twenty_characters_is_accepted_and_the_limit_applies_after_trimming()
    {
        var name = new string('a', 120);

        Assert.Equal(name, ParticipantName.Parse(name).Value);
        Assert.Equal(name, ParticipantName.Parse($"   {name}   ").Value);
    }

    [Fact]
    public void A_name_over_a_hundred_and_twenty_characters_is_rejected_and_quoted_only_in_part()
    {
        var name = new string('a', 121);

        Assert.False(ParticipantName.TryParse(name, out _, out var error));
        Assert.Contains($"'{name[..37]}...'", error, StringComparison.Ordinal);
        Assert.Contains("is too long for a name (121 characters; at most 120)", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public void A_blank_name_is_rejected_as_required(string? text)
    {
        Assert.False(ParticipantName.TryParse(text, out _, out var error));
        Assert.Equal("a participant's name is required", error);
    }
}
