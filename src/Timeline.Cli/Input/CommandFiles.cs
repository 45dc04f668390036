using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Timeline.Core.Commands;
using Timeline.Core.Commands.ApplyCommands;
using Timeline.Core.Commands.Files;

namespace Timeline.Cli.Input;

/// <summary>
/// Reads command files: a JSON array (or one JSON object), NDJSON (one command per line) or YAML (a sequence of
/// commands), one command at a time, so a file of any size is read in constant memory. A problem is added to the
/// caller's list and reading goes on, so that every problem is found in one pass.
/// </summary>
internal static class CommandFiles
{
    /// <summary>Files larger than this are refused before they are read.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>Every command of the files, read whole; every problem at once.</summary>
    /// <exception cref="InputRejected">Something could not be read.</exception>
    public static async Task<List<SubmittedCommand>> ReadAsync(IReadOnlyList<string> paths, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var errors = new List<InputError>();
        var commands = await StreamAsync(paths, environment, errors, null, cancellationToken).ToListAsync(cancellationToken);
        if (errors.Count > 0)
        {
            throw new InputRejected(errors);
        }
        return commands;
    }

    /// <summary>
    /// The commands of the files as they are read. A command that cannot be read is left out and its problem added to
    /// <paramref name="errors"/>; a file that cannot be parsed at all adds one problem and ends there.
    /// </summary>
    /// <param name="paths">The files, <c>-</c> for standard input; each must exist (checked before the first is read).</param>
    /// <param name="environment">Where paths are resolved and standard input is read.</param>
    /// <param name="errors">Gets every problem, in input order.</param>
    /// <param name="progress">Counts the bytes read, for a progress display; null for none.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    public static async IAsyncEnumerable<SubmittedCommand> StreamAsync(
        IReadOnlyList<string> paths,
        CliEnvironment environment,
        List<InputError> errors,
        ReadProgress? progress,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var path in paths.Where(p => p != "-"))
        {
            progress?.Expect(Check(path, environment).Length);
        }
        foreach (var path in paths)
        {
            await using var stream = await OpenAsync(path, environment, errors, cancellationToken);
            if (stream is null)
            {
                continue;
            }
            progress?.Reading(stream);
            var format = await FormatOfAsync(path, stream, cancellationToken);
            var elements = format switch
            {
                CommandFormat.Yaml => CommandText.ReadYaml(path, new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true), errors).ToAsyncEnumerable(),
                CommandFormat.Ndjson => ReadNdjsonAsync(path, stream, errors, cancellationToken),
                _ => ReadJsonAsync(path, stream, errors, cancellationToken),
            };
            await foreach (var (element, origin) in elements)
            {
                var input = CommandCatalog.Read(element, origin, errors);
                if (input is not null)
                {
                    yield return new SubmittedCommand(input, origin);
                }
            }
            progress?.Done(stream);
        }
    }

    /// <exception cref="UsageProblem">The path names a directory, nothing, or a file over <see cref="MaxBytes"/>.</exception>
    private static FileInfo Check(string path, CliEnvironment environment)
    {
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
        return info;
    }

    /// <summary>
    /// A file opened for reading from its start, once its encoding was checked (<see cref="InputEncoding"/>) in a first
    /// pass; standard input, and text in UTF-16, is read whole and given as UTF-8. Null when the text is not readable
    /// (the problem is added to <paramref name="errors"/>).
    /// </summary>
    private static async Task<Stream?> OpenAsync(string path, CliEnvironment environment, List<InputError> errors, CancellationToken cancellationToken)
    {
        byte[] whole;
        if (path == "-")
        {
            await using var stdin = environment.OpenStandardInput();
            using var buffer = new MemoryStream();
            await stdin.CopyToAsync(buffer, cancellationToken);
            whole = buffer.ToArray();
        }
        else
        {
            var file = new FileStream(Check(path, environment).FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
            var head = new byte[2];
            var utf16 = await file.ReadAtLeastAsync(head, 2, throwOnEndOfStream: false, cancellationToken) == 2
                && (head.AsSpan().SequenceEqual(Encoding.Unicode.Preamble) || head.AsSpan().SequenceEqual(Encoding.BigEndianUnicode.Preamble));
            file.Position = 0;
            if (!utf16)
            {
                if (await InputEncoding.CheckUtf8Async(file, cancellationToken) is { } problem)
                {
                    errors.Add(new InputError(null, null, string.Empty, $"{path}: {problem}"));
                    await file.DisposeAsync();
                    return null;
                }
                file.Position = 0;
                return file;
            }
            await using (file)
            {
                whole = await File.ReadAllBytesAsync(file.Name, cancellationToken);
            }
        }
        if (!InputEncoding.TryUtf8(whole, out var utf8, out var undecodable))
        {
            errors.Add(new InputError(null, null, string.Empty, $"{path}: {undecodable}"));
            return null;
        }
        return new MemoryStream(utf8, writable: false);
    }

    // A format is told from the extension, else from the first bytes, after which the stream is back at its start.
    private static async Task<CommandFormat> FormatOfAsync(string path, Stream stream, CancellationToken cancellationToken)
    {
        var format = path == "-" ? (CommandFormat?)null : FormatOf(path);
        if (format is { } known)
        {
            return known;
        }
        var head = new byte[4096];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        stream.Position = 0;
        return CommandText.Sniff(head[..read]);
    }

    private static CommandFormat? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".yaml" or ".yml" => CommandFormat.Yaml,
        ".ndjson" or ".jsonl" => CommandFormat.Ndjson,
        ".json" => CommandFormat.Json,
        _ => null,
    };

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>A JSON array, element by element; any other JSON value is read whole, as one command or a problem.</summary>
    private static async IAsyncEnumerable<(JsonElement, CommandOrigin)> ReadJsonAsync(
        string name, Stream stream, List<InputError> errors, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = new JsonArrayReader(stream);
        for (var index = 0; ; index++)
        {
            (JsonElement Element, int Line)? next;
            var notAnArray = false;
            try
            {
                next = await reader.NextAsync(cancellationToken);
            }
            catch (JsonException e)
            {
                errors.Add(CommandText.MalformedFile(name, e));
                yield break;
            }
            catch (JsonArrayReader.NotAnArray)
            {
                next = null;
                notAnArray = true;
            }
            if (notAnArray)
            {
                stream.Position = 0;
                using var whole = new MemoryStream();
                await stream.CopyToAsync(whole, cancellationToken);
                foreach (var single in CommandText.Read(name, WithoutByteOrderMark(whole.ToArray()), CommandFormat.Json, errors))
                {
                    yield return single;
                }
                yield break;
            }
            if (next is not { } element)
            {
                yield break;
            }
            yield return (element.Element, new CommandOrigin(name, index, element.Line));
        }
    }

    // Editors on Windows start UTF-8 files with a byte order mark; the JSON reader would take it for a value.
    private static byte[] WithoutByteOrderMark(byte[] bytes) =>
        bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes[Encoding.UTF8.Preamble.Length..] : bytes;

    /// <summary>One command per line; blank lines are skipped but counted.</summary>
    private static async IAsyncEnumerable<(JsonElement, CommandOrigin)> ReadNdjsonAsync(
        string name, Stream stream, List<InputError> errors, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var lines = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
        var index = 0;
        var number = 0;
        while (await lines.ReadLineAsync(cancellationToken) is { } text)
        {
            number++;
            var line = text.Trim().TrimStart('\uFEFF');
            if (line.Length == 0)
            {
                continue;
            }
            var origin = new CommandOrigin(name, index++, number);
            JsonElement? element = null;
            try
            {
                using var document = JsonDocument.Parse(line, DocumentOptions);
                element = document.RootElement.Clone();
            }
            catch (JsonException e)
            {
                errors.Add(CommandText.MalformedLine(origin, e));
            }
            if (element is { } read)
            {
                yield return (read, origin);
            }
        }
    }
}
