using System.CommandLine;
using Timeline.Cli.Output;
using Timeline.Core.Conflicts;
using Timeline.Core.Diff;
using static Timeline.Cli.Verbs.QueryVerbs;

namespace Timeline.Cli.Verbs;

/// <summary><c>diff</c> and <c>conflicts</c>: what changed between two times, and where sources disagree.</summary>
internal static class ChangeVerbs
{
    public static Command Diff(CliEnvironment environment)
    {
        var from = new Option<string?>("--from") { Description = $"The earlier knowledge time: {PointHelp}" };
        var to = new Option<string?>("--to") { Description = $"The later knowledge time (default: everything reported): {PointHelp}" };
        var recordedFrom = new Option<string?>("--recorded-from") { Description = $"Restatements: the earlier system time, instead of --from: {PointHelp}" };
        var recordedTo = new Option<string?>("--recorded-to") { Description = $"Restatements: the later system time (default: everything recorded): {PointHelp}" };
        var asOf = new Option<string?>("--as-of") { Description = "With --recorded-from: compare what was known by then (default: everything reported)" };
        var recordedAsOf = new Option<string?>("--recorded-as-of") { Description = "With --from: compare what the store had recorded by then (default: everything recorded)" };
        var meeting = new Option<string?>("--meeting") { Description = "Only this meeting" };
        var participant = new Option<string?>("--participant") { Description = "Only meetings naming this person, and only their attendance among the participants" };
        var command = new Command("diff", "What changed in the picture between two knowledge times (or, with --recorded-from, two system times), with the reports that changed it")
        {
            from, to, recordedFrom, recordedTo, asOf, recordedAsOf, meeting, participant,
        };
        return command.Answers(
            environment,
            parse => new GetDiff(
                parse.GetValue(from),
                parse.GetValue(to),
                parse.GetValue(recordedFrom),
                parse.GetValue(recordedTo),
                parse.GetValue(asOf),
                parse.GetValue(recordedAsOf),
                parse.GetValue(meeting),
                parse.GetValue(participant)),
            Tables.Diff);
    }

    public static Command Conflicts(CliEnvironment environment)
    {
        var within = new Option<int>("--within")
        {
            Description = $"The most days between two reports that disagree (default {GetConflicts.DefaultWithin})",
            DefaultValueFactory = _ => GetConflicts.DefaultWithin,
        };
        var meeting = new Option<string?>("--meeting") { Description = "Only this meeting" };
        var asOf = new Option<string?>("--as-of") { Description = $"Only reports made by then: {PointHelp}" };
        var recordedAsOf = new Option<string?>("--recorded-as-of") { Description = $"Only what the store had recorded by then: {PointHelp}" };
        var command = new Command("conflicts", "Reports from different sources that disagree about one fact of one meeting: flags for review, not verdicts")
        {
            within, meeting, asOf, recordedAsOf,
        };
        return command.Answers(
            environment,
            parse => new GetConflicts(parse.GetValue(within), parse.GetValue(meeting), parse.GetValue(asOf), parse.GetValue(recordedAsOf)),
            Tables.Conflicts);
    }
}
