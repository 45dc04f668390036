using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FluentValidation;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Commands;

/// <summary>The shape checks every command shares, as FluentValidation rules with messages that quote the value.</summary>
internal static partial class InputRules
{
    public const int TitleLength = 200;
    public const int ShortTextLength = 200;
    public const int ReasonLength = 2000;
    public const int QuoteLength = 4000;
    public const int UrlLength = 2000;
    public const int ListLength = 500;

    public static IRuleBuilderOptions<T, string?> Required<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => !string.IsNullOrWhiteSpace(value)).WithMessage("is required");

    public static IRuleBuilderOptions<T, TValue?> Required<T, TValue>(this IRuleBuilder<T, TValue?> rule)
        where TValue : class =>
        rule.NotNull().WithMessage("is required");

    /// <summary>
    /// The one rule for the characters of every id, name, title, reason, quote and other text a command or query
    /// carries: no control characters (bar line breaks and tabs where <paramref name="multiline"/>), no invisible
    /// formatting characters (bidi embeddings, overrides, isolates and marks, zero-width spaces and joiners, the soft
    /// hyphen, tags), no line or paragraph separators outside <paramref name="multiline"/> text, and no lone surrogate.
    /// Letters, marks and punctuation of every script pass.
    /// </summary>
    /// <returns>Null when the text passes; else why not, naming the first character refused by its code point.</returns>
    public static string? Unprintable(string value, bool multiline = false)
    {
        for (var i = 0; i < value.Length; i += char.IsSurrogatePair(value, i) ? 2 : 1)
        {
            if (Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out _) != System.Buffers.OperationStatus.Done)
            {
                return $"contains U+{(int)value[i]:X4}, half of a surrogate pair, which is no character";
            }
            if (multiline && rune.Value is '\n' or '\r' or '\t')
            {
                continue;
            }
            var kind = Rune.GetUnicodeCategory(rune) switch
            {
                UnicodeCategory.Control => "a control character",
                UnicodeCategory.Format => "an invisible formatting character",
                UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator when !multiline => "a line separator",
                _ => null,
            };
            if (kind is not null)
            {
                var name = CharacterNames.TryGetValue(rune.Value, out var known) ? $" ({known})" : string.Empty;
                return $"'{FieldReader.Quote(value)}' contains U+{rune.Value:X4}{name}, {kind}";
            }
        }
        return null;
    }

    // The refused characters people meet most, by their Unicode names, so a message says what to look for.
    private static readonly Dictionary<int, string> CharacterNames = new()
    {
        [0x00] = "null", [0x09] = "tab", [0x0A] = "line feed", [0x0D] = "carriage return", [0x1B] = "escape", [0x7F] = "delete",
        [0xAD] = "soft hyphen", [0x061C] = "arabic letter mark", [0x180E] = "mongolian vowel separator",
        [0x200B] = "zero width space", [0x200C] = "zero width non-joiner", [0x200D] = "zero width joiner",
        [0x200E] = "left-to-right mark", [0x200F] = "right-to-left mark",
        [0x2028] = "line separator", [0x2029] = "paragraph separator",
        [0x202A] = "left-to-right embedding", [0x202B] = "right-to-left embedding", [0x202C] = "pop directional formatting",
        [0x202D] = "left-to-right override", [0x202E] = "right-to-left override",
        [0x2060] = "word joiner", [0x2066] = "left-to-right isolate", [0x2067] = "right-to-left isolate",
        [0x2068] = "first strong isolate", [0x2069] = "pop directional isolate", [0xFEFF] = "zero width no-break space",
    };

    /// <summary>Text of at most <paramref name="maxLength"/> characters that passes <see cref="Unprintable"/>.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> Text<T>(this IRuleBuilder<T, string?> rule, int maxLength, bool multiline = false) =>
        rule.Custom((value, context) =>
        {
            if (value is null)
            {
                return;
            }
            if (value.Length > maxLength)
            {
                context.AddFailure($"is {value.Length} characters long; at most {maxLength} are allowed");
            }
            else if (Unprintable(value, multiline) is { } refused)
            {
                context.AddFailure(refused);
            }
            else if (value.Length > 0 && string.IsNullOrWhiteSpace(value))
            {
                context.AddFailure("is blank; leave it out instead");
            }
        });

    public static IRuleBuilderOptionsConditions<T, string?> Edtf<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((value, context) =>
        {
            if (value is not null && !EdtfDate.TryParse(value, out _, out var error))
            {
                context.AddFailure(error);
            }
        });

    public static IRuleBuilderOptionsConditions<T, string?> Slug<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((value, context) =>
        {
            if (value is not null && (Unprintable(value) ?? (MeetingId.TryParse(value, out _, out var error) ? null : error)) is { } refused)
            {
                context.AddFailure(refused);
            }
        });

    public static IRuleBuilderOptionsConditions<T, string?> PersonName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((value, context) =>
        {
            if (value is not null && (Unprintable(value) ?? (ParticipantName.TryParse(value, out _, out var error) ? null : error)) is { } refused)
            {
                context.AddFailure(refused);
            }
        });

    public static IRuleBuilderOptionsConditions<T, string?> OneOf<T, TEnum>(this IRuleBuilder<T, string?> rule, params TEnum[] allowed)
        where TEnum : struct, Enum =>
        rule.Custom((value, context) =>
        {
            var names = allowed.Length == 0 ? Vocabulary.Names<TEnum>() : [.. allowed.Select(Vocabulary.Name)];
            if (value is not null && !names.Contains(value, StringComparer.Ordinal))
            {
                context.AddFailure($"'{FieldReader.Quote(value)}' is not one of {string.Join(", ", names)}");
            }
        });

    /// <summary>A day or instant with offset, not after the clock's now (a statement cannot come from the future).</summary>
    public static IRuleBuilderOptionsConditions<T, string?> KnowledgeTime<T>(this IRuleBuilder<T, string?> rule, TimeProvider clock) =>
        rule.Custom((value, context) =>
        {
            if (value is null)
            {
                return;
            }
            if (!ReportedAt.TryParse(value, out var reported, out var error))
            {
                context.AddFailure(error);
            }
            else if (clock.GetUtcNow() is var now && reported.Instant > now)
            {
                context.AddFailure($"'{value}' is in the future; a report cannot be made after now ({now:yyyy-MM-dd HH:mm} UTC)");
            }
        });

    public static IRuleBuilderOptionsConditions<T, string?> HttpUrl<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((value, context) =>
        {
            if (value is null)
            {
                return;
            }
            if (value.Length > UrlLength)
            {
                context.AddFailure($"is {value.Length} characters long; at most {UrlLength} are allowed");
            }
            else if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                context.AddFailure($"'{FieldReader.Quote(value)}' is not an absolute http or https URL");
            }
        });

    public static IRuleBuilderOptionsConditions<T, string?> CommandKey<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((value, context) =>
        {
            if (value is not null && Unprintable(value) is { } refused)
            {
                context.AddFailure(refused);
            }
            else if (value is not null && !CommandKeyPattern().IsMatch(value))
            {
                context.AddFailure($"'{FieldReader.Quote(value)}' is not a command id: use 1 to 128 letters, digits and . _ : - (starting with a letter or digit)");
            }
        });

    public static IRuleBuilderOptions<T, IReadOnlyList<TItem>?> AtMost<T, TItem>(this IRuleBuilder<T, IReadOnlyList<TItem>?> rule, int count) =>
        rule.Must(list => list is null || list.Count <= count).WithMessage((_, list) => $"has {list!.Count} entries; at most {count} are allowed");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex CommandKeyPattern();
}

