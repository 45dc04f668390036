namespace Timeline.Benchmarks.Report;

/// <summary>The figures the report prints, in order: every run prints every one of them, measured or saying why not.</summary>
internal static class Figures
{
    public const string Import = "import";
    public const string DurableCommand = "one durable command";
    public const string Windowed = "windowed as-of schedule";
    public const string Recorded = "recorded-as-of windowed schedule";
    public const string Meeting = "one meeting as of D";
    public const string Calendar = "calendar feed of one participant as of D";
    public const string History = "one meeting's history";
    public const string Attendance = "attendance ledger of one participant";
    public const string Audit = "audit by speaker";
    public const string Rebuild = "rebuild";
    public const string Growth = "growth of the windowed as-of schedule";
    public const string FirstRender = "web page: first render";
    public const string SliderStep = "web page: slider step";
    public const string ImportMemory = "peak memory: import";
    public const string QueryMemory = "peak memory: ";

    /// <summary>Each query phase and the figure it gives.</summary>
    public static IReadOnlyList<(string Phase, string Figure)> Queries { get; } = [.. Phases.QueryPhase.All.Select(q => (q.Name, q.Figure))];

    /// <summary>Every figure name in report order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Import, DurableCommand, .. Queries.Select(q => q.Figure), Rebuild, Growth, FirstRender, SliderStep, ImportMemory, .. Queries.Select(q => QueryMemory + q.Figure),
    ];
}
