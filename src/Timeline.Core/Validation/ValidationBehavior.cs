using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Timeline.Core.Commands;

namespace Timeline.Core.Validation;

/// <summary>
/// The one place shape checks run: every validator of a message, before its handler. Failures become
/// <see cref="InputRejected"/>, with fields written as JSON paths (<c>location.country</c>).
/// </summary>
internal sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var failures = new List<ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors);
        }
        if (failures.Count > 0)
        {
            throw new InputRejected([.. failures.Select(ToInputError)]);
        }
        return await next(message, cancellationToken);
    }

    private static InputError ToInputError(ValidationFailure failure) => failure.CustomState is InputError located
        ? located
        : new InputError(null, null, JsonPaths.FromProperty(failure.PropertyName), failure.ErrorMessage);
}

/// <summary>Field names as users write them.</summary>
internal static class JsonPaths
{
    /// <summary>Turns FluentValidation's <c>Participants[0].Name</c> into the JSON path <c>participants[0].name</c>.</summary>
    public static string FromProperty(string propertyName) =>
        string.Join('.', propertyName.Split('.', StringSplitOptions.RemoveEmptyEntries)
            .Select(segment => char.ToLowerInvariant(segment[0]) + segment[1..]));
}
