using System.Globalization;
using System.Text.Json;

namespace Timeline.Benchmarks.Archive;

/// <summary>Where a generated report came from; every part optional, as in a real command.</summary>
internal sealed record ArchiveSource(string? Outlet, string? Url, string? PublishedAt, string? Speaker, string? Quote);

/// <summary>
/// One generated command, as <c>timeline import</c> reads it from NDJSON: its name, meeting, reportedAt, own fields,
/// optional command id and source.
/// </summary>
/// <param name="Name">The command's name, e.g. <c>ConfirmAttendance</c>.</param>
/// <param name="MeetingId">The meeting's slug.</param>
/// <param name="MeetingIndex">The meeting's position in the archive, for a stable file order.</param>
/// <param name="Step">The command's position in its meeting's script.</param>
/// <param name="ReportedAt">The statement's instant (knowledge time); a day report is at midnight UTC.</param>
/// <param name="ReportedAsDay">Written as a bare day (<c>2019-03-14</c>) rather than an instant.</param>
/// <param name="Participant">The participant an attendance statement is about, if any.</param>
/// <param name="People">Everyone the command names: participants, attendees, representatives.</param>
/// <param name="Fields">Writes the command's own fields.</param>
internal sealed record ArchiveCommand(
    string Name,
    string MeetingId,
    int MeetingIndex,
    int Step,
    DateTimeOffset ReportedAt,
    bool ReportedAsDay,
    string? Participant,
    IReadOnlyList<string> People,
    Action<Utf8JsonWriter> Fields)
{
    /// <summary>The command's 0-based line in the archive, or -1 when the archive was cut before it.</summary>
    public int Position { get; set; } = -1;

    /// <summary>When the report reaches the archive: its reportedAt, or later for a backdated report.</summary>
    public DateTimeOffset Arrives { get; set; }

    /// <summary>An explicit command id, given to entries that a retraction names.</summary>
    public string? CommandId { get; set; }

    public ArchiveSource? Source { get; init; }

    /// <summary>True when the report arrives after reports made later than it (an old article imported late).</summary>
    public bool Backdated => Arrives > ReportedAt;

    public string ReportedAtText => ReportedAsDay
        ? ReportedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : ReportedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Writes the command as one JSON object.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("command", Name);
        writer.WriteString("meetingId", MeetingId);
        writer.WriteString("reportedAt", ReportedAtText);
        Fields(writer);
        if (CommandId is not null)
        {
            writer.WriteString("commandId", CommandId);
        }
        if (Source is { } source)
        {
            writer.WriteStartObject("source");
            WriteOptional(writer, "outlet", source.Outlet);
            WriteOptional(writer, "url", source.Url);
            WriteOptional(writer, "publishedAt", source.PublishedAt);
            WriteOptional(writer, "speaker", source.Speaker);
            WriteOptional(writer, "quote", source.Quote);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    public static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
