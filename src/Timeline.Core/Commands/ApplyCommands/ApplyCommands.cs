using System.Text.Json.Serialization;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Timeline.Core.Validation;

namespace Timeline.Core.Commands.ApplyCommands;

/// <summary>A command with where it came from.</summary>
public sealed record SubmittedCommand(CommandInput Input, CommandOrigin Origin);

/// <summary>
/// Applies commands in order, all or nothing: each is decided against its meeting as known at its own reportedAt
/// (seeing the commands before it in the batch), and every resulting event is appended in one transaction with
/// the stream versions that were read. Used by <c>timeline import</c> and <c>POST /api/commands</c>.
/// </summary>
public sealed record ApplyCommands(IReadOnlyList<SubmittedCommand> Commands) : ICommand<ApplyReport>
{
    /// <summary>Told how many commands have been decided so far, for progress on long imports.</summary>
    public IProgress<int>? Progress { get; init; }

    /// <summary>Decide every command against the store and report each outcome, rejections included, but write nothing.</summary>
    public bool DryRun { get; init; }
}

/// <summary>What happened to one command.</summary>
/// <param name="Result">
/// <c>applied</c> (events appended), <c>unchanged</c> (it changed nothing) or <c>duplicate</c> (its command id was
/// already applied); in a dry run also <c>rejected</c>.
/// </param>
public sealed record CommandOutcome(CommandOrigin Origin, string Command, string MeetingId, string CommandId, string Result, IReadOnlyList<long> Sequences)
{
    /// <summary>How many events it appends (or, in a dry run, would append).</summary>
    [JsonIgnore]
    public int Events { get; init; }

    /// <summary>The rule a dry run found broken; null unless <see cref="Result"/> is <c>rejected</c>.</summary>
    [JsonIgnore]
    public string? Rule { get; init; }

    /// <summary>Why the rule is broken; null unless <see cref="Result"/> is <c>rejected</c>.</summary>
    [JsonIgnore]
    public string? Reason { get; init; }
}

/// <summary>The result of a batch.</summary>
/// <param name="StreamVersions">The version of every meeting the batch touched, after it.</param>
public sealed record ApplyReport(IReadOnlyList<CommandOutcome> Outcomes, int EventsAppended, IReadOnlyDictionary<string, long> StreamVersions)
{
    public int Applied => Outcomes.Count(o => o.Result == "applied");

    public int Unchanged => Outcomes.Count(o => o.Result == "unchanged");

    public int Duplicates => Outcomes.Count(o => o.Result == "duplicate");

    /// <summary>
    /// How many times the batch was read, decided and appended again after losing a race to another writer (0 when it
    /// went through at once). Where metrics count retries.
    /// </summary>
    public int Retries { get; init; }

    /// <summary>The version of every meeting the batch touched, as read before deciding (what a dry run reports).</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, long> VersionsRead { get; init; } = new Dictionary<string, long>();
}

/// <summary>Checks every command's shape with its own validator; each failure carries the command's origin.</summary>
internal sealed class ApplyCommandsValidator : AbstractValidator<ApplyCommands>
{
    public ApplyCommandsValidator(TimeProvider clock)
    {
        RuleFor(c => c.Commands).NotEmpty().WithMessage("there are no commands to apply");
        // Building a validator compiles its rules; build each command's once, not once per submitted command.
        var validators = new Dictionary<string, IValidator>(StringComparer.Ordinal);
        RuleForEach(c => c.Commands).Custom((submitted, context) =>
        {
            if (!validators.TryGetValue(submitted.Input.Command, out var validator))
            {
                validator = CommandCatalog.ValidatorFor(submitted.Input, clock);
                validators.Add(submitted.Input.Command, validator);
            }
            var result = validator.Validate(new ValidationContext<object>(submitted.Input));
            foreach (var failure in result.Errors)
            {
                var error = new InputError(submitted.Origin, submitted.Input.Command, JsonPaths.FromProperty(failure.PropertyName), failure.ErrorMessage);
                context.AddFailure(new ValidationFailure(error.Field, error.Message) { CustomState = error });
            }
        });
    }
}
