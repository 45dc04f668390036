using Timeline.Core.Knowledge;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Index;

/// <summary>
/// Which meeting states to read from an index (<see cref="IMeetingStateIndex.ReadStatesAsync"/>). Every filter is
/// optional and they combine with AND; results are in the schedule's order (earliest day, latest day, id; undated last).
/// </summary>
public sealed record StateQuery
{
    /// <summary>Every meeting as known now.</summary>
    public static readonly StateQuery Now = new();

    /// <summary>Knowledge-time bound; null for everything reported.</summary>
    public Cutoff? AsOf { get; init; }

    /// <summary>System-time bound; null for everything recorded.</summary>
    public Cutoff? RecordedAsOf { get; init; }

    /// <summary>With <see cref="To"/>, the date window: only dated meetings whose last day is on or after this.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Only dated meetings whose first day is on or before this.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Only meetings that name this participant (case-insensitively).</summary>
    public ParticipantName? Participant { get; init; }

    /// <summary>Only meetings whose title, organization or a participant's name contains this text (case-insensitively).</summary>
    public string? Search { get; init; }

    /// <summary>Only these meetings.</summary>
    public IReadOnlyCollection<MeetingId>? Meetings { get; init; }

    /// <summary>Only meetings after this position in the schedule's order (a page's cursor).</summary>
    public ScheduleCursor? After { get; init; }

    /// <summary>At most this many meetings (the first ones in the schedule's order).</summary>
    public int? Limit { get; init; }

    /// <summary>The knowledge key rows are compared with: the ticks of the last instant <see cref="AsOf"/> lets in.</summary>
    public long AsOfKey => Key(AsOf);

    /// <summary>The system key rows are compared with: the ticks of the last instant <see cref="RecordedAsOf"/> lets in.</summary>
    public long RecordedAsOfKey => Key(RecordedAsOf);

    /// <summary>True when a date window applies (undated meetings are then left out).</summary>
    public bool Windowed => From is not null || To is not null;

    /// <summary>The window's first day number (inclusive).</summary>
    public int FromDay => (From ?? DateOnly.MinValue).DayNumber;

    /// <summary>The window's last day number (inclusive).</summary>
    public int ToDay => (To ?? DateOnly.MaxValue).DayNumber;

    /// <summary>The participant's key, as rows keep it.</summary>
    public string? ParticipantKey => Participant is { } p ? MeetingStates.ParticipantKey(p.Value) : null;

    /// <summary>
    /// True when <paramref name="snapshot"/> passes the participant filter (always, without one): the exact test, for a
    /// store whose index only narrows a participant query to the meetings that ever named the participant.
    /// </summary>
    public bool Admits(MeetingSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return ParticipantKey is not { } key || snapshot.Meeting.Participants.Any(p => MeetingStates.ParticipantKey(p.Name) == key);
    }

    /// <summary>The search text, as rows keep theirs.</summary>
    public string? SearchText => Search is null ? null : MeetingStates.SearchKey(Search);

    // Every reportedAt and recordedAt is far below long.MaxValue - 1, so "no bound" lets every row's last interval in.
    private static long Key(Cutoff? cutoff) => cutoff is null ? MeetingStates.Open - 1 : cutoff.Through().UtcTicks;
}
