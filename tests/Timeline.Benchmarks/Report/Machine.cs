using System.Runtime.InteropServices;

namespace Timeline.Benchmarks.Report;

/// <summary>The machine a run measured, as the report states it.</summary>
internal sealed record Machine(int Processors, long? MemoryBytes, string Cpu, string System, string Runtime)
{
    public static Machine Current() => new(
        Environment.ProcessorCount,
        MemTotal(),
        ProcField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription);

    public override string ToString() =>
        $"{Processors} × {Cpu}, {(MemoryBytes is { } bytes ? Format.Bytes(bytes) : "unknown memory")}, {System}, {Runtime}";

    /// <summary>The 1-minute load average (<c>/proc/loadavg</c>): on a shared machine, how much else was running.</summary>
    public static double? LoadAverage() =>
        File.Exists("/proc/loadavg")
        && double.TryParse(File.ReadAllText("/proc/loadavg").Split(" ")[0], global::System.Globalization.NumberStyles.Float, global::System.Globalization.CultureInfo.InvariantCulture, out var load)
            ? load
            : null;

    private static long? MemTotal() =>
        ProcField("/proc/meminfo", "MemTotal") is { } text && long.TryParse(text.Split(' ')[0], out var kilobytes) ? kilobytes * 1024 : null;

    private static string? ProcField(string file, string name) =>
        File.Exists(file)
            ? File.ReadLines(file).Where(line => line.StartsWith(name, StringComparison.Ordinal)).Select(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()).FirstOrDefault()
            : null;
}
