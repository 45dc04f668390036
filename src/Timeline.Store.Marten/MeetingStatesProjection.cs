using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Timeline.Core.Index;
using Timeline.Core.Storage;

namespace Timeline.Store.Marten;

/// <summary>
/// The as-of index as a Marten inline projection: for every meeting an append touches, the meeting's open rows (those
/// whose system-time interval is still open) are advanced with <see cref="MeetingStates.Advance"/> over its whole
/// stream (the events stored before and the new ones): the states that no longer hold end at the append's recordedAt,
/// the new ones start there, the rows of its recorded past stay as they are. The new events' report days are added.
/// All in the append's transaction; a backdated report or a retraction so touches only its own meeting.
/// </summary>
/// <remarks>
/// One batch touches hundreds of meetings in an import, so the projection asks for all of them at once (their stored
/// events and their open documents, in one batched query) rather than once per meeting. A meeting with an event or a
/// row recorded after the append (the clock was set back) gets all its rows computed afresh with
/// <see cref="MeetingStates.Of"/> instead.
/// </remarks>
internal sealed class MeetingStatesProjection(Func<IEvent, StoredEvent> read) : IProjection
{
    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var appended = events.Where(e => e.StreamKey is { } key && key != MartenEventStore.TombstoneStream).Select(read).ToList();
        if (appended.Count == 0)
        {
            return;
        }
        var touched = appended.GroupBy(e => e.Stream.Value, StringComparer.Ordinal).ToList();
        var keys = touched.ConvertAll(stream => stream.Key).ToArray();
        // Marten runs an inline projection before it writes the batch's own events; any already written are found
        // here and not counted twice.
        var batch = operations.CreateBatchQuery();
        var streams = keys.Select(key => batch.Events.FetchStream(key)).ToList();
        var open = batch.Query<MeetingStateDocument>().Where(d => keys.Contains(d.MeetingId) && d.RecordedTo == MeetingStates.Open).ToList();
        await batch.Execute(cancellation).ConfigureAwait(false);
        var openOf = (await open.ConfigureAwait(false)).ToLookup(d => d.MeetingId, StringComparer.Ordinal);

        var stale = new List<Guid>();
        var started = new List<MeetingStateDocument>();
        for (var i = 0; i < touched.Count; i++)
        {
            var (key, recordedAt) = (touched[i].Key, touched[i].First().RecordedAt.Instant.UtcTicks);
            var before = (await streams[i].ConfigureAwait(false)).Select(read).ToList();
            var known = before.Select(e => e.EventId).ToHashSet();
            var whole = before.Concat(touched[i].Where(e => !known.Contains(e.EventId))).ToList();
            var held = openOf[key].ToDictionary(d => d.ReportedFrom);
            if (!MeetingStates.CanAdvance(whole, held.Values.Select(d => d.RecordedFrom), recordedAt))
            {
                operations.DeleteWhere<MeetingStateDocument>(d => d.MeetingId == key);
                started.AddRange(MeetingStates.Of(whole).Select(MeetingStateDocument.Of));
                continue;
            }
            var change = MeetingStates.Advance(whole, [.. held.Values.Select(d => new HeldState(d.ReportedFrom, d.ReportedTo, d.RecordedFrom, d.Snapshot))], recordedAt);
            foreach (var ended in change.Ended)
            {
                var document = held[ended.ReportedFrom];
                if (ended.EmptyWhenEndedAt(recordedAt))
                {
                    stale.Add(document.Id);
                }
                else
                {
                    document.RecordedTo = recordedAt;
                    operations.Update(document);
                }
            }
            started.AddRange(change.Started.Select(MeetingStateDocument.Of));
        }
        if (stale.Count > 0)
        {
            operations.DeleteWhere<MeetingStateDocument>(d => stale.Contains(d.Id));
        }
        operations.Insert([.. started]);
        operations.Insert([.. MeetingStates.ReportDays(appended).Select(ReportDayDocument.Of)]);
    }
}
