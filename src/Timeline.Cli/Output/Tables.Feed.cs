using Spectre.Console;
using Timeline.Core.Audit;

namespace Timeline.Cli.Output;

/// <summary>What <c>timeline watch</c> prints for each event.</summary>
internal static partial class Tables
{
    /// <summary>
    /// One line per event, "#35 · g20-2022 · 10 Nov 2022 · Dmitry Peskov · Vladimir Putin: declined, represented by
    /// Sergey Lavrov · recorded by ana", then its quote, if any.
    /// </summary>
    public static void Followed(IAnsiConsole console, AuditEvent e)
    {
        var who = Who(e.Source) ?? "unattributed";
        console.MarkupLine(
            $"[bold]#{e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)}[/] · {Markup.Escape(e.MeetingId)} · " +
            Markup.Escape($"{HumanDates.Reported(e.ReportedAt)} · {who} · {e.Summary}") +
            $" [grey]· {Markup.Escape($"recorded by {e.RecordedBy}")}[/]");
        if (e.Source.Quote is { } quote)
        {
            console.MarkupLine($"    [italic]“{Markup.Escape(Shortened(quote))}”[/]");
        }
    }
}
