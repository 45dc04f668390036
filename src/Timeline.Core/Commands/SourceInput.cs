namespace Timeline.Core.Commands;

/// <summary>Where a statement came from, as submitted.</summary>
public sealed record SourceInput(string? Outlet, string? Url, string? PublishedAt, string? Speaker, string? Quote) : ICanonicalFields
{
    internal static SourceInput Read(FieldReader r) =>
        new(r.Text("outlet"), r.Text("url"), r.Text("publishedAt"), r.Text("speaker"), r.Text("quote"));

    void ICanonicalFields.WriteIdFields(CommandIdWriter writer)
    {
        writer.Text("outlet", Outlet);
        writer.Text("url", Url);
        writer.Text("publishedAt", PublishedAt);
        writer.Text("speaker", Speaker);
        writer.Text("quote", Quote);
    }
}
