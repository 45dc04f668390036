using System.Diagnostics;
using Timeline.Benchmarks.Measuring;
using Timeline.Benchmarks.Running;
using Timeline.Cli;
using Timeline.Core.Index;
using Timeline.Core.Storage;

namespace Timeline.Benchmarks.Phases;

/// <summary>
/// The rebuild of every derived index from the log, against a raw sequential read of the same log:
/// <see cref="Rebuild"/> sends the Mediator request <c>timeline rebuild</c> sends.
/// </summary>
internal static class RebuildPhase
{
    /// <summary>Rebuilds every derived index of the session's store.</summary>
    public static Func<Session, CancellationToken, Task>? Rebuild =>
        async (session, cancellationToken) => await session.Mediator.Send(new RebuildIndex(), cancellationToken);

    public static bool Available => Rebuild is not null;

    public static async Task<PhaseResult> RunAsync(BenchmarkPlan plan, CancellationToken cancellationToken)
    {
        var rebuild = Rebuild ?? throw new InvalidOperationException("there is no derived index to rebuild yet");
        await using var session = Product.Open(plan);
        var events = await session.Store().CountAsync(cancellationToken);
        var watch = Stopwatch.StartNew();
        await rebuild(session, cancellationToken);
        return new PhaseResult(Rows: events, Seconds: watch.Elapsed.TotalSeconds, PeakBytes: PeakMemory.Bytes());
    }
}
