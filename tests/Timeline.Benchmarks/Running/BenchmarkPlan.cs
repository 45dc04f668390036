using System.Text.Json;
using Timeline.Benchmarks.Measuring;
using Timeline.Store.Selection;

namespace Timeline.Benchmarks.Running;

/// <summary>
/// What one measured phase needs, written to a file for the child process that runs it: the store, the archive's
/// files, the query parameters chosen from the archive, and how long to repeat.
/// </summary>
/// <param name="StoreText">The store as <c>timeline --store</c> takes it.</param>
/// <param name="Scratch">A folder for the raw baselines' scratch files.</param>
/// <param name="Parts">The archive's files, imported one <c>timeline import</c> each.</param>
/// <param name="RecordedAsOf">A system time between two imports, known once the import has run.</param>
internal sealed record BenchmarkPlan(
    StoreKind Store,
    string StoreText,
    string Scratch,
    int Events,
    IReadOnlyList<string> Parts,
    QueryChoices Queries,
    IReadOnlyList<string> DurableMeetings,
    int MaxRepetitions,
    double BudgetSeconds,
    string? RecordedAsOf = null)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public Repetitions Repetitions => new(MaxRepetitions, TimeSpan.FromSeconds(BudgetSeconds));

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    public static BenchmarkPlan Load(string path) =>
        JsonSerializer.Deserialize<BenchmarkPlan>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path}: no plan in it");
}
