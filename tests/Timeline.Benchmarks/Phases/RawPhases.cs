using Timeline.Benchmarks.Baselines;
using Timeline.Benchmarks.Running;

namespace Timeline.Benchmarks.Phases;

/// <summary>The raw baselines that stand beside import and rebuild: batched inserts and a sequential read of the same rows.</summary>
internal static class RawPhases
{
    public static async Task<PhaseResult> BatchedInsertAsync(BenchmarkPlan plan, CancellationToken cancellationToken)
    {
        var rate = await RawBaseline.For(plan).BatchedInsertAsync(cancellationToken);
        return new PhaseResult(Rows: rate.Rows, Seconds: rate.Seconds);
    }

    /// <summary>The sequential read, and the store's durability settings for the report.</summary>
    public static async Task<PhaseResult> SequentialReadAsync(BenchmarkPlan plan, CancellationToken cancellationToken)
    {
        var baseline = RawBaseline.For(plan);
        var rate = await baseline.SequentialReadAsync(cancellationToken);
        return new PhaseResult(Rows: rate.Rows, Seconds: rate.Seconds, Note: await baseline.DescribeAsync(cancellationToken));
    }
}