/// <summary>The rules every command shares: meeting id, reportedAt, source, command id, expected version.</summary>
internal abstract class CommandInputValidator<T> : AbstractValidator<T>
    where T : CommandInput
{
    protected CommandInputValidator(TimeProvider clock)
    {
        RuleFor(c => c.MeetingId).Required().Slug();
        RuleFor(c => c.ReportedAt).Required().KnowledgeTime(clock);
        RuleFor(c => c.CommandId).CommandKey();
        RuleFor(c => c.ExpectedVersion).GreaterThanOrEqualTo(0).WithMessage(c => $"'{c.ExpectedVersion}' is not a stream version (0 or more)");
        RuleFor(c => c.Source!).ChildRules(source =>
        {
            source.RuleFor(s => s.Outlet).Text(InputRules.ShortTextLength);
            source.RuleFor(s => s.Url).HttpUrl();
            source.RuleFor(s => s.PublishedAt).KnowledgeTime(clock);
            source.RuleFor(s => s.Speaker).Text(InputRules.ShortTextLength);
            source.RuleFor(s => s.Quote).Text(InputRules.QuoteLength, multiline: true);
        }).When(c => c.Source is not null);
    }

    protected static void ValidLocation(InlineValidator<LocationInput> location)
    {
        location.RuleFor(l => l.Country).Required().Text(Location.MaxLength);
        location.RuleFor(l => l.City).Text(Location.MaxLength);
    }
}
