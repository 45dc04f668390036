using System.Globalization;
using Spectre.Console;
using Timeline.Core.Conflicts;
using Timeline.Core.Diff;
using Timeline.Core.Knowledge;
using Timeline.Core.Storage;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;

namespace Timeline.Cli.Output;

/// <summary>The diff, read like a briefing note, and the table of sources that disagree.</summary>
internal static partial class Tables
{
    /// <summary>
    /// One paragraph per meeting: "G20 summit (g20-2022): Vladimir Putin expected → declined (represented by Sergey
    /// Lavrov), said by Dmitry Peskov, Kremlin spokesman on 10 Nov 2022", then each report that made the change.
    /// </summary>
    public static void Diff(IAnsiConsole console, DiffDocument diff)
    {
        console.Write(new Rule(Markup.Escape(DiffHeading(diff))).LeftJustified());
        if (diff.Changes.Count == 0)
        {
            console.WriteLine("Nothing changed.");
            return;
        }
        foreach (var change in diff.Changes)
        {
            console.MarkupLine($"[bold]{Markup.Escape(change.Title)}[/] [grey]({Markup.Escape(change.MeetingId)})[/]: {Markup.Escape(Phrases(change) + Attribution(change.Reports))}");
            foreach (var report in change.Reports)
            {
                var who = Who(report.Source) ?? "unattributed";
                console.MarkupLine($"    [grey]{Markup.Escape($"{HumanDates.Reported(report.ReportedAt)} · {who} · {report.Summary} · #{report.Sequence}")}[/]");
                if (report.Source.Quote is { } quote)
                {
                    console.MarkupLine($"      [italic]“{Markup.Escape(Shortened(quote))}”[/]");
                }
            }
        }
        console.WriteLine($"{diff.Changes.Count} meeting{(diff.Changes.Count == 1 ? string.Empty : "s")} changed.");
    }

    public static void Conflicts(IAnsiConsole console, ConflictsDocument conflicts)
    {
        var heading = $"Sources that disagree within {Days(conflicts.Within)}";
        console.Write(new Rule(Markup.Escape(KnowledgeHeading(heading, conflicts.AsOf, conflicts.RecordedAsOf))).LeftJustified());
        if (conflicts.Conflicts.Count == 0)
        {
            console.WriteLine($"No two sources disagree within {Days(conflicts.Within)}.");
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.AddColumn("Meeting");
        table.AddColumn("About");
        table.AddColumn("One source said");
        table.AddColumn("Another said");
        table.AddColumn(new TableColumn("Apart").RightAligned());
        foreach (var c in conflicts.Conflicts)
        {
            table.AddRow(
                new Markup($"{Markup.Escape(c.Title)}\n[grey]{Markup.Escape(c.MeetingId)}[/]"),
                new Markup(Markup.Escape(c.Participant is null ? Label(c.Fact) : $"{Label(c.Fact)} of {c.Participant}")),
                new Markup(Side(c.Fact, c.First)),
                new Markup(Side(c.Fact, c.Second)),
                new Markup(Markup.Escape(Days(c.DaysApart))));
        }
        console.Write(table);
        console.WriteLine($"{conflicts.Conflicts.Count} disagreement{(conflicts.Conflicts.Count == 1 ? string.Empty : "s")} to review.");
    }

    private static string DiffHeading(DiffDocument diff) => diff.RecordedFrom is { } recordedFrom
        ? $"What this store learned between {HumanDates.Reported(recordedFrom)} and {Until(diff.RecordedTo)}"
            + (diff.AsOf is null ? string.Empty : $", about what was known on {HumanDates.Reported(diff.AsOf)}")
        : $"What changed between {HumanDates.Reported(diff.From)} and {Until(diff.To)}"
            + (diff.RecordedAsOf is null ? string.Empty : $", as recorded by {HumanDates.Reported(diff.RecordedAsOf)}");

    private static string Until(string? bound) => bound is null ? "now" : HumanDates.Reported(bound);

    /// <summary>"scheduled → held; Vladimir Putin planned → attended, in-person".</summary>
    private static string Phrases(MeetingChange change)
    {
        if (change.Change == MeetingChangeKind.Removed)
        {
            return "no longer on record";
        }
        var phrases = new List<string>();
        foreach (var field in change.Fields.Where(f => f.Participant is null && !(f.Field == MeetingField.Title && f.Before is null)))
        {
            var arrow = Arrow(field);
            phrases.Add(field.Field switch
            {
                MeetingField.Title => $"title {arrow}",
                MeetingField.Dates when field.Before is not null => $"dates {arrow}",
                MeetingField.Location when field.Before is not null => $"place {arrow}",
                _ => arrow,
            });
        }
        foreach (var person in change.Fields.Where(f => f.Participant is not null).GroupBy(f => f.Participant!, StringComparer.Ordinal))
        {
            var fields = person.ToDictionary(f => f.Field);
            var text = person.Key;
            if (fields.TryGetValue(MeetingField.Attendance, out var attendance))
            {
                text += $" {Arrow(attendance)}";
            }
            if (fields.TryGetValue(MeetingField.RepresentedBy, out var deputy))
            {
                text += deputy.After is { } now ? $" (represented by {now})" : $" (no longer represented by {deputy.Before})";
            }
            if (fields.TryGetValue(MeetingField.Mode, out var mode))
            {
                text += $", {Arrow(mode)}";
            }
            phrases.Add(text);
        }
        return (change.Change == MeetingChangeKind.Added ? "newly reported: " : string.Empty) + string.Join("; ", phrases);
    }

    /// <summary>", said by Dmitry Peskov on 10 Nov 2022", or for several reports the latest of them.</summary>
    private static string Attribution(IReadOnlyList<ChangeReport> reports)
    {
        if (reports.Count == 0)
        {
            return string.Empty;
        }
        var latest = reports[^1];
        var said = Who(latest.Source) is { } who ? $"said by {who}" : "reported";
        var on = $"{said} on {HumanDates.Reported(latest.ReportedAt)}";
        return reports.Count == 1 ? $", {on}" : $", in {reports.Count} reports, the latest {on}";
    }

    private static string Arrow(FieldChange field) =>
        field.Before is null ? Words(field.Field, field.After) : $"{Words(field.Field, field.Before)} → {Words(field.Field, field.After)}";

    /// <summary>A field's value as people read it; what stands for no value depends on the field.</summary>
    private static string Words(MeetingField field, object? value) => value switch
    {
        null => field switch
        {
            MeetingField.Dates => "dates to be decided",
            MeetingField.Location => "no place",
            MeetingField.Mode => "mode not said",
            MeetingField.Attendance => "not named",
            _ => "none",
        },
        string dates when field == MeetingField.Dates => HumanDates.Meeting(dates),
        EdtfDate dates => HumanDates.Meeting(dates.Text),
        AttendanceLevel level => Vocabulary.Name(level),
        AttendanceMode mode => Vocabulary.Name(mode),
        MeetingStatus status => Vocabulary.Name(status),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static string Label(MeetingField field) => field == MeetingField.RepresentedBy ? "representative" : Vocabulary.Name(field);

    private static string Side(MeetingField fact, ConflictSide side) =>
        $"[bold]{Markup.Escape(Words(fact, side.Claim))}[/], {Markup.Escape(HumanDates.Reported(side.ReportedAt))} [grey]#{side.Sequence}[/]\n{SourceText(side.Source)}";

    private static string? Who(Source source) => source.Speaker ?? source.Outlet;

    private static string Days(int days) => days == 1 ? "1 day" : $"{days.ToString(CultureInfo.InvariantCulture)} days";

    private static string Shortened(string quote) => quote.Length > 160 ? quote[..157] + "..." : quote;
}
