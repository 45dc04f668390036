using Timeline.Domain.Meetings;

namespace Timeline.Core.Commands;

/// <summary>A place, as submitted.</summary>
internal sealed record LocationInput(string? City, string? Country) : ICanonicalFields
{
    internal static LocationInput Read(FieldReader r) => new(r.Text("city"), r.Text("country"));

    internal Location ToDomain() => new(Fold(City), Fold(Country)!);

    void ICanonicalFields.WriteIdFields(CommandIdWriter writer)
    {
        writer.Text("city", City);
        writer.Text("country", Country);
    }

    private static string? Fold(string? text) =>
        text is null ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
