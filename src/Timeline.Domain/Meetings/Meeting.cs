using System.Collections.Immutable;
using Timeline.Domain.Dates;

namespace Timeline.Domain.Meetings;

/// <summary>One participant's standing at one meeting.</summary>
/// <param name="Name">Who.</param>
/// <param name="Level">Their current level.</param>
/// <param name="Mode">In person or virtual, when said.</param>
/// <param name="RepresentedBy">Who went or goes in their place.</param>
/// <param name="InvitedBy">Who invited them, when said.</param>
/// <param name="Reason">The reason given with a decline.</param>
public sealed record Participant(
    ParticipantName Name,
    AttendanceLevel Level,
    AttendanceMode? Mode = null,
    ParticipantName? RepresentedBy = null,
    string? InvitedBy = null,
    string? Reason = null);

/// <summary>
/// A meeting as known at one point of knowledge time: the state the decider decides against and the
/// schedule shows. <see cref="Initial"/> is the meeting before anything was announced.
/// </summary>
public sealed record Meeting
{
    /// <summary>The state before the meeting's first announcement.</summary>
    public static readonly Meeting Initial = new();

    /// <summary>False until a SummitAnnounced or MeetingAnnounced is folded in.</summary>
    public bool Exists { get; init; }

    public string Title { get; init; } = string.Empty;

    public MeetingKind Kind { get; init; } = MeetingKind.Other;

    public string? Organization { get; init; }

    public Location? Location { get; init; }

    /// <summary>The meeting's dates; null when not known or, after a postponement, not yet decided.</summary>
    public EdtfDate? Dates { get; init; }

    public MeetingId? SidelinesOf { get; init; }

    public IReadOnlyList<string> Hosts { get; init; } = [];

    public MeetingStatus Status { get; init; } = MeetingStatus.Scheduled;

    /// <summary>The reason given when it was postponed or cancelled, if any.</summary>
    public string? StatusReason { get; init; }

    /// <summary>Participants in the order they were first named.</summary>
    public ImmutableList<Participant> Participants { get; init; } = [];

    /// <summary>The announcement folded last, to tell a repeated announcement from a conflicting one.</summary>
    public MeetingEvent? Announcement { get; init; }

    /// <summary>
    /// Ids (command ids and event ids) of the entries on record in this meeting's stream that a retraction may
    /// name. This is record-keeping, not diplomacy, so it is filled from the whole stream, whatever the
    /// knowledge time; the fold that knows the envelopes sets it.
    /// </summary>
    public ImmutableHashSet<string> RetractableEntries { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>The participant of that name (case-insensitive), if named yet.</summary>
    public Participant? Find(ParticipantName name) => Participants.Find(p => p.Name.Equals(name));

    internal Meeting Upsert(ParticipantName name, Func<Participant?, Participant> change)
    {
        var index = Participants.FindIndex(p => p.Name.Equals(name));
        return index < 0
            ? this with { Participants = Participants.Add(change(null)) }
            : this with { Participants = Participants.SetItem(index, change(Participants[index])) };
    }
}
