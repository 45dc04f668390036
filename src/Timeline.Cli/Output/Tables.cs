using Spectre.Console;
using Timeline.Core.Attendance;
using Timeline.Core.Audit;
using Timeline.Core.Commands;
using Timeline.Core.History;
using Timeline.Core.Schedule;
using Timeline.Core.Storage;
using Timeline.Domain.Meetings;

namespace Timeline.Cli.Output;

/// <summary>The human-readable tables of each output.</summary>
internal static partial class Tables
{
    /// <summary>What people read for an overdue meeting (docs/contract.md#schedule-output).</summary>
    public const string OverdueWords = "dates passed; outcome not reported";

    public static void Schedule(IAnsiConsole console, ScheduleDocument schedule)
    {
        console.Write(new Rule(Markup.Escape(KnowledgeHeading("Schedule", schedule.AsOf, schedule.RecordedAsOf))).LeftJustified());
        if (schedule.Meetings.Count == 0)
        {
            console.WriteLine("No meetings are known" + (schedule.AsOf is null ? "." : $" as of {HumanDates.Reported(schedule.AsOf)}."));
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.AddColumn("When");
        table.AddColumn("Meeting");
        table.AddColumn("Where");
        table.AddColumn("Status");
        table.AddColumn("Who");
        foreach (var m in schedule.Meetings)
        {
            var title = Markup.Escape(m.Title) + $"\n[grey]{Markup.Escape(m.Id)}"
                + (m.SidelinesOf is null ? string.Empty : $", on the sidelines of {Markup.Escape(m.SidelinesOf)}") + "[/]";
            table.AddRow(
                new Markup(Markup.Escape(HumanDates.Meeting(m.Dates))),
                new Markup(title),
                new Markup(Markup.Escape(m.Location?.ToString() ?? string.Empty)),
                new Markup(Status(m.Status, m.StatusReason) + OverdueNote(m.Overdue)),
                new Markup(m.Participants.Count == 0
                    ? "[grey]nobody named[/]"
                    : string.Join('\n', m.Participants.Select(p => $"{Markup.Escape(p.Name)}: {Standing(p)}"))));
        }
        console.Write(table);
        console.WriteLine($"{schedule.Meetings.Count} meeting{(schedule.Meetings.Count == 1 ? string.Empty : "s")}."
            + (schedule.Next is null ? string.Empty : $" More follow: add --after {schedule.Next} for the next page."));
    }

    public static void History(IAnsiConsole console, HistoryDocument history)
    {
        console.Write(new Rule(Markup.Escape(KnowledgeHeading($"History of {history.MeetingId}", history.AsOf, history.RecordedAsOf))).LeftJustified());
        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.AddColumn("Reported");
        table.AddColumn("What changed");
        table.AddColumn("Source");
        table.AddColumn("Recorded");
        foreach (var e in history.Entries)
        {
            var change = Markup.Escape(e.Summary);
            if (e.Retracted)
            {
                change = $"[strikethrough]{change}[/]\n[red]retracted[/] [grey]by {Markup.Escape(e.RetractedBy ?? string.Empty)}[/]";
            }
            table.AddRow(
                new Markup(Markup.Escape(HumanDates.Reported(e.ReportedAt))),
                new Markup($"{change}\n[grey]{Markup.Escape(e.Event)}, #{e.Sequence}[/]"),
                new Markup(SourceText(e.Source)),
                new Markup($"{Markup.Escape(e.RecordedBy)}\n[grey]{Markup.Escape(HumanDates.Recorded(e.RecordedAt))}[/]"));
        }
        console.Write(table);
        var retracted = history.Entries.Count(e => e.Retracted);
        console.WriteLine($"{history.Entries.Count} entr{(history.Entries.Count == 1 ? "y" : "ies")}" + (retracted > 0 ? $", {retracted} retracted." : "."));
    }

    public static void Attendance(IAnsiConsole console, AttendanceDocument ledger)
    {
        console.Write(new Rule(Markup.Escape(KnowledgeHeading("Attendance: announced versus confirmed", ledger.AsOf, ledger.RecordedAsOf))).LeftJustified());
        if (ledger.Rows.Count == 0)
        {
            console.WriteLine("No attendance is known.");
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.AddColumn("Meeting");
        table.AddColumn("Participant");
        table.AddColumn("Announced");
        table.AddColumn("Confirmed");
        table.AddColumn(new TableColumn("Days").RightAligned());
        table.AddColumn("Outcome");
        foreach (var row in ledger.Rows)
        {
            table.AddRow(
                new Markup($"{Markup.Escape(row.MeetingTitle)}\n[grey]{Markup.Escape(row.MeetingId)}, {Markup.Escape(HumanDates.Meeting(row.Dates))}[/]"),
                new Markup(Markup.Escape(row.Participant)),
                new Markup(row.AnnouncedAt is null ? "[grey]never announced[/]" : $"{Markup.Escape(Vocabulary.Name(row.AnnouncedLevel!.Value))}, {Markup.Escape(HumanDates.Reported(row.AnnouncedAt))}"),
                new Markup(row.ConfirmedAt is null ? "[grey]not confirmed[/]" : Markup.Escape(HumanDates.Reported(row.ConfirmedAt))),
                new Markup(row.DaysToConfirm?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "[grey]–[/]"),
                new Markup(Outcome(row) + OverdueNote(row.Overdue)));
        }
        console.Write(table);
    }

    public static void Audit(IAnsiConsole console, AuditDocument audit)
    {
        if (audit.Events.Count == 0)
        {
            console.WriteLine("No events match.");
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.AddColumn(new TableColumn("#").RightAligned());
        table.AddColumn("Meeting");
        table.AddColumn("Event");
        table.AddColumn("Reported");
        table.AddColumn("Source");
        table.AddColumn("Recorded");
        foreach (var e in audit.Events)
        {
            table.AddRow(
                new Markup(e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Markup(Markup.Escape(e.MeetingId)),
                new Markup($"{Markup.Escape(e.Event)}\n[grey]{Markup.Escape(e.Summary)}[/]"),
                new Markup(Markup.Escape(HumanDates.Reported(e.ReportedAt))),
                new Markup(SourceText(e.Source)),
                new Markup($"{Markup.Escape(e.RecordedBy)}\n[grey]{Markup.Escape(HumanDates.Recorded(e.RecordedAt))}[/]"));
        }
        console.Write(table);
        console.WriteLine($"{audit.Events.Count} event{(audit.Events.Count == 1 ? string.Empty : "s")}."
            + (audit.Next is { } next ? $" More match: add --after {next} for the next page." : string.Empty));
    }

    public static void Rebuild(IAnsiConsole console, Core.Index.IndexRebuild rebuilt)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("Rebuilt from the log");
        table.AddColumn(new TableColumn("Count").RightAligned());
        foreach (var (what, count) in (ReadOnlySpan<(string, long)>)[
            ("events read", rebuilt.Events), ("meetings", rebuilt.Meetings), ("meeting states", rebuilt.States), ("report days", rebuilt.ReportDays)])
        {
            table.AddRow(what, count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        }
        console.Write(table);
        console.WriteLine($"The as-of index is rebuilt (format {rebuilt.FormatVersion}).");
    }

    /// <summary>"expected since 8 Sep 2022", "confirmed 13 Sep 2022 (announced 8 Sep 2022)", "declined, represented by Sergey Lavrov".</summary>
    public static string Standing(ScheduledParticipant p)
    {
        var level = Vocabulary.Name(p.Attendance);
        var mode = p.Mode is { } m ? $" ({Vocabulary.Name(m)})" : string.Empty;
        var colour = p.Attendance switch
        {
            AttendanceLevel.Confirmed or AttendanceLevel.Attended => "green",
            AttendanceLevel.Declined => "red",
            AttendanceLevel.Planned => "blue",
            AttendanceLevel.Expected => "yellow",
            _ => "grey",
        };
        var text = p.Attendance switch
        {
            AttendanceLevel.Confirmed => $"confirmed {HumanDates.Reported(p.ConfirmedAt)}" + (p.AnnouncedAt is { } a && a != p.ConfirmedAt ? $" (announced {HumanDates.Reported(a)})" : string.Empty),
            AttendanceLevel.Declined => $"declined {HumanDates.Reported(p.Since)}" + (p.RepresentedBy is { } r ? $", represented by {r}" : string.Empty),
            AttendanceLevel.Attended => "attended" + (p.RepresentedBy is { } r ? $", represented by {r}" : string.Empty),
            _ => $"{level} since {HumanDates.Reported(p.Since)}",
        };
        return $"[{colour}]{Markup.Escape(text + mode)}[/]";
    }

    private static string Status(MeetingStatus status, string? reason)
    {
        var colour = status switch
        {
            MeetingStatus.Held => "green",
            MeetingStatus.Cancelled => "red",
            MeetingStatus.Postponed => "yellow",
            _ => "default",
        };
        return $"[{colour}]{Vocabulary.Name(status)}[/]" + (reason is null ? string.Empty : $"\n[grey]{Markup.Escape(reason)}[/]");
    }

    private static string OverdueNote(bool overdue) => overdue ? $"\n[yellow]{OverdueWords}[/]" : string.Empty;

    private static string Outcome(AttendanceRow row)
    {
        var text = row.Outcome + (row.RepresentedBy is { } r ? $" (represented by {r})" : string.Empty);
        var colour = row.Outcome switch
        {
            "attended" => "green",
            "declined" or "cancelled" => "red",
            _ => "yellow",
        };
        return $"[{colour}]{Markup.Escape(text)}[/]";
    }

    private static string SourceText(Source source)
    {
        var who = string.Join(", ", new[] { source.Speaker, source.Outlet }.Where(s => s is not null));
        var text = Markup.Escape(who.Length == 0 ? "unattributed" : who);
        if (source.Quote is { } quote)
        {
            text += $"\n[italic]“{Markup.Escape(Shortened(quote))}”[/]";
        }
        if (source.Url is { } url)
        {
            text += $"\n[grey]{Markup.Escape(url)}[/]";
        }
        return text;
    }

    private static string KnowledgeHeading(string what, string? asOf, string? recordedAsOf) =>
        what
        + (asOf is null ? " as known now" : $" as known on {HumanDates.Reported(asOf)}")
        + (recordedAsOf is null ? string.Empty : $", as recorded by {HumanDates.Reported(recordedAsOf)}");
}
