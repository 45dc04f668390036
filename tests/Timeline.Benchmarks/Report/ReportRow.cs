namespace Timeline.Benchmarks.Report;

/// <summary>One line of the report: a figure beside its baseline, the ratio between them, and its target.</summary>
/// <param name="Figure">What was measured (one of <see cref="Figures"/>).</param>
/// <param name="Verdict"><c>pass</c> or <c>miss</c> against the target; <c>–</c> where there is no target or no figure.</param>
/// <param name="Measures">The raw numbers behind the text, for stored runs.</param>
internal sealed record ReportRow(string Figure, string Value, string Baseline, string Ratio, string Target, string Verdict, IReadOnlyDictionary<string, double> Measures)
{
    public const string Pass = "pass";
    public const string Miss = "miss";
    public const string None = "–";

    public static string VerdictOf(bool? met) => met switch
    {
        true => Pass,
        false => Miss,
        null => None,
    };
}
