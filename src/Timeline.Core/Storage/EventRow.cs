using Timeline.Core.Serialization;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Storage;

/// <summary>
/// An event as a store reads it back: plain values, the same in every store, before anything is parsed. The one
/// mapping from those values to a <see cref="StoredEvent"/>, and the one message for a row that does not map.
/// </summary>
/// <remarks>
/// A store converts only what its dialect keeps differently (a uuid kept as text, a timestamp kept as text) while
/// building the row, inside <see cref="Read"/>, so a failure there is reported like any other.
/// </remarks>
/// <param name="Sequence">The event's global sequence.</param>
/// <param name="Stream">The meeting id as stored.</param>
/// <param name="StreamVersion">The version within the stream.</param>
/// <param name="EventId">The event's id.</param>
/// <param name="EventType">The stored event name, e.g. <c>attendance-confirmed.v1</c>.</param>
/// <param name="Data">
/// The event in Timeline's stored JSON (a <see cref="string"/>), or the <see cref="MeetingEvent"/> itself when the
/// store's library has read it already (Marten deserializes events with Timeline's stored JSON options).
/// </param>
/// <param name="ReportedAt">reportedAt as given; null when the store lost it.</param>
/// <param name="RecordedAt">System time.</param>
/// <param name="RecordedBy">Who recorded it; null when the store lost it.</param>
/// <param name="Outlet">The source's outlet, if any.</param>
/// <param name="Url">The source's URL, if any.</param>
/// <param name="PublishedAt">When the source was published, as given, if known.</param>
/// <param name="Speaker">Who made the statement, if known.</param>
/// <param name="Quote">The quote, if any.</param>
/// <param name="CommandId">The command's id; null when the store lost it.</param>
/// <param name="Hash">The event's hash as stored (64 lowercase hex digits); null when the store holds none.</param>
public sealed record EventRow(
    long Sequence,
    string Stream,
    long StreamVersion,
    Guid EventId,
    string EventType,
    object Data,
    string? ReportedAt,
    RecordedAt RecordedAt,
    string? RecordedBy,
    string? Outlet,
    string? Url,
    string? PublishedAt,
    string? Speaker,
    string? Quote,
    string? CommandId,
    string? Hash = null)
{
    private const string UnreadableSequence = "Timeline.UnreadableSequence";

    /// <summary>The sequence of the row that <paramref name="e"/>, thrown by <see cref="Read"/>, could not read; null for other errors.</summary>
    public static long? UnreadableSequenceOf(InvalidDataException e) =>
        e?.Data[UnreadableSequence] is long sequence ? sequence : null;

    /// <summary>Builds the row with <paramref name="columns"/> and maps it.</summary>
    /// <param name="store">The store, as messages name it.</param>
    /// <param name="sequence">The row's sequence, read first, so a message can name the event.</param>
    /// <param name="reader">The store's reader, positioned on the row.</param>
    /// <param name="columns">Reads the row's values in the store's own column types.</param>
    /// <exception cref="InvalidDataException">
    /// The row does not hold a valid event; the message names the store and the sequence, and
    /// <see cref="UnreadableSequenceOf"/> gives the sequence.
    /// </exception>
    public static StoredEvent Read<TReader>(string store, long sequence, TReader reader, Func<TReader, EventRow> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        try
        {
            return columns(reader).ToStoredEvent();
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or ArgumentException)
        {
            var unreadable = new InvalidDataException($"event {sequence} in {store} cannot be read: {e.Message}", e);
            unreadable.Data[UnreadableSequence] = sequence;
            throw unreadable;
        }
    }

    /// <summary>The event these values hold.</summary>
    /// <exception cref="InvalidDataException">A required value is missing, or the data does not fit its event name.</exception>
    /// <exception cref="FormatException">The meeting id or reportedAt is not valid.</exception>
    public StoredEvent ToStoredEvent() => new(
        Sequence,
        MeetingId.Parse(Stream),
        StreamVersion,
        EventId,
        EventType,
        Event(),
        Domain.Dates.ReportedAt.Parse(ReportedAt ?? throw new InvalidDataException("it has no reportedAt")),
        RecordedAt,
        RecordedBy ?? throw new InvalidDataException("it has no recordedBy"),
        new Source(Outlet, Url, PublishedAt, Speaker, Quote),
        CommandId ?? throw new InvalidDataException("it has no command id"),
        Hash is null ? null : Chain.EventHash.Parse(Hash));

    private MeetingEvent Event() => Data switch
    {
        string json => EventTypeMap.Deserialize(EventType, json),
        MeetingEvent read when EventTypeMap.NameOf(read) == EventType => read,
        MeetingEvent read => throw new InvalidDataException($"it is stored as '{EventType}' but holds a {EventTypeMap.NameOf(read)} event"),
        _ => throw new InvalidDataException($"its data is a {Data.GetType().Name}, not a Timeline event"),
    };
}
