using System.Text.Json;
using Timeline.Benchmarks.Running;

namespace Timeline.Benchmarks.Phases;

/// <summary>
/// The measured phases, each run in a child process of the benchmark (<c>--phase NAME --plan FILE</c>) so that its
/// peak memory is its own. The child prints one <see cref="PhaseResult"/> as JSON on standard output.
/// </summary>
internal static class Phase
{
    public const string Import = "import";
    public const string RawInsert = "raw-insert";
    public const string RawRead = "raw-read";
    public const string Rebuild = "rebuild";
    public const string Durable = "durable";

    public static IReadOnlyDictionary<string, Func<BenchmarkPlan, CancellationToken, Task<PhaseResult>>> All { get; } =
        new Dictionary<string, Func<BenchmarkPlan, CancellationToken, Task<PhaseResult>>>(StringComparer.Ordinal)
        {
            [Import] = ImportPhase.RunAsync,
            [RawInsert] = RawPhases.BatchedInsertAsync,
            [RawRead] = RawPhases.SequentialReadAsync,
            [Rebuild] = RebuildPhase.RunAsync,
            [Durable] = DurablePhase.RunAsync,
            [BrowserPhase.FirstRender] = BrowserPhase.FirstRenderAsync,
            [BrowserPhase.SliderStep] = BrowserPhase.SliderStepAsync,
        }
        .Concat(QueryPhase.All.Select(bench => KeyValuePair.Create<string, Func<BenchmarkPlan, CancellationToken, Task<PhaseResult>>>(
            bench.Name, (plan, ct) => QueryPhase.RunAsync(bench, plan, ct))))
        .ToDictionary(StringComparer.Ordinal);

    /// <summary>Runs one phase in this process and prints its result.</summary>
    public static async Task RunHereAsync(string name, string planPath, TextWriter output, CancellationToken cancellationToken)
    {
        var run = All.TryGetValue(name, out var found) ? found : throw new ArgumentException($"there is no phase '{name}'; phases: {string.Join(", ", All.Keys)}");
        var result = await run(BenchmarkPlan.Load(planPath), cancellationToken);
        await output.WriteLineAsync(JsonSerializer.Serialize(result));
    }
}
