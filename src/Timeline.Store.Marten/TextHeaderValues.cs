using System.Text.Json;
using System.Text.Json.Serialization;

namespace Timeline.Store.Marten;

/// <summary>
/// Reads untyped JSON values (an event's <c>headers</c> in Marten's <see cref="JasperFx.Events.IEvent.Headers"/>) as
/// they are: a string stays the string it is, where Marten's default reader of <see cref="object"/> turns any
/// date-like string into a <see cref="DateTime"/> and so loses reportedAt and publishedAt as given (and their offsets).
/// Numbers, booleans and structures come back as JSON elements; writing is by the value's own type.
/// </summary>
internal sealed class TextHeaderValues : JsonConverter<object>
{
    public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.Clone();
    }

    public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options)
    {
        if (value.GetType() == typeof(object))
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
            return;
        }
        JsonSerializer.Serialize(writer, value, value.GetType(), options);
    }
}
