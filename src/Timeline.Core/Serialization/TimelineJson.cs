using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Serialization;

/// <summary>The JSON settings of Timeline: one for stored events (every store), one for outputs.</summary>
public static class TimelineJson
{
    /// <summary>
    /// How event data is written in every store: camelCase, enums as lowercase hyphenated names
    /// (<c>in-person</c>), value types as their text, nulls left out.
    /// </summary>
    public static readonly JsonSerializerOptions Stored = Create(indented: false, writeNulls: false, strict: true);

    /// <summary>How CLI and API outputs are written: like <see cref="Stored"/>, but every contract field is present.</summary>
    public static readonly JsonSerializerOptions Output = Create(indented: true, writeNulls: true, strict: false);

    private static JsonSerializerOptions Create(bool indented, bool writeNulls, bool strict)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = writeNulls ? JsonIgnoreCondition.Never : JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NumberHandling = JsonNumberHandling.Strict,
        };
        if (strict)
        {
            // Stored data is read back: refuse nulls and missing fields where the types allow none.
            options.RespectNullableAnnotations = true;
            options.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { RequireNonNullableParameters } };
        }
        options.Converters.Add(new JsonStringEnumConverter(Vocabulary.Naming, allowIntegerValues: false));
        options.Converters.Add(new TextConverter<EdtfDate>(EdtfDate.Parse, d => d.Text));
        options.Converters.Add(new TextConverter<ReportedAt>(ReportedAt.Parse, r => r.Text));
        options.Converters.Add(new TextConverter<MeetingId>(MeetingId.Parse, id => id.Value));
        options.Converters.Add(new TextConverter<ParticipantName>(ParticipantName.Parse, n => n.Value));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    // Stored data must carry every field that cannot be null: a constructor parameter that is neither nullable nor
    // defaulted is required, so data missing it is refused rather than read back with a null inside.
    private static void RequireNonNullableParameters(JsonTypeInfo info)
    {
        foreach (var property in info.Properties)
        {
            if (property.AssociatedParameter is { HasDefaultValue: false, IsNullable: false })
            {
                property.IsRequired = true;
            }
        }
    }

    private sealed class TextConverter<T>(Func<string, T> parse, Func<T, string> format) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException($"expected a string for {typeof(T).Name}, found {reader.TokenType}");
            }
            try
            {
                return parse(reader.GetString()!);
            }
            catch (FormatException e)
            {
                throw new JsonException(e.Message, e);
            }
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(format(value));
    }
}
