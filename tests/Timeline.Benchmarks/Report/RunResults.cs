using Timeline.Benchmarks.Phases;

namespace Timeline.Benchmarks.Report;

/// <summary>What the phases of one run reported, gathered by the parent process.</summary>
internal sealed record RunResults(
    PhaseResult Import,
    PhaseResult RawInsert,
    PhaseResult RawRead,
    PhaseResult? Rebuild,
    IReadOnlyDictionary<string, PhaseResult> Queries,
    PhaseResult Durable,
    PhaseResult? GrowthWindowed,
    string GrowthNote,
    PhaseResult? FirstRender = null,
    PhaseResult? SliderStep = null);
