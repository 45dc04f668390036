using System.Text.Json;

namespace Timeline.Benchmarks.Archive;

/// <summary>What an archive holds, counted over the commands it keeps.</summary>
internal sealed record ArchiveShape(
    int Commands,
    int Meetings,
    int Summits,
    int Participants,
    int Backdated,
    int ReportedAsDay,
    IReadOnlyDictionary<string, int> ByCommand,
    DateTimeOffset FirstReport,
    DateTimeOffset LastReport);

/// <summary>
/// A deterministic synthetic archive of diplomatic reports: exactly the number of commands asked for, each of which
/// appends one event, in the order an archive would receive them. The same (events, seed) always gives the same file.
/// </summary>
/// <remarks>
/// About 7 commands per meeting (see <see cref="MeetingScript"/>); meetings of every kind, spaced evenly over 3 to 20
/// years (more meetings, more years) and ending a little before <see cref="LastReport"/>; several hundred participants
/// (<see cref="ArchiveCast"/>). Reports arrive in reportedAt order except the backdated ones, which arrive days or weeks
/// late. The archive is cut at exactly <c>events</c> commands, in arrival order, so the most recent meetings may lack
/// their last reports, as a live archive would.
/// </remarks>
internal sealed class SyntheticArchive
{
    /// <summary>No report is later than this (so every reportedAt is in the past for Timeline's validation).</summary>
    public static readonly DateTimeOffset LastReport = new(2025, 6, 30, 23, 59, 0, TimeSpan.Zero);

    private const double CommandsPerMeeting = 6.9;

    private SyntheticArchive(IReadOnlyList<ArchiveCommand> commands, IReadOnlyList<PlannedMeeting> meetings, ArchiveShape shape)
    {
        Commands = commands;
        Meetings = meetings;
        Shape = shape;
    }

    /// <summary>The commands in file (arrival) order.</summary>
    public IReadOnlyList<ArchiveCommand> Commands { get; }

    /// <summary>Every meeting the archive announced, in index order (which is date order, give or take a few days).</summary>
    public IReadOnlyList<PlannedMeeting> Meetings { get; }

    public ArchiveShape Shape { get; }

    /// <summary>Generates the archive of <paramref name="events"/> commands from <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="events"/> is less than 1.</exception>
    public static SyntheticArchive Generate(int events, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(events, 1);
        var cast = new ArchiveCast(seed);
        var planned = (int)Math.Ceiling(events / CommandsPerMeeting);
        var years = Math.Clamp((int)Math.Ceiling(planned / 5000.0), 3, 20);
        var lastMeetingDay = DateOnly.FromDateTime(LastReport.UtcDateTime).AddDays(-60);
        var firstMeetingDay = lastMeetingDay.AddYears(-years);
        var spacing = (lastMeetingDay.DayNumber - firstMeetingDay.DayNumber) / (double)planned;

        var meetings = new List<PlannedMeeting>(planned + 16);
        var all = new List<ArchiveCommand>((int)(events * 1.05) + 16);
        MeetingScript.Summit? recentSummit = null;
        for (var index = 0; all.Count < events; index++)
        {
            if (firstMeetingDay.AddDays((int)(index * spacing)) > DateOnly.FromDateTime(LastReport.UtcDateTime))
            {
                throw new InvalidOperationException($"the archive reached {LastReport:yyyy-MM-dd} with only {all.Count} of {events} commands");
            }
            var meeting = MeetingScript.Write(cast, seed, index, spacing, firstMeetingDay, LastReport, recentSummit);
            meetings.Add(meeting);
            all.AddRange(meeting.Commands);
            if (meeting.Kind == "summit")
            {
                recentSummit = new MeetingScript.Summit(meeting.Id, meeting.InitialDates.First, meeting.Place);
            }
        }

        var commands = all
            .OrderBy(c => c.Arrives)
            .ThenBy(c => c.MeetingIndex)
            .ThenBy(c => c.Step)
            .Take(events)
            .ToList();
        for (var i = 0; i < commands.Count; i++)
        {
            commands[i].Position = i;
        }
        return new SyntheticArchive(commands, meetings, Measure(commands));
    }

    private static ArchiveShape Measure(List<ArchiveCommand> commands) => new(
        commands.Count,
        commands.Count(c => c.Name is "AnnounceSummit" or "AnnounceMeeting"),
        commands.Count(c => c.Name == "AnnounceSummit"),
        commands.SelectMany(c => c.People).Distinct(StringComparer.OrdinalIgnoreCase).Count(),
        commands.Count(c => c.Backdated),
        commands.Count(c => c.ReportedAsDay),
        commands.GroupBy(c => c.Name).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
        commands.Min(c => c.ReportedAt),
        commands.Max(c => c.ReportedAt));

    /// <summary>Writes commands as NDJSON, one per line, as <c>timeline import</c> reads <c>.ndjson</c> files.</summary>
    public static void WriteNdjson(IEnumerable<ArchiveCommand> commands, Stream stream)
    {
        var newline = "\n"u8.ToArray();
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { SkipValidation = false });
        foreach (var command in commands)
        {
            command.WriteTo(writer);
            writer.Flush();
            writer.Reset();
            stream.Write(newline);
        }
    }

    /// <summary>Writes the whole archive to one file.</summary>
    public void WriteFile(string path)
    {
        using var file = File.Create(path);
        WriteNdjson(Commands, file);
    }

    /// <summary>
    /// Writes the archive as <paramref name="parts"/> files of consecutive commands (<c>part-01.ndjson</c>, …) in
    /// <paramref name="folder"/>, and returns their paths in order.
    /// </summary>
    public IReadOnlyList<string> WriteParts(string folder, int parts)
    {
        parts = Math.Clamp(parts, 1, Commands.Count);
        var size = (int)Math.Ceiling(Commands.Count / (double)parts);
        var paths = new List<string>();
        for (var part = 0; part * size < Commands.Count; part++)
        {
            var path = Path.Combine(folder, $"part-{part + 1:D2}.ndjson");
            using (var file = File.Create(path))
            {
                WriteNdjson(Commands.Skip(part * size).Take(size), file);
            }
            paths.Add(path);
        }
        return paths;
    }
}
