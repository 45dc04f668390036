using System.Text;
using Timeline.Core.Commands;
using Timeline.Core.Commands.Files;
using Timeline.Core.Commands.ApplyCommands;

namespace Timeline.Cli.Input;

/// <summary>
/// Reads command files: a JSON array (or one JSON object), NDJSON (one command per line) or YAML (a sequence of
/// commands), told apart by extension or, failing that, by <see cref="CommandText.Sniff"/>. Every command is read and
/// every problem collected before anything is applied.
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
            var format = path == "-" ? CommandText.Sniff(bytes) : FormatOf(path, bytes);
            var elements = CommandText.Read(name, bytes, format, errors);
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

    private static CommandFormat FormatOf(string path, byte[] bytes) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".yaml" or ".yml" => CommandFormat.Yaml,
        ".ndjson" or ".jsonl" => CommandFormat.Ndjson,
        ".json" => CommandFormat.Json,
        _ => CommandText.Sniff(bytes),
    };
}
