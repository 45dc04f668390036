using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Storage;

/// <summary>An event as stored, with its whole envelope.</summary>
/// <param name="Sequence">Global append position: 1-based, strictly increasing in append order across all streams.</param>
/// <param name="Stream">The meeting the event belongs to.</param>
/// <param name="StreamVersion">1-based position within its stream.</param>
/// <param name="EventId">Unique id of the event.</param>
/// <param name="EventType">The stored name, e.g. <c>attendance-confirmed.v1</c> (see <see cref="Serialization.EventTypeMap"/>).</param>
/// <param name="Event">The domain event.</param>
/// <param name="ReportedAt">Knowledge time, as given by the command.</param>
/// <param name="RecordedAt">System time: when the store appended it, from the store's injected clock.</param>
/// <param name="RecordedBy">The user or API key name that appended it.</param>
/// <param name="Source">Who said it and where.</param>
/// <param name="CommandId">The command's idempotency key.</param>
/// <param name="Hash">
/// The event's link in the hash chain (<see cref="Chain.HashChain"/>), as the store holds it; null for an event not yet
/// stored, or read from an export that predates the chain.
/// </param>
public sealed record StoredEvent(
    long Sequence,
    MeetingId Stream,
    long StreamVersion,
    Guid EventId,
    string EventType,
    MeetingEvent Event,
    ReportedAt ReportedAt,
    RecordedAt RecordedAt,
    string RecordedBy,
    Source Source,
    string CommandId,
    Chain.EventHash? Hash = null);
