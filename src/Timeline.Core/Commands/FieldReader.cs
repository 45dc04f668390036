using System.Globalization;
using System.Text.Json;

namespace Timeline.Core.Commands;

/// <summary>
/// Reads the fields of one JSON object into input records, collecting a precise error (path, expected type, value
/// found) for each field of the wrong type, each unknown field and each repeated field.
/// </summary>
internal sealed class FieldReader
{
    private readonly JsonElement _object;
    private readonly string _path;
    private readonly List<(string Field, string Message)> _errors;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public FieldReader(JsonElement @object, string path, List<(string Field, string Message)> errors)
    {
        _object = @object;
        _path = path;
        _errors = errors;
    }

    public string? Text(string name) => Read(name, JsonValueKind.String, "text", e => e.GetString());

    public long? WholeNumber(string name) =>
        Read<long?>(name, JsonValueKind.Number, "a whole number", e => e.TryGetInt64(out var n) ? n : Fail<long?>(name, $"expected a whole number, found {Show(e)}"));

    public T? Object<T>(string name, Func<FieldReader, T> read)
        where T : class =>
        Read(name, JsonValueKind.Object, "an object", e => Nested(e, Path(name), read));

    public IReadOnlyList<T>? List<T>(string name, Func<JsonElement, string, List<(string, string)>, T?> readItem)
        where T : class =>
        Read<IReadOnlyList<T>?>(name, JsonValueKind.Array, "a list", e =>
        {
            var items = new List<T>();
            var index = 0;
            foreach (var item in e.EnumerateArray())
            {
                var value = readItem(item, $"{Path(name)}[{index.ToString(CultureInfo.InvariantCulture)}]", _errors);
                if (value is not null)
                {
                    items.Add(value);
                }
                index++;
            }
            return items;
        });

    /// <summary>Reads an item of a list that is either text or an object, e.g. a participant.</summary>
    public static T? TextOrObject<T>(
        JsonElement item, string path, List<(string, string)> errors, Func<string, T> fromText, Func<FieldReader, T> fromObject)
        where T : class => item.ValueKind switch
        {
            JsonValueKind.String => fromText(item.GetString()!),
            JsonValueKind.Object => Nested(item, path, fromObject, errors),
            _ => AddError<T>(errors, path, $"expected a name or an object, found {Show(item)}"),
        };

    public static string? TextItem(JsonElement item, string path, List<(string, string)> errors) =>
        item.ValueKind == JsonValueKind.String ? item.GetString() : AddError<string>(errors, path, $"expected text, found {Show(item)}");

    /// <summary>Reports every field that was never asked for, and every field given twice.</summary>
    public void RejectUnknownFields()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in _object.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                _errors.Add((Path(property.Name), "is given more than once"));
            }
            else if (!_read.Contains(property.Name))
            {
                var hint = _read.FirstOrDefault(known => string.Equals(known, property.Name, StringComparison.OrdinalIgnoreCase));
                _errors.Add((Path(property.Name), hint is null
                    ? $"is not a field of this command (known fields: {string.Join(", ", _read.Order(StringComparer.Ordinal))})"
                    : $"is not a field of this command; did you mean '{hint}'?"));
            }
        }
    }

    /// <summary>A short rendering of a JSON value for an error message.</summary>
    public static string Show(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"text '{Quote(element.GetString()!)}'",
        JsonValueKind.Number => $"number {Quote(element.GetRawText())}",
        JsonValueKind.True or JsonValueKind.False => $"boolean {element.GetRawText()}",
        JsonValueKind.Array => $"a list of {element.GetArrayLength()}",
        JsonValueKind.Object => "an object",
        JsonValueKind.Null => "null",
        _ => element.ValueKind.ToString(),
    };

    public static string Quote(string text) => Domain.Dates.EdtfDate.Quote(text);

    private T? Read<T>(string name, JsonValueKind kind, string expected, Func<JsonElement, T?> read)
    {
        _read.Add(name);
        if (!_object.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return default;
        }
        return value.ValueKind == kind ? read(value) : Fail<T>(name, $"expected {expected}, found {Show(value)}");
    }

    private T? Fail<T>(string name, string message)
    {
        _errors.Add((Path(name), message));
        return default;
    }

    private T Nested<T>(JsonElement element, string path, Func<FieldReader, T> read) => Nested(element, path, read, _errors);

    private static T Nested<T>(JsonElement element, string path, Func<FieldReader, T> read, List<(string, string)> errors)
    {
        var reader = new FieldReader(element, path, errors);
        var value = read(reader);
        reader.RejectUnknownFields();
        return value;
    }

    private static T? AddError<T>(List<(string, string)> errors, string path, string message)
        where T : class
    {
        errors.Add((path, message));
        return null;
    }

    private string Path(string name) => _path.Length == 0 ? name : $"{_path}.{name}";
}
