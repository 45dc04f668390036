namespace Timeline.Benchmarks.Phases;

/// <summary>What a phase's process reports back, as one JSON line on its standard output.</summary>
/// <param name="Rows">Rows (or commands) moved, for a rate.</param>
/// <param name="Seconds">The time they took.</param>
/// <param name="PeakBytes">The process's peak resident memory after the product's part of the phase.</param>
/// <param name="Product">The product's timed repetitions, in milliseconds.</param>
/// <param name="Baseline">The baseline's timed repetitions, in milliseconds.</param>
/// <param name="Marks">Import: a system time after each file, for recorded-as-of queries.</param>
/// <param name="Note">What the answer held, for the reader.</param>
/// <param name="WalPagesPerCommand">SQLite, one durable command: the pages each wrote to the write-ahead log.</param>
internal sealed record PhaseResult(
    long? Rows = null,
    double? Seconds = null,
    long? PeakBytes = null,
    IReadOnlyList<double>? Product = null,
    IReadOnlyList<double>? Baseline = null,
    IReadOnlyList<string>? Marks = null,
    string? Note = null,
    double? WalPagesPerCommand = null);

/// <summary>The archive was not valid input: Timeline rejected a command, or a command changed nothing.</summary>
internal sealed class ArchiveRejected(string message) : Exception(message);
