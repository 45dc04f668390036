using Timeline.Core.Knowledge;

namespace Timeline.Core.Diff;

/// <summary>
/// The two pictures a diff compares, each bounded in knowledge time and system time. Between two knowledge times both
/// share the system-time bound; between two system times (restatements) both share the knowledge-time bound.
/// </summary>
internal sealed record DiffWindow(DiffWindow.Picture Earlier, DiffWindow.Picture Later)
{
    /// <summary>One picture: the meetings as known at <see cref="AsOf"/>, as recorded by <see cref="RecordedAsOf"/>.</summary>
    internal sealed record Picture(Cutoff? AsOf, Cutoff? RecordedAsOf);

    /// <summary>The window of a query that has passed <see cref="Problems"/>.</summary>
    public static DiffWindow Of(GetDiff query)
    {
        if (query.RecordedFrom is not null)
        {
            var asOf = QueryRules.CutoffOrNull(query.AsOf);
            return new(new(asOf, Cutoff.Parse(query.RecordedFrom)), new(asOf, QueryRules.CutoffOrNull(query.RecordedTo)));
        }
        var recordedAsOf = QueryRules.CutoffOrNull(query.RecordedAsOf);
        return new(new(QueryRules.CutoffOrNull(query.From), recordedAsOf), new(QueryRules.CutoffOrNull(query.To), recordedAsOf));
    }

    /// <summary>
    /// What is wrong with the combination of bounds, by field: exactly one of from and recordedFrom; to only with from,
    /// recordedTo only with recordedFrom; asOf only between system times, recordedAsOf only between knowledge times; and
    /// the earlier bound not after the later one.
    /// </summary>
    public static IEnumerable<(string Field, string Message)> Problems(GetDiff q)
    {
        var overSystemTime = q.RecordedFrom is not null;
        if (q.From is null && !overSystemTime)
        {
            yield return (nameof(q.From), "is required: a diff compares two knowledge times (from, to) or, for restatements, two system times (recordedFrom, recordedTo)");
        }
        if (q.From is not null && overSystemTime)
        {
            yield return (nameof(q.RecordedFrom), "cannot go with from: a diff compares two knowledge times (from, to) or two system times (recordedFrom, recordedTo), not both");
        }
        if (q.To is not null && q.From is null)
        {
            yield return (nameof(q.To), "needs from, the earlier knowledge time");
        }
        if (q.RecordedTo is not null && !overSystemTime)
        {
            yield return (nameof(q.RecordedTo), "needs recordedFrom, the earlier system time");
        }
        if (q.AsOf is not null && !overSystemTime)
        {
            yield return (nameof(q.AsOf), "applies between two system times (recordedFrom, recordedTo); between two knowledge times, from and to are the as-of bounds");
        }
        if (q.RecordedAsOf is not null && overSystemTime)
        {
            yield return (nameof(q.RecordedAsOf), "applies between two knowledge times (from, to); between two system times, recordedFrom and recordedTo are the recorded-as-of bounds");
        }
        if (After(q.From, q.To) is { } knowledge)
        {
            yield return (nameof(q.From), $"'{q.From}' is after to ('{q.To}'): {knowledge}");
        }
        if (After(q.RecordedFrom, q.RecordedTo) is { } system)
        {
            yield return (nameof(q.RecordedFrom), $"'{q.RecordedFrom}' is after recordedTo ('{q.RecordedTo}'): {system}");
        }
    }

    // Both bounds must parse (their own rules report them otherwise); a day ends at its end, so 2022-11-12 is after 2022-11-12T10:00Z.
    private static string? After(string? from, string? to) =>
        Cutoff.TryParse(from, out var earlier, out _) && Cutoff.TryParse(to, out var later, out _) && earlier.Before > later.Before
            ? "give the earlier time first"
            : null;
}
