using Timeline.Domain.Meetings;

namespace Timeline.Core.Storage;

/// <summary>
/// One open write transaction of a store (<see cref="IEventStore.BeginTransactionAsync"/>): appends in as many batches as
/// needed, reads that see them, and one commit at the end. It lets a long import write as it decides, so that neither
/// its commands nor its events need to stay in memory, and still be all or nothing.
/// </summary>
/// <remarks>
/// <para>
/// The store's writer lock is held from the start until the commit or the disposal: no other writer moves a stream or
/// stores a command id meanwhile (they wait, as for any append), so what the transaction reads is what it appends to.
/// </para>
/// <para>
/// Every event it appends gets the one <see cref="StoredEvent.RecordedAt"/>, read from the store's clock once when the
/// transaction began, and the one recordedBy: an import is one fact of the system's history.
/// </para>
/// <para>
/// Disposing it without <see cref="CommitAsync"/> rolls back everything it appended; so does a process that dies before
/// the commit. After an append fails (a <see cref="WriteConflict"/>, an argument error, a store error) the
/// transaction can only be disposed: every further call throws <see cref="InvalidOperationException"/>.
/// </para>
/// </remarks>
public interface IEventTransaction : IAsyncDisposable
{
    /// <summary>Every event of one meeting's stream, in stream order, this transaction's appends included.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(MeetingId stream, CancellationToken cancellationToken);

    /// <summary>Which of <paramref name="commandIds"/> are stored, by this transaction's appends included.</summary>
    Task<IReadOnlySet<string>> FindCommandsAsync(IReadOnlyCollection<string> commandIds, CancellationToken cancellationToken);

    /// <summary>
    /// Writes one batch inside the transaction, with the checks of <see cref="IEventStore.AppendAsync"/>: each stream
    /// must be at its expected version (counting this transaction's earlier batches), and no command id may be stored.
    /// Sequences follow on from the transaction's earlier batches.
    /// </summary>
    /// <param name="appends">At most one entry per stream.</param>
    /// <param name="cancellationToken">Cancels the batch; the transaction then can only be disposed.</param>
    /// <returns>The stored events, with sequence, stream version and recordedAt; visible to others only after the commit.</returns>
    /// <exception cref="WriteConflict">A stream is not at its expected version, or a command id is already stored.</exception>
    Task<IReadOnlyList<StoredEvent>> AppendAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken);

    /// <summary>Makes every batch durable and visible at once; afterwards the transaction can only be disposed.</summary>
    /// <param name="cancellationToken">A token cancelled before the commit starts means nothing is committed.</param>
    Task CommitAsync(CancellationToken cancellationToken);
}
