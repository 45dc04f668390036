using Timeline.Core.Index;

namespace Timeline.Store.Marten;

/// <summary>
/// One <see cref="MeetingStateRow"/> as a Marten document (table <c>mt_doc_timeline_meeting_state</c>), written by
/// <see cref="MeetingStatesProjection"/>. Intervals, days and the meeting id are duplicated into columns; a GiST index
/// over their ranges (<see cref="IndexTables"/>) serves the as-of and window conditions.
/// </summary>
public sealed class MeetingStateDocument
{
    /// <summary>New for every row written (Marten assigns it), so a row never takes over a deleted one.</summary>
    public Guid Id { get; set; }

    public string MeetingId { get; set; } = string.Empty;

    public long ReportedFrom { get; set; }

    public long ReportedTo { get; set; }

    public long RecordedFrom { get; set; }

    public long RecordedTo { get; set; }

    public int EarliestDay { get; set; }

    public int LatestDay { get; set; }

    public bool Dated { get; set; }

    public string[] Participants { get; set; } = [];

    public string SearchKey { get; set; } = string.Empty;

    /// <summary>The <see cref="MeetingSnapshot"/> as <see cref="MeetingStates.Write"/> gives it.</summary>
    public string Snapshot { get; set; } = string.Empty;

    public static MeetingStateDocument Of(MeetingStateRow row) => new()
    {
        MeetingId = row.MeetingId,
        ReportedFrom = row.ReportedFrom,
        ReportedTo = row.ReportedTo,
        RecordedFrom = row.RecordedFrom,
        RecordedTo = row.RecordedTo,
        EarliestDay = row.EarliestDay,
        LatestDay = row.LatestDay,
        Dated = row.Dated,
        Participants = [.. row.Participants],
        SearchKey = row.SearchKey,
        Snapshot = row.Snapshot,
    };
}

/// <summary>
/// Reports of one UTC day recorded at one instant, by one append (or by a rebuild), as a Marten document
/// (<c>mt_doc_timeline_report_day</c>). Several documents may share a day and instant; their counts add up.
/// Both kinds of index document are soft-deleted (an UPDATE), so the application's role needs no DELETE privilege.
/// </summary>
public sealed class ReportDayDocument
{
    public Guid Id { get; set; }

    public int Day { get; set; }

    public long RecordedAt { get; set; }

    public int Reports { get; set; }

    public ReportDayRow ToRow() => new(Day, RecordedAt, Reports);

    public static ReportDayDocument Of(ReportDayRow row) => new() { Day = row.Day, RecordedAt = row.RecordedAt, Reports = row.Reports };
}

/// <summary>Which <see cref="MeetingStates.FormatVersion"/> the stored index was built with (<c>mt_doc_timeline_index_format</c>).</summary>
public sealed class IndexFormatDocument
{
    public const string MeetingStates = "meeting-states";

    public string Id { get; set; } = MeetingStates;

    public int Version { get; set; }
}
