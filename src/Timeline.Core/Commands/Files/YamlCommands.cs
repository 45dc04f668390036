using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Timeline.Core.Commands;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Timeline.Core.Commands.Files;

/// <summary>
/// Reads a YAML sequence of commands into the same JSON shape the other formats use. Quoted scalars are text; plain
/// scalars are text too, except <c>null</c>/<c>~</c>, <c>true</c>/<c>false</c> and whole numbers, so a wrongly
/// typed value is reported as in JSON. Dates stay text: <c>2022-09-08</c> is never turned into a timestamp.
/// </summary>
/// <remarks>
/// The file is read event by event from YamlDotNet's parser, without recursion, so hostile input cannot exhaust the
/// stack: nesting deeper than <see cref="MaxDepth"/> is refused, and so are aliases (<c>*name</c>), which would let a
/// few hundred bytes expand into gigabytes. Commands never need either.
/// </remarks>
internal static partial class YamlCommands
{
    /// <summary>The deepest nesting accepted, the same as for JSON files.</summary>
    public const int MaxDepth = 32;

    /// <summary>
    /// The commands of a YAML text as they are parsed, one at a time. A problem ends the text: it is added to
    /// <paramref name="errors"/> and nothing more is read.
    /// </summary>
    public static IEnumerable<(JsonElement, CommandOrigin)> Read(string name, TextReader text, List<InputError> errors)
    {
        using var commands = Parse(name, text).GetEnumerator();
        while (true)
        {
            try
            {
                if (!commands.MoveNext())
                {
                    yield break;
                }
            }
            catch (YamlException e)
            {
                errors.Add(Problem(name, e.Start, e.Message));
                yield break;
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
            {
                errors.Add(new InputError(null, null, string.Empty, $"{name}: malformed YAML: {e.Message}"));
                yield break;
            }
            yield return commands.Current;
        }
    }

    private static IEnumerable<(JsonElement, CommandOrigin)> Parse(string name, TextReader text)
    {
        var parser = new Parser(text);
        var count = 0;
        var open = new Stack<Container>();
        var documents = 0;
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            switch (current)
            {
                case DocumentStart when ++documents > 1:
                    throw Refused(current.Start, "holds more than one YAML document; put every command in one sequence");
                case AnchorAlias:
                    throw Refused(current.Start, "uses a YAML alias (*name); write the value out instead");
                case SequenceStart or MappingStart:
                    if (open.Count == 0 && current is MappingStart)
                    {
                        throw Refused(current.Start, "is not a YAML sequence of commands (each item starting with '- ')");
                    }
                    if (open.Count >= MaxDepth)
                    {
                        throw Refused(current.Start, $"nests deeper than {MaxDepth} levels");
                    }
                    var container = new Container(current is SequenceStart ? new JsonArray() : new JsonObject(), current.Start);
                    if (open.Count > 0)
                    {
                        open.Peek().Add(container.Node, current.Start);
                    }
                    open.Push(container);
                    break;
                case SequenceEnd or MappingEnd:
                    var closed = open.Pop();
                    if (open.Count == 1 && open.Peek().Node is JsonArray commands)
                    {
                        // Each command is handed on as soon as it is complete, and let go of by the sequence.
                        commands.Remove(closed.Node);
                        yield return (JsonSerializer.SerializeToElement(closed.Node), new CommandOrigin(name, count++, (int)closed.Start.Line));
                    }
                    break;
                case Scalar scalar when open.Count == 0:
                    if (scalar.Value.Length > 0)
                    {
                        throw Refused(scalar.Start, "is not a YAML sequence of commands (each item starting with '- ')");
                    }
                    break;
                case Scalar scalar when open.Count == 1:
                    throw Refused(scalar.Start, $"has '{Timeline.Domain.Dates.EdtfDate.Quote(scalar.Value)}' where a command (a mapping of fields) should be");
                case Scalar scalar:
                    open.Peek().Add(scalar, ScalarValue(scalar));
                    break;
            }
        }
    }

    private sealed class Container(JsonNode node, Mark start)
    {
        private string? _key;

        public JsonNode Node { get; } = node;

        public Mark Start { get; } = start;

        public void Add(Scalar scalar, JsonNode? value)
        {
            if (Node is JsonObject && _key is null)
            {
                _key = scalar.Value;
                if (((JsonObject)Node).ContainsKey(_key))
                {
                    throw Refused(scalar.Start, $"gives the field '{Timeline.Domain.Dates.EdtfDate.Quote(_key)}' twice");
                }
                return;
            }
            Add(value, scalar.Start);
        }

        public void Add(JsonNode? value, Mark at)
        {
            if (Node is JsonArray array)
            {
                array.Add(value);
            }
            else if (_key is null)
            {
                throw Refused(at, "uses a list or mapping as a field name");
            }
            else
            {
                ((JsonObject)Node)[_key] = value;
                _key = null;
            }
        }
    }

    private static JsonValue? ScalarValue(Scalar scalar)
    {
        var value = scalar.Value;
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

    private static YamlException Refused(Mark at, string what) => new(at, at, what);

    private static InputError Problem(string name, Mark at, string message) =>
        new(null, null, string.Empty, $"{name}: malformed YAML at line {at.Line}, column {at.Column}: {message}");

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex WholeNumber();
}
