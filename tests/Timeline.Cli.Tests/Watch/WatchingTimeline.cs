using System.Globalization;
using System.Text;
using Timeline.Cli.Tests.Postgres;
using OsProcess = System.Diagnostics.Process;

namespace Timeline.Cli.Tests.Watch;

/// <summary>
/// A real <c>timeline watch</c> process, read line by line while it runs, so a test can wait for what it prints and
/// then stop it the way a user does, with Ctrl+C (SIGINT).
/// </summary>
internal sealed class WatchingTimeline : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly OsProcess _process;
    private readonly List<string> _lines = [];
    private readonly StringBuilder _error = new();
    private readonly SemaphoreSlim _written = new(0);
    private readonly Task _pumps;

    private WatchingTimeline(OsProcess process)
    {
        _process = process;
        _pumps = Task.WhenAll(
            PumpAsync(process.StandardOutput, line => _lines.Add(line)),
            PumpAsync(process.StandardError, line => _error.AppendLine(line)));
    }

    /// <summary>Starts <c>timeline watch ARGS</c> in <paramref name="folder"/> with <paramref name="variables"/>.</summary>
    public static WatchingTimeline Start(string folder, IReadOnlyDictionary<string, string> variables, params string[] args)
    {
        var start = RunningTimeline.StartInfo(RunningTimeline.DotnetHost, [RunningTimeline.Dll, "watch", .. args], folder, variables);
        return new(OsProcess.Start(start) ?? throw new InvalidOperationException("timeline watch did not start"));
    }

    /// <summary>What it wrote on standard error so far.</summary>
    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>The lines it wrote on standard output so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Waits until standard error holds <paramref name="text"/> and returns all of standard error.</summary>
    public Task<string> WaitForErrorAsync(string text) => WaitAsync(() => Error.Contains(text, StringComparison.Ordinal) ? Error : null, $"'{text}' on standard error");

    /// <summary>Waits until standard output holds <paramref name="count"/> lines that <paramref name="match"/> and returns them.</summary>
    public Task<IReadOnlyList<string>> WaitForLinesAsync(int count, Func<string, bool>? match = null) =>
        WaitAsync<IReadOnlyList<string>>(() => Lines.Where(match ?? (_ => true)).ToList() is { } lines && lines.Count >= count ? lines : null, $"{count} lines");

    /// <summary>Sends Ctrl+C (SIGINT), waits for the exit and returns the exit code.</summary>
    public async Task<int> InterruptAsync()
    {
        var cancel = TestContext.Current.CancellationToken;
        using (var interrupt = OsProcess.Start("kill", ["-INT", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync(cancel);
        }
        await _process.WaitForExitAsync(cancel).WaitAsync(Patience, cancel);
        await _pumps;
        return _process.ExitCode;
    }

    private async Task<T> WaitAsync<T>(Func<T?> found, string what)
        where T : class
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < Patience)
        {
            if (found() is { } result)
            {
                return result;
            }
            if (_process.HasExited)
            {
                await _pumps;
                return found() ?? throw new Xunit.Sdk.XunitException($"timeline watch exited {_process.ExitCode} before it printed {what}:\n{Error}\n{string.Join('\n', Lines)}");
            }
            await _written.WaitAsync(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"timeline watch never printed {what}:\n{Error}\n{string.Join('\n', Lines)}");
    }

    private async Task PumpAsync(StreamReader reader, Action<string> add)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_lines)
            {
                lock (_error)
                {
                    add(line);
                }
            }
            _written.Release();
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
        _written.Dispose();
    }
}
