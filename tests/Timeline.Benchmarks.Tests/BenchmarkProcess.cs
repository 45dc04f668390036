using System.Diagnostics;
using System.Text.Json;

namespace Timeline.Benchmarks.Tests;

/// <summary>Runs the benchmark as a process of its own, the way CI would.</summary>
internal static class BenchmarkProcess
{
    /// <summary>A tiny run: a few hundred events, three files, three timed repetitions of each figure.</summary>
    public static readonly string[] Tiny = ["--events", "300", "--parts", "3", "--reps", "3", "--budget", "0"];

    /// <summary>Runs it, asserts it exits 0, and reads its table and (with <paramref name="report"/>) its JSON report.</summary>
    public static async Task<BenchmarkOutput> RunAsync(string[] arguments, bool report = true)
    {
        var reportFile = Path.Combine(Path.GetTempPath(), $"timeline-bench-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["exec", Path.Combine(AppContext.BaseDirectory, "Timeline.Benchmarks.dll"), .. arguments, .. report ? ["--out", reportFile] : Array.Empty<string>()])
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("the benchmark did not start");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        var text = await output;
        Assert.True(process.ExitCode == 0, $"the benchmark exited with {process.ExitCode}:\n{await error}\n{text}");
        if (!report)
        {
            return new BenchmarkOutput(text, null);
        }
        try
        {
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(reportFile, TestContext.Current.CancellationToken));
            return new BenchmarkOutput(text, document.RootElement.Clone());
        }
        finally
        {
            File.Delete(reportFile);
        }
    }
}
