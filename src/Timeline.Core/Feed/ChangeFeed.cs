using System.Runtime.CompilerServices;
using Timeline.Core.Audit;
using Timeline.Core.Storage;
using Timeline.Domain.Meetings;
using static Timeline.Domain.Meetings.MeetingEvent;

namespace Timeline.Core.Feed;

/// <summary>
/// One follower of the log: reads the events after its position in sequence order, and when it has read them all,
/// waits for the next append (news from this process's <see cref="LogAppends"/>, or a poll of the store for appends
/// made by other processes) and reads again. Sequences follow commit order on every store, so reading after the last
/// sequence seen never skips an event and never repeats one.
/// </summary>
public sealed class ChangeFeed
{
    /// <summary>How many events one read takes, so a follower far behind catches up in steps.</summary>
    private const int BatchSize = 500;

    private readonly IEventStore _store;
    private readonly LogAppends _appends;
    private readonly TimeProvider _clock;
    private readonly MeetingId? _meeting;
    private readonly ParticipantName? _participant;

    internal ChangeFeed(IEventStore store, LogAppends appends, TimeProvider clock, long after, MeetingId? meeting, ParticipantName? participant)
    {
        _store = store;
        _appends = appends;
        _clock = clock;
        After = after;
        _meeting = meeting;
        _participant = participant;
    }

    /// <summary>The sequence the feed starts after.</summary>
    public long After { get; }

    /// <summary>
    /// Every matching event after <see cref="After"/>, in sequence order, then each new
    /// one as it lands, until <paramref name="cancellationToken"/> is cancelled (which ends the enumeration with
    /// <see cref="OperationCanceledException"/>).
    /// </summary>
    /// <param name="pollEvery">How often to look for appends made by other processes (on <see cref="TimeProvider"/>'s clock).</param>
    /// <param name="cancellationToken">Stops following.</param>
    /// <exception cref="StoreUnavailable">The store cannot be read.</exception>
    public async IAsyncEnumerable<FollowedEvent> FollowAsync(TimeSpan pollEvery, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var position = After;
        var named = new Dictionary<MeetingId, bool>();
        while (true)
        {
            // Taken before reading: an append that lands during the read wakes the wait below at once.
            var landed = _appends.Next;
            var batch = new List<StoredEvent>(BatchSize);
            var query = new EventQuery { AfterSequence = position, Streams = _meeting is { } m ? [m] : null, Limit = BatchSize };
            // The whole batch is read before any of it is handed out, so no connection stays open while a slow reader waits.
            await foreach (var e in _store.ReadAllAsync(query, cancellationToken))
            {
                batch.Add(e);
            }
            foreach (var e in batch)
            {
                position = e.Sequence;
                if (_participant is not { } participant || await NamesAsync(e, participant, named, cancellationToken))
                {
                    yield return new FollowedEvent(e.EventType, GetAuditHandler.ToAudit(e));
                }
            }
            if (batch.Count == BatchSize)
            {
                continue;
            }
            try
            {
                await landed.WaitAsync(pollEvery, _clock, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Time to look for appends made by another process.
            }
        }
    }

    /// <summary>
    /// Whether the event's meeting names <paramref name="participant"/> by this event: in it, or in an earlier event of
    /// its stream (read once per meeting, then kept up to date as the feed moves on).
    /// </summary>
    private async ValueTask<bool> NamesAsync(StoredEvent e, ParticipantName participant, Dictionary<MeetingId, bool> named, CancellationToken cancellationToken)
    {
        if (!named.TryGetValue(e.Stream, out var known))
        {
            var stream = await _store.ReadStreamAsync(e.Stream, cancellationToken);
            known = stream.Any(earlier => earlier.Sequence < e.Sequence && Names(earlier.Event, participant));
        }
        known = known || Names(e.Event, participant);
        named[e.Stream] = known;
        return known;
    }

    /// <summary>True when the event names the participant: announced with them, invites them, states their attendance, or lists them as attending.</summary>
    internal static bool Names(MeetingEvent @event, ParticipantName participant) => @event switch
    {
        MeetingAnnounced e => e.Participants.Any(p => p.Name.Equals(participant)),
        ParticipantInvited e => e.Participant.Equals(participant),
        AttendanceAnnounced e => e.Participant.Equals(participant),
        AttendanceConfirmed e => e.Participant.Equals(participant),
        AttendanceDeclined e => e.Participant.Equals(participant),
        MeetingHeld e => e.Attendees.Any(a => a.Participant.Equals(participant)),
        SummitAnnounced or MeetingPostponed or MeetingRescheduled or MeetingRelocated or MeetingCancelled or ReportRetracted => false,
        _ => throw new ArgumentOutOfRangeException(nameof(@event), $"{nameof(ChangeFeed)} does not know the {nameof(MeetingEvent)} case {@event.GetType().Name}"),
    };
}

/// <summary>One event of a <see cref="ChangeFeed"/>.</summary>
/// <param name="EventType">Its stored, versioned name (<c>attendance-declined.v1</c>).</param>
/// <param name="Entry">Its audit entry (docs/contract.md#audit-output).</param>
public sealed record FollowedEvent(string EventType, AuditEvent Entry);
