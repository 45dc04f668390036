using Timeline.Domain.Meetings;

namespace Timeline.Core.Storage;

/// <summary>
/// The store port: read a stream, append with expected versions, read the log with filters. Backends stamp
/// <see cref="StoredEvent.RecordedAt"/> from their injected <see cref="TimeProvider"/>, never a client.
/// </summary>
public interface IEventStore
{
    /// <summary>Every event of one meeting's stream, in stream order; empty if the stream does not exist.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(MeetingId stream, CancellationToken cancellationToken);

    /// <summary>Events of the whole log that match <paramref name="query"/>, in sequence order.</summary>
    IAsyncEnumerable<StoredEvent> ReadAllAsync(EventQuery query, CancellationToken cancellationToken);

    /// <summary>The event with the highest sequence, with its hash: the head of the chain; null for an empty log.</summary>
    /// <exception cref="InvalidDataException">That row does not hold a valid event (<see cref="EventRow.UnreadableSequenceOf"/>).</exception>
    Task<StoredEvent?> ReadLastAsync(CancellationToken cancellationToken);

    /// <summary>Which of <paramref name="commandIds"/> are already stored.</summary>
    Task<IReadOnlySet<string>> FindCommandsAsync(IReadOnlyCollection<string> commandIds, CancellationToken cancellationToken);

    /// <summary>
    /// Appends every batch in one transaction: all of them or none. Each stream must still be at its expected
    /// version, and no command id may be stored already.
    /// </summary>
    /// <param name="appends">At most one entry per stream.</param>
    /// <param name="recordedBy">The user or key name to stamp on every event.</param>
    /// <param name="cancellationToken">Cancels before commit.</param>
    /// <returns>The stored events, with sequence, stream version and recordedAt.</returns>
    /// <exception cref="WriteConflict">A stream moved past its expected version, or a command id is already stored.</exception>
    Task<IReadOnlyList<StoredEvent>> AppendAsync(IReadOnlyList<StreamAppend> appends, string recordedBy, CancellationToken cancellationToken);

    /// <summary>
    /// Opens a write transaction for appends in many batches, committed at once (see <see cref="IEventTransaction"/>).
    /// Waits for the store's writer lock as an append does.
    /// </summary>
    /// <param name="recordedBy">The user or key name to stamp on every event of the transaction.</param>
    /// <param name="cancellationToken">Cancels the wait for the lock.</param>
    Task<IEventTransaction> BeginTransactionAsync(string recordedBy, CancellationToken cancellationToken);
}
