using System.Text;
using System.Text.Json;
using Timeline.Core.Commands;
using Timeline.Core.Commands.ApplyCommands;

namespace Timeline.Cli.Input;

/// <summary>
/// Reads command files: a JSON array (or one JSON object), NDJSON (one command per line) or YAML (a sequence of
/// commands). Every command is read and every problem collected before anything is applied.
/// </summary>
internal static class CommandFiles
{
    /// <summary>Files larger than this are refused before they are read.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    public static async Task<List<SubmittedCommand>> ReadAsync(IReadOnlyList<string> paths, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var commands = new List<SubmittedCommand>();
        var errors = new List<InputError>();
        foreach (var path in paths)
        {
            var (name, read) = await LoadAsync(path, environment, cancellationToken);
            if (!InputEncoding.TryUtf8(read, out var bytes, out var undecodable))
            {
                errors.Add(new InputError(null, null, string.Empty, $"{name}: {undecodable}"));
                continue;
            }
            var format = path == "-" ? Sniff(bytes) : FormatOf(path, bytes);
            var elements = format switch
            {
                Format.Yaml => YamlCommands.Read(name, Encoding.UTF8.GetString(bytes), errors),
                Format.Ndjson => ReadNdjson(name, bytes, errors),
                _ => ReadJson(name, bytes, errors),
            };
            foreach (var (element, origin) in elements)
            {
                var input = CommandCatalog.Read(element, origin, errors);
                if (input is not null)
                {
                    commands.Add(new SubmittedCommand(input, origin));
                }
            }
        }
        if (errors.Count > 0)
        {
            throw new InputRejected(errors);
        }
        return commands;
    }

    private enum Format
    {
        Json,
        Ndjson,
        Yaml,
    }

    private static async Task<(string Name, byte[] Bytes)> LoadAsync(string path, CliEnvironment environment, CancellationToken cancellationToken)
    {
        if (path == "-")
        {
            await using var stdin = environment.OpenStandardInput();
            using var buffer = new MemoryStream();
            await stdin.CopyToAsync(buffer, cancellationToken);
            return ("-", buffer.ToArray());
        }
        var full = environment.Resolve(path);
        var info = new FileInfo(full);
        if (Directory.Exists(full))
        {
            throw new UsageProblem($"{path}: is a directory; name the command files in it, e.g. {Path.Combine(path, "*.json")}");
        }
        if (!info.Exists)
        {
            throw new UsageProblem($"{path}: no such file");
        }
        if (info.Length > MaxBytes)
        {
            throw new UsageProblem($"{path}: is {info.Length / (1024 * 1024)} MiB; files over {MaxBytes / (1024 * 1024)} MiB are refused, split it");
        }
        return (path, await File.ReadAllBytesAsync(full, cancellationToken));
    }

    private static Format FormatOf(string path, byte[] bytes) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".yaml" or ".yml" => Format.Yaml,
        ".ndjson" or ".jsonl" => Format.Ndjson,
        ".json" => Format.Json,
        _ => Sniff(bytes),
    };

    // Standard input and unknown extensions: '[' starts a JSON array, '{' a JSON object or NDJSON, anything else YAML.
    private static Format Sniff(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 4096)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.StartsWith('[') ? Format.Json : text.StartsWith('{') ? Format.Ndjson : Format.Yaml;
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
            errors.Add(new InputError(null, null, string.Empty, $"{name}: malformed JSON at line {e.LineNumber + 1}, column {e.BytePositionInLine + 1}: {FirstSentence(e.Message)}"));
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
                errors.Add(new InputError(origin, null, string.Empty, $"malformed JSON at column {e.BytePositionInLine + 1}: {FirstSentence(e.Message)}"));
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
