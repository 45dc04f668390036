using System.Diagnostics;
using System.Text.Json;
using CsCheck;
using Timeline.Cli.Tests.Harness;
using Timeline.Testing.Fuzz;

namespace Timeline.Cli.Tests.BadInput;

/// <summary>
/// Thousands of generated and mutated command files through <c>timeline import</c>, run in-process on one SQLite
/// store that holds the seeds: never exit 1, never a stack trace or an "unexpected failure", and the store gains
/// exactly the events the import reports (none when it fails).
/// </summary>
public sealed class ImportFuzzTests : IDisposable
{
    /// <summary>Cases per run: bounded so the test takes well under a minute on a CI machine.</summary>
    private const int Cases = 1500;

    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task No_command_file_makes_import_fail_unexpectedly_or_write_part_of_itself()
    {
        (await _workspace.OnStore(["import", Seeds.Article, .. Seeds.Later])).Succeeded();
        var last = await LastSequenceAsync();
        var article = new FuzzFile("json", await File.ReadAllBytesAsync(Seeds.Article, TestContext.Current.CancellationToken));
        var files = Gen.Frequency(
            (4, CommandFileGen.Generated),
            (3, CommandFileGen.Mutated(CommandFileGen.Generated)),
            (2, CommandFileGen.Mutated(Gen.Const(article))));
        var outcomes = new Dictionary<int, int>();
        var watch = Stopwatch.StartNew();

        await files.SampleAsync(async file =>
        {
            var name = $"case.{file.Extension}";
            await File.WriteAllBytesAsync(_workspace.PathOf(name), file.Bytes, TestContext.Current.CancellationToken);
            _workspace.Clock.Advance(TimeSpan.FromSeconds(1));

            var run = await _workspace.OnStore("import", "--format", "json", name);

            Assert.True(run.ExitCode is 0 or 2 or 3, $"exit {run.ExitCode}; {run}");
            Assert.Empty(run.StackTraceLines);
            Assert.DoesNotContain("unexpected failure", run.Error, StringComparison.Ordinal);
            var appended = run.ExitCode == 0 ? Root(run.Out).GetProperty("eventsAppended").GetInt32() : 0;
            var added = await EventsAfterAsync(last);
            Assert.True(added == appended, $"the import reported {appended} events but the store gained {added}; {run}");
            last += added;
            outcomes[run.ExitCode] = outcomes.GetValueOrDefault(run.ExitCode) + 1;
        }, iter: Cases, threads: 1);

        var summary = $"import fuzz: {Cases} command files in {watch.Elapsed.TotalSeconds:F1} s; exit codes {string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}: {o.Value}"))}";
        TestContext.Current.SendDiagnosticMessage(summary);
        Console.WriteLine(summary);
        Assert.Equal(Cases, outcomes.Values.Sum());
        // The generator must reach every outcome, or the test is not testing what it says.
        Assert.True(outcomes.Keys.Order().SequenceEqual([0, 2, 3]), summary);
    }

    private async Task<long> LastSequenceAsync() =>
        Root((await _workspace.OnStore("audit", "--format", "json")).Succeeded().Out).GetProperty("events").EnumerateArray()
            .Select(e => e.GetProperty("sequence").GetInt64()).Max();

    private async Task<int> EventsAfterAsync(long sequence) =>
        Root((await _workspace.OnStore("audit", "--after", sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), "--format", "json")).Succeeded().Out)
            .GetProperty("events").GetArrayLength();

    private static JsonElement Root(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
