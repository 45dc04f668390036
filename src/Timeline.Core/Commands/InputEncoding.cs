using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;

namespace Timeline.Core.Commands;

/// <summary>
/// The one check of how submitted text is encoded, for command files and request bodies alike: UTF-8, with or
/// without a byte order mark, or UTF-16 that starts with its byte order mark. Anything else is refused with the line
/// and byte offset where decoding fails, before a parser sees it.
/// </summary>
public static class InputEncoding
{
    /// <summary>
    /// Gives the UTF-8 text of <paramref name="bytes"/> without a byte order mark (transcoding UTF-16 that has one), or
    /// says why the bytes are not text.
    /// </summary>
    /// <param name="bytes">The file or body as read.</param>
    /// <param name="utf8">The UTF-8 bytes, without the byte order mark: <paramref name="bytes"/> itself when it has none.</param>
    /// <param name="error">
    /// Why not, starting with a verb phrase to follow the file's name, e.g.
    /// <c>is not valid UTF-8: byte 0xC3 at line 1 (byte offset 78) does not start a valid character; save it as UTF-8</c>.
    /// </param>
    public static bool TryUtf8(byte[] bytes, out byte[] utf8, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        utf8 = [];
        var span = bytes.AsSpan();
        if (span.StartsWith(Encoding.UTF8.Preamble))
        {
            return TryPlainUtf8(bytes, Encoding.UTF8.Preamble.Length, out utf8, out error);
        }
        if (span.StartsWith(Encoding.Unicode.Preamble) || span.StartsWith(Encoding.BigEndianUnicode.Preamble))
        {
            return TryUtf16(bytes, bigEndian: span[0] == 0xFE, out utf8, out error);
        }
        return TryPlainUtf8(bytes, 0, out utf8, out error);
    }

    private static bool TryPlainUtf8(byte[] bytes, int start, out byte[] utf8, [NotNullWhen(false)] out string? error)
    {
        utf8 = [];
        var text = bytes.AsSpan(start);
        // A zero byte is no character of any text format Timeline reads; in a file it almost always means UTF-16 or
        // UTF-32 saved without a byte order mark, every ASCII character followed or preceded by one.
        var zero = text.IndexOf((byte)0);
        if (zero >= 0)
        {
            error = $"holds a zero byte at {Where(bytes, start + zero)}: it looks like UTF-16 without a byte order mark; save it as UTF-8";
            return false;
        }
        if (!Utf8.IsValid(text))
        {
            var bad = FirstInvalid(text);
            error = $"is not valid UTF-8: byte 0x{text[bad]:X2} at {Where(bytes, start + bad)} does not start a valid character; save it as UTF-8";
            return false;
        }
        utf8 = start == 0 ? bytes : bytes[start..];
        error = null;
        return true;
    }

    private static bool TryUtf16(byte[] bytes, bool bigEndian, out byte[] utf8, [NotNullWhen(false)] out string? error)
    {
        utf8 = [];
        var strict = new UnicodeEncoding(bigEndian, byteOrderMark: true, throwOnInvalidBytes: true);
        try
        {
            utf8 = Encoding.UTF8.GetBytes(strict.GetString(bytes, 2, bytes.Length - 2));
        }
        catch (DecoderFallbackException e)
        {
            error = $"is not valid UTF-16: a broken character at byte offset {2 + Math.Max(e.Index, 0)}; save it as UTF-8";
            return false;
        }
        error = null;
        return true;
    }

    // Only reached for text Utf8.IsValid refused, so the walk's cost never falls on good input.
    private static int FirstInvalid(ReadOnlySpan<byte> text)
    {
        var offset = 0;
        while (offset < text.Length)
        {
            if (Rune.DecodeFromUtf8(text[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }
            offset += consumed;
        }
        return offset;
    }

    private static string Where(byte[] bytes, int offset) =>
        $"line {bytes.AsSpan(0, offset).Count((byte)'\n') + 1} (byte offset {offset})";
}
