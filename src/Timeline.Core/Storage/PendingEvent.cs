using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Storage;

/// <summary>An event to append, with what the command said about it. The store adds the rest.</summary>
/// <param name="EventId">A new, unique id for this event; a retraction may name it.</param>
/// <param name="Event">The domain event.</param>
/// <param name="ReportedAt">Knowledge time: when the source made the statement.</param>
/// <param name="Source">Who said it and where.</param>
/// <param name="CommandId">The idempotency key of the command that produced it; unique per command in a store.</param>
public sealed record PendingEvent(Guid EventId, MeetingEvent Event, ReportedAt ReportedAt, Source Source, string CommandId);
