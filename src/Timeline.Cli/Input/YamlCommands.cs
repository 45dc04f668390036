using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Timeline.Core.Commands;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Timeline.Cli.Input;

/// <summary>
/// Reads a YAML sequence of commands into the same JSON shape the other formats use. Quoted scalars are text; plain
/// scalars are text too, except <c>null</c>/<c>~</c>, <c>true</c>/<c>false</c> and whole numbers, so a wrongly
/// typed value is reported as in JSON. Dates stay text: <c>2022-09-08</c> is never turned into a timestamp.
/// </summary>
internal static partial class YamlCommands
{
    public static List<(JsonElement, CommandOrigin)> Read(string name, byte[] bytes, List<InputError> errors)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(Encoding.UTF8.GetString(bytes));
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            errors.Add(new InputError(null, null, string.Empty, $"{name}: malformed YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}"));
            return [];
        }
        if (stream.Documents.Count == 0)
        {
            return [];
        }
        if (stream.Documents[0].RootNode is not YamlSequenceNode sequence)
        {
            errors.Add(new InputError(null, null, string.Empty, $"{name}: expected a YAML sequence of commands (each item starting with '- ')"));
            return [];
        }
        return [.. sequence.Children.Select((node, index) =>
            (JsonSerializer.SerializeToElement(ToJson(node)), new CommandOrigin(name, index, (int)node.Start.Line)))];
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(pair =>
            KeyValuePair.Create(((pair.Key as YamlScalarNode)?.Value) ?? pair.Key.ToString(), ToJson(pair.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return JsonValue.Create(value);
        }
        return value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when WholeNumber().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            _ => JsonValue.Create(value),
        };
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex WholeNumber();
}
