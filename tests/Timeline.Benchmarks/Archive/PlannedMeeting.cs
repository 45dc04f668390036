namespace Timeline.Benchmarks.Archive;

/// <summary>A meeting the archive announced, with its script of commands in reportedAt order.</summary>
/// <param name="Index">Its position in the archive; meetings are spaced evenly over the years by index.</param>
/// <param name="InitialDates">The dates it was announced with.</param>
/// <param name="Place">Where it was announced to take place.</param>
internal sealed record PlannedMeeting(
    int Index, string Id, string Kind, string Title, MeetingDates InitialDates, (string City, string Country) Place, IReadOnlyList<ArchiveCommand> Commands)
{
    /// <summary>The commands that made it into the archive (it is cut at exactly the number of events asked for).</summary>
    public IEnumerable<ArchiveCommand> Included => Commands.Where(c => c.Position >= 0);

    public bool IsAnnounced => Commands[0].Position >= 0;

    public bool IsCancelled => Included.Any(c => c.Name == "CancelMeeting");
}
