using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Timeline.Core.Commands;

/// <summary>The names users write for the domain's enums: lowercase, hyphenated (<c>in-person</c>).</summary>
public static class Vocabulary
{
    /// <summary>The name of a value as written in files and outputs.</summary>
    public static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>Every accepted name of <typeparamref name="T"/>, in declaration order.</summary>
    public static IReadOnlyList<string> Names<T>()
        where T : struct, Enum => [.. Enum.GetValues<T>().Select(Name)];

    public static bool TryParse<T>(string? text, [NotNullWhen(true)] out T? value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Name(candidate), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }
        value = null;
        return false;
    }

    public static T Parse<T>(string text)
        where T : struct, Enum =>
        TryParse<T>(text, out var value) ? value.Value : throw new FormatException($"'{text}' is not one of {string.Join(", ", Names<T>())}");
}
