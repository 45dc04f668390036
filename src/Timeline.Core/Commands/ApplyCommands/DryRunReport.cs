namespace Timeline.Core.Commands.ApplyCommands;

/// <summary>
/// What a dry run found, as <c>timeline import --dry-run --format json</c> and <c>POST /api/commands?dryRun=true</c>
/// both write it (docs/contract.md#dry-run-output): every command's outcome against the store as it is, nothing written.
/// </summary>
/// <param name="DryRun">Always true, so the document cannot be mistaken for a report of a write.</param>
/// <param name="Commands">How many commands were decided.</param>
/// <param name="Applied">How many would append events.</param>
/// <param name="Unchanged">How many would change nothing.</param>
/// <param name="Duplicates">How many carry a command id already on record (or given earlier in the batch).</param>
/// <param name="Rejected">How many would be rejected by a rule; more than 0 makes the run exit 3 (HTTP 409).</param>
/// <param name="EventsToAppend">How many events a real run would append now.</param>
/// <param name="CurrentVersions">The version of every meeting the batch is about, as it is now: what <c>If-Match</c> would name.</param>
/// <param name="Outcomes">Each command's outcome, in input order.</param>
public sealed record DryRunReport(
    bool DryRun,
    int Commands,
    int Applied,
    int Unchanged,
    int Duplicates,
    int Rejected,
    int EventsToAppend,
    IReadOnlyDictionary<string, long> CurrentVersions,
    IReadOnlyList<DryRunOutcome> Outcomes)
{
    /// <summary>The document for a report made with <see cref="ApplyCommands.DryRun"/>.</summary>
    public static DryRunReport Of(ApplyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var outcomes = report.Outcomes
            .Select(o => new DryRunOutcome(o.Origin, o.Command, o.MeetingId, o.CommandId, o.Result, o.Events, o.Rule, o.Reason))
            .ToList();
        return new DryRunReport(
            true,
            outcomes.Count,
            report.Applied,
            report.Unchanged,
            report.Duplicates,
            outcomes.Count(o => o.Result == "rejected"),
            outcomes.Sum(o => o.Events),
            new SortedDictionary<string, long>(report.VersionsRead.ToDictionary(), StringComparer.Ordinal),
            outcomes);
    }
}

/// <summary>One command's outcome in a dry run.</summary>
/// <param name="Result"><c>applied</c>, <c>unchanged</c>, <c>duplicate</c> or <c>rejected</c>.</param>
/// <param name="Events">How many events it would append.</param>
/// <param name="Rule">The rule it would break; null unless rejected.</param>
/// <param name="Reason">Why, as a real run would say it; null unless rejected.</param>
public sealed record DryRunOutcome(CommandOrigin Origin, string Command, string MeetingId, string CommandId, string Result, int Events, string? Rule, string? Reason);
