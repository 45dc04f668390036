namespace Timeline.Core.Index;

/// <summary>
/// One meeting's state, as the schedule, the meeting and the attendance answers show it, valid over one knowledge
/// interval and one system-time interval. Rows are derived from the log by <see cref="MeetingStates.Of"/> and may be
/// dropped and rebuilt at any time; the log stays the only source of truth.
/// </summary>
/// <remarks>
/// Intervals are half-open, in UTC ticks of the last instant a bound lets in (<see cref="Knowledge.Cutoff.Through()"/>):
/// the row answers a query whose knowledge key k and system key r (<see cref="StateQuery.AsOfKey"/>,
/// <see cref="StateQuery.RecordedAsOfKey"/>) satisfy <c>ReportedFrom &lt;= k &lt; ReportedTo</c> and
/// <c>RecordedFrom &lt;= r &lt; RecordedTo</c>. <see cref="MeetingStates.Open"/> (<c>long.MaxValue</c>) marks an interval
/// that is still open. For one meeting, the rows never overlap.
/// </remarks>
/// <param name="MeetingId">The meeting (its stream).</param>
/// <param name="ReportedFrom">The first knowledge key the state holds for: the reportedAt ticks of a report.</param>
/// <param name="ReportedTo">The first knowledge key it no longer holds for (the next report's ticks), or <see cref="MeetingStates.Open"/>.</param>
/// <param name="RecordedFrom">The first system key it holds for: the recordedAt ticks of an append.</param>
/// <param name="RecordedTo">The first system key it no longer holds for, or <see cref="MeetingStates.Open"/>.</param>
/// <param name="EarliestDay">The first day the dates can mean (<see cref="DateOnly.DayNumber"/>); for an undated meeting <see cref="DateOnly.MaxValue"/>'s, so it sorts last.</param>
/// <param name="LatestDay">The last day the dates can mean; for an undated meeting <see cref="DateOnly.MaxValue"/>'s.</param>
/// <param name="Dated">False for an undated meeting, which no date window lets in.</param>
/// <param name="Participants">Each participant's <see cref="MeetingStates.ParticipantKey"/>, once.</param>
/// <param name="SearchKey">Title, organization and participant names in <see cref="MeetingStates.SearchKey"/> form, one per line.</param>
/// <param name="Snapshot">The <see cref="MeetingSnapshot"/> as JSON (<see cref="MeetingStates.Write"/>).</param>
public sealed record MeetingStateRow(
    string MeetingId,
    long ReportedFrom,
    long ReportedTo,
    long RecordedFrom,
    long RecordedTo,
    int EarliestDay,
    int LatestDay,
    bool Dated,
    IReadOnlyList<string> Participants,
    string SearchKey,
    string Snapshot)
{
    /// <summary>True when the row holds at knowledge key <paramref name="asOfKey"/> and system key <paramref name="recordedAsOfKey"/>.</summary>
    public bool HoldsAt(long asOfKey, long recordedAsOfKey) =>
        ReportedFrom <= asOfKey && asOfKey < ReportedTo && RecordedFrom <= recordedAsOfKey && recordedAsOfKey < RecordedTo;
}

/// <summary>How many events were reported on one UTC day (knowledge time) and recorded at one instant (system time).</summary>
/// <param name="Day">The UTC day of reportedAt, as <see cref="DateOnly.DayNumber"/>.</param>
/// <param name="RecordedAt">The recordedAt, in UTC ticks.</param>
/// <param name="Reports">How many events (retractions included).</param>
public sealed record ReportDayRow(int Day, long RecordedAt, int Reports);

/// <summary>
/// What <see cref="MeetingStates.Advance"/> needs to know of an open row (one whose system-time interval is still open):
/// its knowledge interval, when it started, and its snapshot JSON.
/// </summary>
public sealed record HeldState(long ReportedFrom, long ReportedTo, long RecordedFrom, string Snapshot)
{
    public static HeldState Of(MeetingStateRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.ReportedFrom, row.ReportedTo, row.RecordedFrom, row.Snapshot);
    }

    /// <summary>
    /// True when, ended at <paramref name="recordedAt"/>, the row held for no system time at all (it started then, in an
    /// earlier batch of the same instant): it is deleted rather than closed.
    /// </summary>
    public bool EmptyWhenEndedAt(long recordedAt) => RecordedFrom >= recordedAt;
}

/// <summary>
/// The rows of one meeting an append changes (<see cref="MeetingStates.Advance"/>): <paramref name="Ended"/> open rows
/// get the append's recordedAt as their <see cref="MeetingStateRow.RecordedTo"/> (or are deleted, see
/// <see cref="HeldState.EmptyWhenEndedAt"/>), and <paramref name="Started"/> rows are inserted.
/// </summary>
public sealed record MeetingStateChange(IReadOnlyList<HeldState> Ended, IReadOnlyList<MeetingStateRow> Started);
