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
    /// Runs <paramref name="operation"/> once untimed (the first run pays for JIT compilation, connection pools and
    /// schema checks), then times it until <see cref="MaxRepetitions"/> runs or the budget is spent.
    /// </summary>
    public async Task<Latency> MeasureAsync(Func<int, Task> operation)
    {
        await operation(0);
        var samples = new List<double>();
        var budget = Stopwatch.StartNew();
        for (var run = 1; samples.Count < MaxRepetitions && (samples.Count < MinRepetitions || budget.Elapsed < Budget); run++)
        {
            var watch = Stopwatch.StartNew();
            await operation(run);
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }
        return new Latency(samples);
    }
}
