using System.Diagnostics;
using System.Text.Json;
using Timeline.Benchmarks.Phases;

namespace Timeline.Benchmarks.Running;

/// <summary>A phase's process failed; its message carries what the process said.</summary>
internal sealed class PhaseFailed(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>Runs each measured phase in a child process of this benchmark and reads its result.</summary>
internal sealed class PhaseRunner(string workFolder, TextWriter log)
{
    public async Task<PhaseResult> RunAsync(string phase, BenchmarkPlan plan, CancellationToken cancellationToken)
    {
        var planPath = Path.Combine(workFolder, $"plan-{phase}.json");
        plan.Save(planPath);
        var (program, prefix) = Self();
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in prefix.Concat(["--phase", phase, "--plan", planPath]))
        {
            start.ArgumentList.Add(argument);
        }
        await log.WriteLineAsync($"  {phase}…");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"the {phase} process did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        var said = (await error).Trim();
        if (process.ExitCode != 0)
        {
            throw new PhaseFailed($"the {phase} phase failed (exit {process.ExitCode}): {said}", process.ExitCode);
        }
        var last = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        var result = last is null
            ? throw new PhaseFailed($"the {phase} phase printed no result. {said}", 1)
            : JsonSerializer.Deserialize<PhaseResult>(last) ?? throw new PhaseFailed($"the {phase} phase printed '{last}', not a result", 1);
        // Each phase's raw result as it comes: a run that fails later (or is stopped) still leaves what it measured.
        await log.WriteLineAsync($"  {phase} done: {last}");
        return result;
    }

    /// <summary>How to start this program again: its own executable, or <c>dotnet exec</c> on its assembly.</summary>
    private static (string Program, string[] Prefix) Self()
    {
        var assembly = typeof(PhaseRunner).Assembly.Location;
        var host = Environment.ProcessPath;
        if (host is not null && Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            return (host, ["exec", assembly]);
        }
        var appHost = Path.ChangeExtension(assembly, OperatingSystem.IsWindows() ? ".exe" : null);
        return File.Exists(appHost) ? (appHost, []) : ("dotnet", ["exec", assembly]);
    }
}
