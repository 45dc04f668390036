using Timeline.Core.Serialization;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Storage;

/// <summary>
/// What every store checks of the events it restores, one at a time, before writing each (the rules of
/// <see cref="IStoreMaintenance.RestoreAsync"/>), with the one wording of each refusal. Memory grows only with the
/// number of streams; a repeated event id is left to the store's unique index, and worded by <see cref="EventIdRepeated"/>.
/// </summary>
/// <param name="store">The store, as messages name it.</param>
public sealed class RestoreCheck(string store)
{
    // The last version of every stream seen so far: the only state that grows with the input.
    private readonly Dictionary<MeetingId, long> _versions = [];
    private long _lastSequence;
    private Chain.EventHash _head = Chain.EventHash.Genesis;
    // Whether the input carries hashes, decided by its first event: an export made before the chain carries none.
    private bool _hashed;

    /// <summary>How many events were accepted.</summary>
    public long Count { get; private set; }

    /// <summary>Refuses a restore into a store that is not empty.</summary>
    /// <param name="store">The store, as messages name it.</param>
    /// <param name="events">How many events it holds.</param>
    /// <param name="otherRows">True when it holds no events but other rows that only appends write (commands, streams).</param>
    /// <exception cref="StoreNotEmpty">The store holds events or such rows.</exception>
    public static void EnsureEmpty(string store, long events, bool otherRows)
    {
        if (events > 0)
        {
            throw new StoreNotEmpty($"{store} already holds {events} event(s); restore only into a new, empty store (nothing was written)");
        }
        if (otherRows)
        {
            // Appends never store a command or a stream without its events, so the store was edited by hand.
            throw new StoreNotEmpty($"{store} holds no events but holds stored commands or streams; restore only into a new, empty store (nothing was written)");
        }
    }

    /// <summary>Checks the next event of the input and returns it.</summary>
    /// <exception cref="InvalidDataException">
    /// The entry is empty or lacks a field, its sequence does not follow the last one strictly, its stream's versions do
    /// not run 1, 2, 3…, its event type does not name its event, or its hash does not follow from the events before it
    /// (<see cref="Chain.HashChain"/>). The message names the sequence (and stream).
    /// </exception>
    /// <returns>The event with its hash: as given, or computed for an export that predates the chain.</returns>
    public StoredEvent Accept(StoredEvent? stored)
    {
        if (stored is null)
        {
            throw Invalid($"the entry after sequence {_lastSequence} is empty");
        }
        var sequence = stored.Sequence;
        if (Count == 0 && sequence < 1)
        {
            throw Invalid($"the first event has sequence {sequence}; sequences start at 1");
        }
        if (Count > 0 && sequence <= _lastSequence)
        {
            throw Invalid($"the event at sequence {sequence} comes after sequence {_lastSequence}; sequences must increase strictly");
        }
        if (stored.Stream.Value is null || stored.Event is null || stored.ReportedAt is null || stored.Source is null
            || stored.RecordedBy is null || string.IsNullOrEmpty(stored.EventType) || string.IsNullOrEmpty(stored.CommandId))
        {
            throw Invalid($"the event at sequence {sequence} lacks its stream, event, event type, reportedAt, source, recordedBy or command id");
        }
        var current = _versions.GetValueOrDefault(stored.Stream);
        if (stored.StreamVersion != current + 1)
        {
            throw Invalid(
                $"the event at sequence {sequence} is version {stored.StreamVersion} of meeting '{stored.Stream}', "
                + (current == 0 ? "whose first event must be version 1" : $"which is at version {current}, so version {current + 1} must come next"));
        }
        var eventType = EventTypeMap.NameOf(stored.Event);
        if (!string.Equals(stored.EventType, eventType, StringComparison.Ordinal))
        {
            throw Invalid($"the event at sequence {sequence} is typed '{stored.EventType}' but holds a {stored.Event.GetType().Name} ('{eventType}')");
        }
        var hash = Chain.HashChain.Next(_head, stored);
        if (Count == 0)
        {
            _hashed = stored.Hash is not null;
        }
        if (_hashed != stored.Hash is not null)
        {
            throw Invalid(_hashed
                ? $"the event at sequence {sequence} has no hash, but the events before it have; the chain is broken there"
                : $"the event at sequence {sequence} has a hash, but the events before it have none; the chain is broken there");
        }
        if (stored.Hash is { } given && given != hash)
        {
            throw Invalid(
                $"the event at sequence {sequence} has hash {given.Short}, but its fields, chained from {(Count == 0 ? "the start" : $"sequence {_lastSequence}")}, "
                + $"give {hash.Short}: the export was altered there (an event changed, removed, inserted or moved)");
        }
        _versions[stored.Stream] = stored.StreamVersion;
        _lastSequence = sequence;
        _head = hash;
        Count++;
        return stored with { Hash = hash };
    }

    /// <summary>The refusal of an event whose id an earlier event of the restore has.</summary>
    /// <param name="sequence">The later event.</param>
    /// <param name="eventId">The repeated id.</param>
    /// <param name="firstSequence">The earlier event.</param>
    /// <param name="cause">The store's own error, if any.</param>
    public InvalidDataException EventIdRepeated(long sequence, Guid eventId, long firstSequence, Exception? cause = null) =>
        Invalid($"the event at sequence {sequence} has event id {eventId}, already used by the event at sequence {firstSequence}", cause);

    private InvalidDataException Invalid(string problem, Exception? cause = null) =>
        new($"cannot restore into {store}: {problem}; nothing was written", cause);
}
