namespace Timeline.Benchmarks.Measuring;

/// <summary>
/// The peak resident memory of this process so far (<c>VmHWM</c> in <c>/proc/self/status</c>). Each measured phase
/// runs in a process of its own, so the peak belongs to that phase alone.
/// </summary>
internal static class PeakMemory
{
    /// <summary>Bytes, or null where <c>/proc</c> is not there (not Linux).</summary>
    public static long? Bytes()
    {
        const string Status = "/proc/self/status";
        if (!File.Exists(Status))
        {
            return null;
        }
        foreach (var line in File.ReadLines(Status))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }
        return null;
    }
}
