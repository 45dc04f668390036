using Timeline.Domain.Meetings;

namespace Timeline.Core.Storage;

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
