namespace Timeline.Core.Storage;

/// <summary>Where a statement came from. Every part is optional.</summary>
/// <param name="Outlet">The publication or agency, e.g. "TASS".</param>
/// <param name="Url">Where the report can be read.</param>
/// <param name="PublishedAt">When the outlet published it, as given (a day or an instant).</param>
/// <param name="Speaker">Who made the statement, e.g. "Yury Ushakov".</param>
/// <param name="Quote">A short quote of the statement.</param>
public sealed record Source(string? Outlet = null, string? Url = null, string? PublishedAt = null, string? Speaker = null, string? Quote = null)
{
    /// <summary>A source with nothing known.</summary>
    public static readonly Source None = new();
}
