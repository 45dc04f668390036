using System.Text;
using System.Text.Json;

namespace Timeline.Core.Commands.Files;

/// <summary>
/// Reads the text of a command file (docs/contract.md#command-files) into one JSON element per command, each with its
/// origin (name, index, line): what <c>timeline import</c> reads from a file and <c>POST /api/commands</c> from a body
/// that is NDJSON, YAML or plain text. Problems are collected, never thrown, so every one is reported.
/// </summary>
public static class CommandText
{
    /// <param name="name">What to call the input in messages: a file name, <c>-</c>, or <c>request</c>.</param>
    /// <param name="bytes">UTF-8, without a byte order mark.</param>
    /// <param name="format">How the text is written.</param>
    /// <param name="errors">Where problems go.</param>
    public static List<(JsonElement Element, CommandOrigin Origin)> Read(string name, byte[] bytes, CommandFormat format, List<InputError> errors) => format switch
    {
        CommandFormat.Yaml => [.. YamlCommands.Read(name, new StringReader(Encoding.UTF8.GetString(bytes)), errors)],
        CommandFormat.Ndjson => ReadNdjson(name, bytes, errors),
        _ => ReadJson(name, bytes, errors),
    };

    /// <summary>A YAML command file read as it is parsed, one command at a time (for files too large to hold whole).</summary>
    public static IEnumerable<(JsonElement Element, CommandOrigin Origin)> ReadYaml(string name, TextReader text, List<InputError> errors) =>
        YamlCommands.Read(name, text, errors);

    /// <summary>How text of no known type is read (standard input, a file of another extension, a plain-text body): <c>[</c> starts a JSON array, <c>{</c> a JSON object or NDJSON, anything else YAML.</summary>
    public static CommandFormat Sniff(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 4096)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.StartsWith('[') ? CommandFormat.Json : text.StartsWith('{') ? CommandFormat.Ndjson : CommandFormat.Yaml;
    }

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32, CommentHandling = JsonCommentHandling.Skip };

    private static List<(JsonElement, CommandOrigin)> ReadJson(string name, byte[] bytes, List<InputError> errors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, DocumentOptions);
        }
        catch (JsonException e)
        {
            errors.Add(MalformedFile(name, e));
            return [];
        }
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("command", out _))
        {
            // A file holding one command object is taken as a list of one.
            return [(root, new CommandOrigin(name, 0, LineOf(bytes, 0)))];
        }
        if (root.ValueKind != JsonValueKind.Array)
        {
            var found = root.ValueKind == JsonValueKind.Object ? "an object without a 'command' field" : root.ValueKind.ToString().ToLowerInvariant();
            errors.Add(new InputError(null, null, string.Empty, $"{name}: expected a JSON array of commands, found {found}"));
            return [];
        }
        var lines = LinesOf(bytes, ElementStarts(bytes));
        return [.. root.EnumerateArray().Select((element, index) =>
            (element, new CommandOrigin(name, index, index < lines.Count ? lines[index] : null)))];
    }

    private static List<(JsonElement, CommandOrigin)> ReadNdjson(string name, byte[] bytes, List<InputError> errors)
    {
        var result = new List<(JsonElement, CommandOrigin)>();
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        var index = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim().TrimStart('\uFEFF');
            if (line.Length == 0)
            {
                continue;
            }
            var origin = new CommandOrigin(name, index++, i + 1);
            try
            {
                using var document = JsonDocument.Parse(line, DocumentOptions);
                result.Add((document.RootElement.Clone(), origin));
            }
            catch (JsonException e)
            {
                errors.Add(MalformedLine(origin, e));
            }
        }
        return result;
    }

    // Byte offsets of the top-level array's elements, so each command can be pointed at by line.
    private static List<long> ElementStarts(byte[] bytes)
    {
        var starts = new List<long>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 });
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray))
            {
                starts.Add(reader.TokenStartIndex);
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }
            }
        }
        return starts;
    }

    private static int LineOf(byte[] bytes, long offset) => LinesOf(bytes, [offset])[0];

    // The 1-based line of each offset, in one pass over the bytes (the offsets are ascending).
    private static List<int> LinesOf(byte[] bytes, List<long> offsets)
    {
        var lines = new List<int>(offsets.Count);
        var line = 1;
        var position = 0L;
        foreach (var offset in offsets)
        {
            for (; position < offset && position < bytes.Length; position++)
            {
                if (bytes[position] == '\n')
                {
                    line++;
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>A file (or body) <paramref name="name"/> that is not JSON: the 1-based line and column, and the reader's message.</summary>
    public static InputError MalformedFile(string name, JsonException e) =>
        new(null, null, string.Empty, $"{name}: malformed JSON at line {e.LineNumber + 1}, column {e.BytePositionInLine + 1}: {FirstSentence(e.Message)}");

    /// <summary>One NDJSON line, at <paramref name="origin"/>, that is not JSON: the 1-based column, and the reader's message.</summary>
    public static InputError MalformedLine(CommandOrigin origin, JsonException e) =>
        new(origin, null, string.Empty, $"malformed JSON at column {e.BytePositionInLine + 1}: {FirstSentence(e.Message)}");

    // System.Text.Json appends its own 0-based position ("LineNumber: 1 | BytePositionInLine: 14") and a path; the
    // message already gives the 1-based line and column.
    private static string FirstSentence(string message)
    {
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }
        return message.TrimEnd('.', ' ', '|');
    }
}
