using System.Globalization;
using Timeline.Benchmarks.Measuring;

namespace Timeline.Benchmarks.Report;

/// <summary>How the report writes numbers.</summary>
internal static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Milliseconds(double ms) => ms switch
    {
        >= 10_000 => (ms / 1000).ToString("0.0", Invariant) + " s",
        >= 1_000 => (ms / 1000).ToString("0.00", Invariant) + " s",
        >= 100 => ms.ToString("0", Invariant) + " ms",
        >= 10 => ms.ToString("0.0", Invariant) + " ms",
        _ => ms.ToString("0.00", Invariant) + " ms",
    };

    public static string Latency(Latency latency) =>
        $"p50 {Milliseconds(latency.P50)}, p99 {Milliseconds(latency.P99)} (n={latency.Count})";

    public static string Rate(double perSecond, string unit) => $"{Whole(perSecond)} {unit}/s";

    public static string Whole(double value) => Math.Round(value).ToString("#,0", Invariant);

    /// <summary>Megabytes of 1,000,000 bytes, as the targets are stated.</summary>
    public static string Bytes(long bytes) => bytes >= 10_000_000_000
        ? (bytes / 1e9).ToString("0.0", Invariant) + " GB"
        : (bytes / 1e6).ToString("#,0", Invariant) + " MB";

    /// <summary>A baseline's time over the figure's: <c>3.2× faster</c>, or <c>1.4× slower</c> below 1.</summary>
    public static string Speed(double speedUp) =>
        speedUp >= 1 || speedUp <= 0 ? $"{Times(speedUp)} faster" : $"{Times(1 / speedUp)} slower";

    public static string Times(double ratio) => ratio switch
    {
        >= 100 => ratio.ToString("#,0", Invariant),
        >= 10 => ratio.ToString("0.0", Invariant),
        _ => ratio.ToString("0.00", Invariant),
    } + "×";
}
