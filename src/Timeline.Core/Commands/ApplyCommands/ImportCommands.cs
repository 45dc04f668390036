using Mediator;

namespace Timeline.Core.Commands.ApplyCommands;

/// <summary>
/// Applies commands as they are read, all or nothing, like <see cref="ApplyCommands"/> but in constant memory: the
/// command loop checks, decides and writes them in batches inside one write transaction of the store, keeping only the
/// meetings it worked on lately, and commits once at the end. Used by <c>timeline import</c>.
/// </summary>
/// <remarks>
/// Nothing is written when anything is wrong: a problem the reader reports, a command of the wrong shape, a rule broken,
/// or a cancellation. Every command is still read and checked after the first problem, so that every problem is
/// reported at once: the reader's problems if there are any, else the shape problems, else the rule broken.
/// </remarks>
/// <param name="Commands">The commands, read as they are enumerated, once.</param>
/// <param name="ReadErrors">
/// The problems the reader of <paramref name="Commands"/> has found so far; it adds to this as it reads. A command it
/// could not read is left out of <paramref name="Commands"/> and described here.
/// </param>
public sealed record ImportCommands(IAsyncEnumerable<SubmittedCommand> Commands, IReadOnlyCollection<InputError> ReadErrors) : ICommand<ApplyReport>
{
    /// <summary>Told how many commands have been decided so far.</summary>
    public IProgress<int>? Progress { get; init; }

    /// <summary>
    /// Keep every command's outcome for the report (<see cref="ApplyReport.Outcomes"/>), which costs memory in
    /// proportion to the commands; otherwise the report holds only the counts.
    /// </summary>
    public bool KeepOutcomes { get; init; } = true;

    /// <summary>How many commands are decided and written together; the memory an import needs grows with it.</summary>
    public int BatchSize { get; init; } = 2000;

    /// <summary>
    /// How many meetings stay folded between batches, at least; a meeting forgotten is read again, from the
    /// transaction, when a later command needs it.
    /// </summary>
    /// <remarks>
    /// The meetings of the last two batches are always kept. Each kept meeting holds its events, so this bounds most of
    /// an import's memory: importing 150,000 commands peaked at 306 MB keeping 10,000 and at 177 MB keeping 2,000, for
    /// about a tenth more CPU spent reading streams again (docs/benchmarks.md, "Import memory").
    /// </remarks>
    public int KeepMeetings { get; init; } = 2_000;
}
