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
/// <param name="Outcomes">Each command's outcome, in input order; empty for an import that was asked not to keep them.</param>
/// <param name="StreamVersions">The version of every meeting the batch touched, after it.</param>
public sealed record ApplyReport(IReadOnlyList<CommandOutcome> Outcomes, int EventsAppended, IReadOnlyDictionary<string, long> StreamVersions)
{
    /// <summary>How many commands were decided, and how many of each result: counted as they were decided.</summary>
    [JsonIgnore]
    public OutcomeCounts Counts { get; init; } = OutcomeCounts.Of(Outcomes);

    public int Applied => Counts.Applied;

    public int Unchanged => Counts.Unchanged;

    public int Duplicates => Counts.Duplicates;

    /// <summary>
    /// How many times the batch was read, decided and appended again after losing a race to another writer (0 when it
    /// went through at once). Where metrics count retries.
    /// </summary>
    public int Retries { get; init; }

    /// <summary>The version of every meeting the batch touched, as read before deciding (what a dry run reports).</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, long> VersionsRead { get; init; } = new Dictionary<string, long>();
}

/// <summary>How many commands a batch decided, by result.</summary>
public sealed record OutcomeCounts(int Commands, int Applied, int Unchanged, int Duplicates)
{
    /// <summary>The counts of a list of outcomes.</summary>
    public static OutcomeCounts Of(IReadOnlyList<CommandOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        return new(outcomes.Count, outcomes.Count(o => o.Result == "applied"), outcomes.Count(o => o.Result == "unchanged"), outcomes.Count(o => o.Result == "duplicate"));
    }

    /// <summary>These counts and one more command with <paramref name="result"/>.</summary>
    public OutcomeCounts And(string result) => new(
        Commands + 1,
        Applied + (result == "applied" ? 1 : 0),
        Unchanged + (result == "unchanged" ? 1 : 0),
        Duplicates + (result == "duplicate" ? 1 : 0));
}

/// <summary>Checks every command's shape with its own validator; each failure carries the command's origin.</summary>
internal sealed class ApplyCommandsValidator : AbstractValidator<ApplyCommands>
{
    public ApplyCommandsValidator(TimeProvider clock)
    {
        RuleFor(c => c.Commands).NotEmpty().WithMessage(CommandShapes.NoCommands);
        var shapes = new CommandShapes(clock);
        RuleForEach(c => c.Commands).Custom((submitted, context) =>
        {
            foreach (var error in shapes.Check(submitted))
            {
                context.AddFailure(new ValidationFailure(error.Field, error.Message) { CustomState = error });
            }
        });
    }
}

/// <summary>One command's shape check, with the validator of each kind of command built once.</summary>
internal sealed class CommandShapes(TimeProvider clock)
{
    /// <summary>What a batch without commands is told.</summary>
    public const string NoCommands = "there are no commands to apply";

    // Building a validator compiles its rules; build each command's once, not once per submitted command.
    private readonly Dictionary<string, IValidator> _validators = new(StringComparer.Ordinal);

    /// <summary>What is wrong with the command's shape, each error pointing at its origin and field; empty when nothing is.</summary>
    public IEnumerable<InputError> Check(SubmittedCommand submitted)
    {
        if (!_validators.TryGetValue(submitted.Input.Command, out var validator))
        {
            validator = CommandCatalog.ValidatorFor(submitted.Input, clock);
            _validators.Add(submitted.Input.Command, validator);
        }
        var result = validator.Validate(new ValidationContext<object>(submitted.Input));
        return result.Errors.Select(failure =>
            new InputError(submitted.Origin, submitted.Input.Command, JsonPaths.FromProperty(failure.PropertyName), failure.ErrorMessage));
    }
}
