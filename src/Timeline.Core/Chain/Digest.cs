using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Timeline.Domain.Dates;

namespace Timeline.Core.Chain;

/// <summary>
/// The head of the hash chain at one sequence, <c>HASH@SEQ</c>: kept somewhere else, it lets <c>timeline verify</c>
/// prove later that the log still extends it.
/// </summary>
/// <param name="Hash">The hash of the event at <paramref name="Sequence"/> (<see cref="EventHash.Genesis"/> for an empty log).</param>
/// <param name="Sequence">The event's global sequence; 0 for an empty log.</param>
public sealed record Digest(EventHash Hash, long Sequence)
{
    /// <summary>Reads <c>HASH@SEQ</c>: 64 lowercase hexadecimal digits, <c>@</c>, a sequence of 0 or more.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Digest? digest, [NotNullWhen(false)] out string? error)
    {
        digest = null;
        var at = text?.LastIndexOf('@') ?? -1;
        if (text is null || at < 0)
        {
            error = $"'{EdtfDate.Quote(text ?? string.Empty)}' is not a digest HASH@SEQ (as 'timeline digest' prints it)";
            return false;
        }
        if (!EventHash.TryParse(text[..at], out var hash, out error))
        {
            return false;
        }
        if (!long.TryParse(text[(at + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            error = $"'{EdtfDate.Quote(text[(at + 1)..])}' after @ is not a sequence (a whole number, 0 or more)";
            return false;
        }
        digest = new Digest(hash, sequence);
        return true;
    }

    /// <summary>Reads <c>HASH@SEQ</c>.</summary>
    /// <exception cref="FormatException">It is not a digest; the message quotes it.</exception>
    public static Digest Parse(string text) => TryParse(text, out var digest, out var error) ? digest : throw new FormatException(error);

    /// <summary><c>HASH@SEQ</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Hash}@{Sequence}");
}
