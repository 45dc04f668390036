using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Timeline.Core.Index;
using Timeline.Core.Storage;

namespace Timeline.Store.Marten;

/// <summary>
/// The as-of index as a Marten inline projection: for every meeting an append touches, the meeting's rows are computed
/// again with <see cref="MeetingStates.Of"/> from its whole stream (the events stored before and the new ones), and
/// its documents are brought in line with them, and the new events' report days are added, all in the append's
/// transaction. A backdated report or a retraction so recomputes only its own meeting.
/// </summary>
/// <remarks>
/// One batch touches hundreds of meetings in an import, so the projection asks two questions for all of them at once
/// (their stored events, their stored documents) in one batched query rather than one query per meeting, and writes only the rows that changed:
/// a new report closes a meeting's current rows and opens new ones, while the rows of its recorded past come out the
/// same and stay as they are.
/// </remarks>
internal sealed class MeetingStatesProjection(Func<IEvent, StoredEvent> read) : IProjection
{
    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var appended = events.Where(e => e.StreamKey is { } key && key != MartenEventStore.TombstoneStream).ToList();
        if (appended.Count == 0)
        {
            return;
        }
        var touched = appended.GroupBy(e => e.StreamKey!, StringComparer.Ordinal).ToList();
        var keys = touched.ConvertAll(stream => stream.Key).ToArray();
        // One round trip for all of them: each meeting's events stored before this batch (Marten runs an inline
        // projection before it writes the batch's own events; any already written are found here and not counted
        // twice) and its documents.
        var batch = operations.CreateBatchQuery();
        var streams = keys.Select(key => batch.Events.FetchStream(key)).ToList();
        var stored = batch.Query<MeetingStateDocument>().Where(d => keys.Contains(d.MeetingId)).ToList();
        await batch.Execute(cancellation).ConfigureAwait(false);
        var documents = (await stored.ConfigureAwait(false)).ToLookup(d => d.MeetingId, StringComparer.Ordinal);
        var stale = new List<Guid>();
        var fresh = new List<MeetingStateDocument>();
        for (var i = 0; i < touched.Count; i++)
        {
            var stream = touched[i];
            var before = await streams[i].ConfigureAwait(false);
            var known = before.Select(e => e.Id).ToHashSet();
            var whole = before.Concat(stream.Where(e => !known.Contains(e.Id))).Select(read).ToList();
            // The documents that hold a row of the new set stay; each row matches at most one of them.
            var kept = documents[stream.Key].GroupBy(RowKey.Of).ToDictionary(g => g.Key, g => new Queue<MeetingStateDocument>(g));
            foreach (var row in MeetingStates.Of(whole).Select(MeetingStateDocument.Of))
            {
                if (!(kept.TryGetValue(RowKey.Of(row), out var same) && same.TryDequeue(out _)))
                {
                    fresh.Add(row);
                }
            }
            stale.AddRange(kept.Values.SelectMany(left => left).Select(d => d.Id));
        }
        if (stale.Count > 0)
        {
            operations.DeleteWhere<MeetingStateDocument>(d => stale.Contains(d.Id));
        }
        operations.Insert([.. fresh]);
        operations.Insert([.. MeetingStates.ReportDays(appended.Select(read)).Select(ReportDayDocument.Of)]);
    }

    /// <summary>Everything a state document says, its id aside: two documents with equal keys hold the same row.</summary>
    private readonly record struct RowKey(
        long ReportedFrom, long ReportedTo, long RecordedFrom, long RecordedTo, int EarliestDay, int LatestDay, bool Dated, string Participants, string SearchKey, string Snapshot)
    {
        public static RowKey Of(MeetingStateDocument d) => new(
            d.ReportedFrom, d.ReportedTo, d.RecordedFrom, d.RecordedTo, d.EarliestDay, d.LatestDay, d.Dated, string.Join('\u001f', d.Participants), d.SearchKey, d.Snapshot);
    }
}
