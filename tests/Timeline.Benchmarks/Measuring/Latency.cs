using System.Diagnostics;

namespace Timeline.Benchmarks.Measuring;

/// <summary>The timed repetitions of one operation, in milliseconds, and their median and 99th percentile.</summary>
internal sealed record Latency(IReadOnlyList<double> Milliseconds)
{
    public int Count => Milliseconds.Count;

    public double P50 => Percentile(0.50);

    public double P99 => Percentile(0.99);

    /// <summary>Nearest-rank percentile: with fewer than 100 repetitions, p99 is the slowest one.</summary>
    public double Percentile(double fraction)
    {
        var sorted = Milliseconds.Order().ToList();
        var rank = (int)Math.Ceiling(fraction * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}

/// <summary>How long to keep repeating one timed operation.</summary>
/// <param name="MaxRepetitions">Stop after this many timed runs.</param>
/// <param name="Budget">Stop starting new runs once this much time has gone by (after at least <see cref="MinRepetitions"/>).</param>
/// <param name="MinRepetitions">Always time at least this many runs.</param>
internal sealed record Repetitions(int MaxRepetitions, TimeSpan Budget, int MinRepetitions = 3)
{
    /// <summary>
    /// Runs <paramref name="operation"/> untimed for a while first (at least once, for up to a fifth of the budget and
    /// at most a second), so that JIT compilation, tiering, connection pools and schema checks are paid for; then
    /// times it until <see cref="MaxRepetitions"/> runs or the budget is spent. The argument counts every run, untimed
    /// ones included, from 0.
    /// </summary>
    public Task<Latency> MeasureAsync(Func<int, Task> operation) => MeasureSelfTimedAsync(async run =>
    {
        var watch = Stopwatch.StartNew();
        await operation(run);
        return watch.Elapsed.TotalMilliseconds;
    });

    /// <summary>
    /// As <see cref="MeasureAsync(Func{int, Task})"/>, for an operation that times itself and returns its own
    /// milliseconds (the web page's figures are timed inside the browser, from the event to the drawing). Not an
    /// overload of it: a lambda that returns a number (a count of rows) would bind here and be taken for its time.
    /// </summary>
    public async Task<Latency> MeasureSelfTimedAsync(Func<int, Task<double>> timedOperation)
    {
        var run = 0;
        var warmUp = Stopwatch.StartNew();
        var warmUpBudget = TimeSpan.FromTicks(Math.Min(TimeSpan.TicksPerSecond, Budget.Ticks / 5));
        do
        {
            await timedOperation(run++);
        }
        while (warmUp.Elapsed < warmUpBudget && run < MaxRepetitions);
        var samples = new List<double>();
        var budget = Stopwatch.StartNew();
        while (samples.Count < MaxRepetitions && (samples.Count < MinRepetitions || budget.Elapsed < Budget))
        {
            samples.Add(await timedOperation(run++));
        }
        return new Latency(samples);
    }
}
