namespace Timeline.Core.Storage;

/// <summary>
/// What operators do to a whole store: create or migrate its schema, count it, and fill an empty store from an
/// export. Part of <see cref="IStore"/>.
/// </summary>
public interface IStoreMaintenance
{
    /// <summary>
    /// Creates the schema, or migrates an older one, and returns one line saying what was done (for
    /// <c>timeline migrate</c>). Idempotent: a second call changes nothing.
    /// </summary>
    /// <exception cref="InvalidDataException">The store was written by a newer Timeline, or is not a Timeline store.</exception>
    Task<string> MigrateAsync(CancellationToken cancellationToken);

    /// <summary>How many events the store holds.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Loads exported events into an empty store in one transaction, keeping every envelope field exactly:
    /// sequence, stream and stream version, event id, event, reportedAt, recordedAt, recordedBy, source and command id.
    /// Later appends continue after the highest restored sequence, stream versions continue, and restored command ids
    /// stay known (a restored command applied again is a duplicate). Returns the number of events restored.
    /// </summary>
    /// <param name="events">In strictly increasing sequence order, each stream's versions 1, 2, 3… without gaps.</param>
    /// <param name="cancellationToken">Cancels before commit; nothing is then written.</param>
    /// <exception cref="StoreNotEmpty">The store already holds an event (even when the input is empty); nothing was written.</exception>
    /// <exception cref="InvalidDataException">
    /// The events are out of order, a stream's versions have a gap, an entry is empty or lacks a field, an event type
    /// does not name its event (<see cref="RestoreCheck"/>), or an event id repeats; the message names the offending
    /// sequence (and stream). Nothing was written.
    /// </exception>
    Task<long> RestoreAsync(IAsyncEnumerable<StoredEvent> events, CancellationToken cancellationToken);
}
