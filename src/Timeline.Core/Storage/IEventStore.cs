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
}

/// <summary>
/// A write lost a race: a stream is no longer at the version the writer read, or another writer stored the same
/// command id first. Every backend throws this one type. Re-read and decide again.
/// </summary>
public sealed class WriteConflict : Exception
{
    public WriteConflict(string message, MeetingId? stream = null, long? expectedVersion = null, long? actualVersion = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Stream = stream;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>The stream that moved, when known.</summary>
    public MeetingId? Stream { get; }

    /// <summary>The version the writer expected.</summary>
    public long? ExpectedVersion { get; }

    /// <summary>The version found, when the backend reports it.</summary>
    public long? ActualVersion { get; }

    /// <summary>A stream of <paramref name="append"/> is at <paramref name="actual"/>, not at its expected version.</summary>
    public static WriteConflict StreamMoved(StreamAppend append, long actual, Exception? cause = null)
    {
        ArgumentNullException.ThrowIfNull(append);
        return new WriteConflict(
            $"meeting '{append.Stream}' is at version {actual}, not {append.ExpectedVersion} as expected; "
            + (actual > append.ExpectedVersion ? "another writer got there first" : "the expected version is ahead of the stream"),
            append.Stream,
            append.ExpectedVersion,
            actual,
            cause);
    }

    /// <summary>The command of an event for <paramref name="stream"/> is stored already.</summary>
    public static WriteConflict CommandStored(string commandId, MeetingId stream) =>
        new($"command '{commandId}' is already stored; another writer applied it first (meeting '{stream}')");

    /// <summary>An active API key already has the name <paramref name="name"/>.</summary>
    public static WriteConflict KeyNameTaken(string name, Exception? cause = null) =>
        new($"an active API key is already named '{name}'", innerException: cause);

    /// <summary>A key with the same hash is stored already (even revoked).</summary>
    public static WriteConflict KeyHashTaken(Exception? cause = null) =>
        new("an API key with this hash is already stored; issue a new key", innerException: cause);
}
