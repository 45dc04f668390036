using System.Diagnostics;
using System.Text;
using Timeline.Cli.Tests.Harness;
using OsProcess = System.Diagnostics.Process;

namespace Timeline.Cli.Tests.Postgres;

/// <summary>
/// A real process: the built <c>timeline</c> (<c>dotnet timeline.dll</c>, from this project's output), or a bash script
/// that runs it. It sees the test process's environment without any <c>TIMELINE_*</c> variable, plus the variables it
/// is given. Its output is read from the start; its standard input stays open until <see cref="FinishAsync"/>.
/// </summary>
internal sealed class RunningTimeline : IDisposable
{
    /// <summary>The built CLI, copied beside the tests.</summary>
    public static string Dll { get; } = Path.Combine(AppContext.BaseDirectory, "timeline.dll");

    /// <summary>The dotnet host that runs these tests when known, else the one on the PATH.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private readonly OsProcess _process;
    private readonly IReadOnlyList<string> _args;
    private readonly Task<string> _out;
    private readonly Task<string> _error;

    private RunningTimeline(ProcessStartInfo start, IReadOnlyList<string> args)
    {
        _args = args;
        _process = OsProcess.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start");
        _out = _process.StandardOutput.ReadToEndAsync();
        _error = _process.StandardError.ReadToEndAsync();
    }

    /// <summary>Starts <c>timeline ARGS</c> in <paramref name="folder"/>.</summary>
    public static RunningTimeline Start(string folder, IReadOnlyDictionary<string, string> variables, params string[] args) =>
        new(StartInfo(DotnetHost, [Dll, .. args], folder, variables), args);

    /// <summary>Starts <c>bash -c SCRIPT bash ARGS</c>: in the script, <c>$TIMELINE</c> runs the built CLI and <c>$1…</c> are the arguments.</summary>
    public static RunningTimeline Bash(string script, string folder, IReadOnlyDictionary<string, string> variables, params string[] args)
    {
        var start = StartInfo("bash", ["-c", "set -euo pipefail\n" + script, "bash", .. args], folder, variables);
        start.Environment["TIMELINE"] = $"{DotnetHost} {Dll}";
        return new(start, ["bash -c", script, .. args]);
    }

    /// <summary>Runs <c>timeline ARGS</c> to the end with <paramref name="input"/> on standard input.</summary>
    public static async Task<CliRun> RunAsync(string folder, IReadOnlyDictionary<string, string> variables, string input, params string[] args)
    {
        using var running = Start(folder, variables, args);
        return await running.FinishAsync(input);
    }

    /// <summary>Writes <paramref name="input"/>, closes standard input and waits (at most two minutes) for the exit.</summary>
    public async Task<CliRun> FinishAsync(string input = "")
    {
        var cancellation = TestContext.Current.CancellationToken;
        await _process.StandardInput.WriteAsync(input.AsMemory(), cancellation);
        _process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{string.Join(' ', _args)} did not finish within two minutes");
        }
        return new CliRun(_args, _process.ExitCode, await _out, await _error);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    internal static ProcessStartInfo StartInfo(string program, IEnumerable<string> arguments, string folder, IReadOnlyDictionary<string, string> variables)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("TIMELINE_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in variables)
        {
            start.Environment[name] = value;
        }
        return start;
    }
}
