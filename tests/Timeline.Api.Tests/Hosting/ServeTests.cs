using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Timeline.Store.Sqlite;

namespace Timeline.Api.Tests.Hosting;

/// <summary><c>TimelineApi.RunAsync</c> and <c>timeline serve</c> on a real loopback port: up, answering, and stopping cleanly.</summary>
public sealed partial class ServeTests
{
    [Fact]
    public async Task RunAsync_prints_where_it_listens_serves_and_stops_when_cancelled()
    {
        await using var host = new ApiHost();
        using var store = new SqliteEventStore(host.StorePath, host.Clock);
        var output = new LineWriter();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Web.Cancel);

        var running = TimelineApi.RunAsync(new ApiOptions { Urls = "http://127.0.0.1:0", AllowAnonymousRead = true }, _ => store, host.Clock, output, stop.Token);
        var address = await output.WaitForAsync(ListeningOn(), running);
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        using var health = await client.GetAsync("/healthz", Web.Cancel);
        using var schedule = await client.GetAsync("/api/schedule", Web.Cancel);
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(30), Web.Cancel);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, schedule.StatusCode);
        Assert.Equal("{\n  \"asOf\": null,\n  \"recordedAsOf\": null,\n  \"meetings\": []\n}\n", await schedule.TextAsync());
        Assert.Contains("Stopped.", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeline_serve_runs_until_ctrl_c_and_exits_0()
    {
        await using var host = new ApiHost();
        var imported = await host.CliAsync("import", Seeds.Files[0]);
        Assert.Equal(0, imported.ExitCode);
        await using var server = ServeProcess.Start(host);
        var (process, output) = (server.Process, server.Output);
        try
        {
            var address = await server.AddressAsync();
            // The client goes before the interrupt, so no kept-alive connection stands in the way of shutting down.
            using (var client = new HttpClient { BaseAddress = new Uri(address) })
            using (var meeting = await client.GetAsync("/api/meetings/g20-2022", Web.Cancel))
            {
                Assert.Equal(HttpStatusCode.OK, meeting.StatusCode);
            }

            using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await interrupt.WaitForExitAsync(Web.Cancel);
            }
            await process.WaitForExitAsync(Web.Cancel).WaitAsync(TimeSpan.FromSeconds(30), Web.Cancel);
            await server.Pump;

            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {output} {await server.Errors}");
            Assert.Contains($"Serving sqlite:{host.StorePath}, reads open to anyone.", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("Stopped.", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task Two_timeline_serve_processes_on_one_SQLite_file_both_take_writes_and_lose_none()
    {
        await using var host = new ApiHost();
        Assert.Equal(0, (await host.CliAsync("import", Seeds.Files[0])).ExitCode);
        var key = await host.KeyAsync("desk", "editor");
        await using var first = ServeProcess.Start(host);
        await using var second = ServeProcess.Start(host);
        using var one = new HttpClient { BaseAddress = new Uri(await first.AddressAsync()) };
        using var two = new HttpClient { BaseAddress = new Uri(await second.AddressAsync()) };
        foreach (var client in new[] { one, two })
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        }
        var names = Enumerable.Range(1, 16).Select(i => $"Envoy Number {i:D2}").ToList();

        // Both servers at once, each writer on the same meeting without a version: every one lands, on either server.
        var responses = await Task.WhenAll(names.Select((name, i) => (i % 2 == 0 ? one : two).PostAsync("/api/commands", Seeds.Json(
            $$"""{"command": "AnnounceAttendance", "meetingId": "g20-2022", "reportedAt": "2022-11-01", "participant": "{{name}}", "level": "expected"}"""), Web.Cancel)));

        foreach (var response in responses)
        {
            using (response)
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, await response.TextAsync());
                Assert.Equal("applied", (await response.JsonAsync())["outcomes"]![0]!["result"]!.GetValue<string>());
            }
        }
        foreach (var client in new[] { one, two })
        {
            using var meeting = await client.GetAsync("/api/meetings/g20-2022/history", Web.Cancel);
            var recorded = (await meeting.JsonAsync())["entries"]!.AsArray()
                .Select(e => e!["data"]?["participant"]?.GetValue<string>())
                .OfType<string>()
                .Where(names.Contains)
                .ToList();
            Assert.Equal(names.Order(StringComparer.Ordinal), recorded.Order(StringComparer.Ordinal));
        }
        Assert.False(first.Process.HasExited || second.Process.HasExited, $"a server stopped: {first.Output} {second.Output}");
    }

    [Fact]
    public async Task Timeline_serve_refuses_a_store_that_does_not_exist()
    {
        await using var host = new ApiHost();

        var run = await host.CliAsync("serve", "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("there is no store", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(host.StorePath));
    }

    /// <summary>A <c>timeline serve</c> process on the host's store, on a free loopback port, reads open to anyone; killed when disposed if still running.</summary>
    private sealed class ServeProcess : IAsyncDisposable
    {
        private ServeProcess(Process process)
        {
            Process = process;
            Pump = PumpAsync(process.StandardOutput, Output);
            Errors = process.StandardError.ReadToEndAsync(Web.Cancel);
        }

        public Process Process { get; }

        public LineWriter Output { get; } = new();

        public Task Pump { get; }

        public Task<string> Errors { get; }

        public static ServeProcess Start(ApiHost host)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { Path.Combine(AppContext.BaseDirectory, "timeline.dll"), "serve", "--store", host.Store, "--urls", "http://127.0.0.1:0", "--allow-anonymous-read" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = host.Folder,
            };
            start.Environment["DOTNET_NOLOGO"] = "1";
            return new ServeProcess(Process.Start(start)!);
        }

        /// <summary>The address it printed once listening.</summary>
        public Task<string> AddressAsync() => Output.WaitForAsync(ListeningOn(), Process.WaitForExitAsync(Web.Cancel));

        public async ValueTask DisposeAsync()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                await Process.WaitForExitAsync(CancellationToken.None);
            }
            Process.Dispose();
        }
    }

    private static async Task PumpAsync(StreamReader reader, LineWriter output)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            await output.WriteLineAsync(line);
        }
    }

    [GeneratedRegex(@"listening on (http://\S+)")]
    private static partial Regex ListeningOn();

    /// <summary>Collects output and lets a test wait for a line.</summary>
    private sealed class LineWriter : StringWriter
    {
        private readonly SemaphoreSlim _written = new(0);

        public override void Write(char value)
        {
            lock (this)
            {
                base.Write(value);
            }
            _written.Release();
        }

        public override void Write(string? value)
        {
            lock (this)
            {
                base.Write(value);
            }
            _written.Release();
        }

        public override string ToString()
        {
            lock (this)
            {
                return base.ToString();
            }
        }

        public async Task<string> WaitForAsync(Regex pattern, Task ending)
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (waited.Elapsed < TimeSpan.FromSeconds(60))
            {
                if (pattern.Match(ToString()) is { Success: true } match)
                {
                    return match.Groups[1].Value;
                }
                if (ending.IsCompleted)
                {
                    await ending;
                    throw new Xunit.Sdk.XunitException($"ended before it printed {pattern}: {this}");
                }
                await _written.WaitAsync(TimeSpan.FromMilliseconds(200), Web.Cancel);
            }
            throw new TimeoutException($"never printed {pattern}: {this}");
        }
    }
}
