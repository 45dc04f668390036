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

    /// <summary>Text of at most <paramref name="maxLength"/> characters, with no control characters (bar line breaks and tabs where <paramref name="multiline"/>).</summary>
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
            else if (value.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')))
            {
                context.AddFailure($"'{FieldReader.Quote(value)}' contains a control character");
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
            if (value is not null && !MeetingId.TryParse(value, out _, out var error))
            {
                context.AddFailure(error);
            }
        });

    public static IRuleBuilderOptionsConditions<T, string?> PersonName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((value, context) =>
        {
            if (value is not null && !ParticipantName.TryParse(value, out _, out var error))
            {
                context.AddFailure(error);
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
            if (value is not null && !CommandKeyPattern().IsMatch(value))
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
