using System.Text;
using Timeline.Core.Commands;

namespace Timeline.Core.Tests.TextInput;

/// <summary>The one encoding check for command files and request bodies (InputEncoding).</summary>
public sealed class InputEncodingTests
{
    private const string Command = "[\n  {\"command\": \"ConfirmAttendance\", \"participant\": \"Владимир Путин\"}\n]\n";

    [Fact]
    public void Utf8_passes_as_it_is()
    {
        var bytes = Encoding.UTF8.GetBytes(Command);

        Assert.True(InputEncoding.TryUtf8(bytes, out var utf8, out var error), error);
        Assert.Same(bytes, utf8);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void Text_with_a_byte_order_mark_becomes_utf8_without_one(string encoding)
    {
        var chosen = Encoding.GetEncoding(encoding);
        byte[] bytes = [.. chosen.GetPreamble(), .. chosen.GetBytes(Command)];

        Assert.True(InputEncoding.TryUtf8(bytes, out var utf8, out var error), error);
        Assert.Equal(Encoding.UTF8.GetBytes(Command), utf8);
    }

    [Fact]
    public void Invalid_utf8_is_refused_naming_the_line_and_the_byte_offset()
    {
        var bytes = Encoding.UTF8.GetBytes(Command);
        var offset = Command.IndexOf("Путин", StringComparison.Ordinal);
        var at = Encoding.UTF8.GetByteCount(Command[..offset]);
        bytes[at + 1] = (byte)'A'; // 'П' is 0xD0 0x9F: its first byte, then one that cannot continue it

        Assert.False(InputEncoding.TryUtf8(bytes, out _, out var error));
        Assert.Equal($"is not valid UTF-8: byte 0xD0 at line 2 (byte offset {at}) does not start a valid character; save it as UTF-8", error);
    }

    [Theory]
    [InlineData(new byte[] { 0x5B, 0xFF, 0x5D }, 1)]
    [InlineData(new byte[] { 0x5B, 0x22, 0xE2, 0x80 }, 2)]
    [InlineData(new byte[] { 0x5B, 0xED, 0xA0, 0x80, 0x5D }, 1)]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x5B, 0x80 }, 4)]
    public void Truncated_overlong_and_surrogate_sequences_are_refused_at_their_first_byte(byte[] bytes, int offset)
    {
        Assert.False(InputEncoding.TryUtf8(bytes, out _, out var error));
        Assert.Contains($"(byte offset {offset})", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf16_without_a_byte_order_mark_is_refused_as_such()
    {
        var bytes = Encoding.Unicode.GetBytes(Command);

        Assert.False(InputEncoding.TryUtf8(bytes, out _, out var error));
        Assert.Equal("holds a zero byte at line 1 (byte offset 1): it looks like UTF-16 without a byte order mark; save it as UTF-8", error);
    }

    [Fact]
    public void Broken_utf16_after_its_byte_order_mark_is_refused()
    {
        byte[] bytes = [0xFF, 0xFE, 0x5B, 0x00, 0x00, 0xD8, 0x5D, 0x00];

        Assert.False(InputEncoding.TryUtf8(bytes, out _, out var error));
        Assert.StartsWith("is not valid UTF-16: a broken character at byte offset ", error, StringComparison.Ordinal);
    }
}
