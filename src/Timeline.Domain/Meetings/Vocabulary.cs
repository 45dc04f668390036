using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Timeline.Domain.Meetings;

/// <summary>
/// The names users write for the domain's enums (<see cref="MeetingKind"/>, <see cref="MeetingStatus"/>,
/// <see cref="AttendanceLevel"/>, <see cref="AttendanceMode"/>): lowercase and hyphenated, e.g. <c>in-person</c>.
/// Files, outputs and stored events all use these names.
/// </summary>
public static class Vocabulary
{
    /// <summary>The rule that turns a value's CLR name into its written name; stored events use it too.</summary>
    public static JsonNamingPolicy Naming { get; } = JsonNamingPolicy.KebabCaseLower;

    /// <summary>The name of a value as written in files and outputs.</summary>
    public static string Name<T>(T value)
        where T : struct, Enum => Naming.ConvertName(value.ToString());

    /// <summary>Every accepted name of <typeparamref name="T"/>, in declaration order.</summary>
    public static IReadOnlyList<string> Names<T>()
        where T : struct, Enum => [.. Enum.GetValues<T>().Select(Name)];

    /// <summary>The value named <paramref name="text"/> (exactly, case-sensitively), or false.</summary>
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

    /// <summary>The value named <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">No value of <typeparamref name="T"/> has that name.</exception>
    public static T Parse<T>(string text)
        where T : struct, Enum =>
        TryParse<T>(text, out var value) ? value.Value : throw new FormatException($"'{text}' is not one of {string.Join(", ", Names<T>())}");
}
