using System.Runtime.CompilerServices;
using Timeline.Core.Storage;

namespace Timeline.Core.Index;

public static partial class MeetingStates
{
    /// <summary>How many events a batch of <see cref="FoldAllAsync"/> holds, at least (it ends on a stream's end).</summary>
    public const int RebuildBatchEvents = 1024;

    /// <summary>
    /// The rows (<see cref="Of"/>) and report days (<see cref="ReportDays"/>) of every stream of <paramref name="log"/>,
    /// for a rebuild: streams go in batches of about <see cref="RebuildBatchEvents"/> events to the thread pool, where
    /// they are folded in parallel while the caller writes the batch before and the log is read on; so memory holds at
    /// most three batches, whatever the log's size.
    /// </summary>
    /// <param name="log">Every event, each stream's together (as a read ordered by stream gives them).</param>
    /// <param name="cancellationToken">Stops the read and the folds.</param>
    /// <returns>The folded streams in <paramref name="log"/>'s order, a batch at a time.</returns>
    public static async IAsyncEnumerable<IReadOnlyList<FoldedStream>> FoldAllAsync(
        IAsyncEnumerable<StoredEvent> log, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        Task<FoldedStream[]>? folding = null;
        var batch = new List<List<StoredEvent>>();
        var batched = 0;
        await foreach (var e in log.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (batch.Count == 0 || batch[^1][0].Stream != e.Stream)
            {
                if (batched >= RebuildBatchEvents)
                {
                    var next = Fold(batch, cancellationToken);
                    if (folding is not null)
                    {
                        yield return await folding.ConfigureAwait(false);
                    }
                    (folding, batch, batched) = (next, [], 0);
                }
                batch.Add([]);
            }
            batch[^1].Add(e);
            batched++;
        }
        var last = batch.Count > 0 ? Fold(batch, cancellationToken) : null;
        if (folding is not null)
        {
            yield return await folding.ConfigureAwait(false);
        }
        if (last is not null)
        {
            yield return await last.ConfigureAwait(false);
        }
    }

    private static Task<FoldedStream[]> Fold(List<List<StoredEvent>> batch, CancellationToken cancellationToken) =>
        Task.Run(
            () => batch.AsParallel().AsOrdered().WithCancellation(cancellationToken)
                .Select(stream => new FoldedStream(stream.Count, Of(stream), ReportDays(stream)))
                .ToArray(),
            cancellationToken);
}

/// <summary>One stream's index rows and report days, as a rebuild computes them (<see cref="MeetingStates.FoldAllAsync"/>).</summary>
/// <param name="Events">How many events the stream holds.</param>
/// <param name="Rows">Its rows (<see cref="MeetingStates.Of"/>).</param>
/// <param name="Days">Its report days (<see cref="MeetingStates.ReportDays"/>).</param>
public sealed record FoldedStream(int Events, IReadOnlyList<MeetingStateRow> Rows, IReadOnlyList<ReportDayRow> Days);

/// <summary>What a rebuild has written so far: the counts <see cref="IndexRebuild"/> reports, and the report days summed over streams.</summary>
public sealed class RebuildTally
{
    private readonly Dictionary<(int Day, long RecordedAt), int> _days = [];
    private long _events;
    private long _meetings;
    private long _states;

    /// <summary>Counts <paramref name="stream"/>, once its rows are written.</summary>
    public void Add(FoldedStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        foreach (var day in stream.Days)
        {
            _days[(day.Day, day.RecordedAt)] = _days.GetValueOrDefault((day.Day, day.RecordedAt)) + day.Reports;
        }
        (_events, _meetings, _states) = (_events + stream.Events, _meetings + 1, _states + stream.Rows.Count);
    }

    /// <summary>The report days of every stream added, each (day, recordedAt) once.</summary>
    public IReadOnlyList<ReportDayRow> Days => [.. _days.Select(d => new ReportDayRow(d.Key.Day, d.Key.RecordedAt, d.Value))];

    /// <summary>The rebuild's report.</summary>
    public IndexRebuild Result() => new(_events, _meetings, _states, _days.Count, MeetingStates.FormatVersion);
}
