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

    /// <summary>
    /// The check of <see cref="TryUtf8"/> for text too large to hold whole, read from <paramref name="stream"/> in
    /// chunks: the same problems, in the same words, with the same line and byte offset. Text that starts with a UTF-16
    /// byte order mark is left to <see cref="TryUtf8"/> (it must be transcoded anyway); for it this returns null too.
    /// </summary>
    /// <returns>Why the text is not UTF-8, as <see cref="TryUtf8"/> says it; null when it is.</returns>
    public static async Task<string?> CheckUtf8Async(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new byte[64 * 1024];
        var chars = new char[buffer.Length];
        var carried = 0;
        var offset = 0L;
        var lines = 1L;
        var first = true;
        while (true)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(carried), cancellationToken).ConfigureAwait(false);
            var text = buffer.AsSpan(0, carried + read);
            var start = 0;
            if (first && text.Length >= 2)
            {
                first = false;
                if (text.StartsWith(Encoding.Unicode.Preamble) || text.StartsWith(Encoding.BigEndianUnicode.Preamble))
                {
                    return null;
                }
                start = text.StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
            }
            var zero = text[start..].IndexOf((byte)0);
            var checkedUpTo = zero >= 0 ? start + zero : text.Length;
            var status = Utf8.ToUtf16(text[start..checkedUpTo], chars, out var valid, out _, replaceInvalidSequences: false, isFinalBlock: read == 0 || zero >= 0);
            var end = start + valid;
            if (status == System.Buffers.OperationStatus.InvalidData)
            {
                return $"is not valid UTF-8: byte 0x{text[end]:X2} at line {lines + text[..end].Count((byte)'\n')} (byte offset {offset + end}) does not start a valid character; save it as UTF-8";
            }
            if (zero >= 0)
            {
                return $"holds a zero byte at line {lines + text[..checkedUpTo].Count((byte)'\n')} (byte offset {offset + checkedUpTo}): it looks like UTF-16 without a byte order mark; save it as UTF-8";
            }
            if (read == 0)
            {
                return null;
            }
            // A character cut by the chunk's end is checked with the next chunk.
            lines += text[..end].Count((byte)'\n');
            offset += end;
            carried = text.Length - end;
            text[end..].CopyTo(buffer);
        }
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
