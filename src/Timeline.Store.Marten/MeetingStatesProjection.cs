using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Timeline.Core.Index;
using Timeline.Core.Storage;

namespace Timeline.Store.Marten;

/// <summary>
/// The as-of index as a Marten inline projection: for every meeting an append touches, the meeting's rows are computed
/// again with <see cref="MeetingStates.Of"/> from its whole stream (the events stored before and the new ones) and
/// replace its documents, and the new events' report days are added, all in the append's transaction. A backdated
/// report or a retraction so recomputes only its own meeting.
/// </summary>
internal sealed class MeetingStatesProjection(Func<IEvent, StoredEvent> read) : IProjection
{
    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var appended = events.Where(e => e.StreamKey is { } key && key != MartenEventStore.TombstoneStream).ToList();
        if (appended.Count == 0)
        {
            return;
        }
        foreach (var stream in appended.GroupBy(e => e.StreamKey!, StringComparer.Ordinal))
        {
            var before = await operations.Events.FetchStreamAsync(stream.Key, token: cancellation).ConfigureAwait(false);
            var known = before.Select(e => e.Id).ToHashSet();
            var whole = before.Concat(stream.Where(e => !known.Contains(e.Id))).Select(read).ToList();
            operations.DeleteWhere<MeetingStateDocument>(d => d.MeetingId == stream.Key);
            operations.Store([.. MeetingStates.Of(whole).Select(MeetingStateDocument.Of)]);
        }
        operations.Store([.. MeetingStates.ReportDays(appended.Select(read)).Select(ReportDayDocument.Of)]);
    }
}
