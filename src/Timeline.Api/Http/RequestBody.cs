using System.Text.Json;
using Timeline.Api.Problems;
using Timeline.Core.Commands;
using Timeline.Core.Commands.Files;

namespace Timeline.Api.Http;

/// <summary>Reads a request body, refusing one larger than the limit (413) before it is all in memory.</summary>
internal static class RequestBody
{
    /// <summary>The media types of command bodies besides JSON, and how each is read (docs/contract.md#command-files).</summary>
    private static readonly Dictionary<string, CommandFormat?> CommandTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/x-ndjson"] = CommandFormat.Ndjson,
        ["application/jsonl"] = CommandFormat.Ndjson,
        ["application/yaml"] = CommandFormat.Yaml,
        ["application/x-yaml"] = CommandFormat.Yaml,
        ["text/yaml"] = CommandFormat.Yaml,
        ["text/plain"] = null, // told apart by its first character, as standard input is
    };

    public static async Task<JsonDocument> ReadJsonAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentType is { } contentType && !IsJson(contentType))
        {
            throw new ApiProblem(StatusCodes.Status415UnsupportedMediaType, "The body must be JSON", $"send Content-Type: application/json, not {contentType}");
        }
        return Parse(await ReadBytesAsync(request, maxBytes, cancellationToken));
    }

    /// <summary>
    /// A body of commands as a JSON document: JSON as it is, and NDJSON, YAML or plain text read as
    /// <c>timeline import</c> reads a file, into an array of the commands.
    /// </summary>
    /// <exception cref="InputRejected">The NDJSON or YAML cannot be read; every problem is listed.</exception>
    public static async Task<JsonDocument> ReadCommandsAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType?.Split(';', 2)[0].Trim();
        if (mediaType is null || IsJson(mediaType))
        {
            return Parse(await ReadBytesAsync(request, maxBytes, cancellationToken));
        }
        if (!CommandTypes.TryGetValue(mediaType, out var format))
        {
            throw new ApiProblem(StatusCodes.Status415UnsupportedMediaType, "The body must be commands",
                $"send Content-Type: application/json, application/x-ndjson, application/yaml or text/plain, not {request.ContentType}");
        }
        var bytes = await ReadBytesAsync(request, maxBytes, cancellationToken);
        var errors = new List<InputError>();
        var commands = CommandText.Read(Commands.CommandRequest.Origin, bytes, format ?? CommandText.Sniff(bytes), errors);
        if (errors.Count > 0)
        {
            throw new InputRejected(errors);
        }
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var (element, _) in commands)
            {
                element.WriteTo(writer);
            }
            writer.WriteEndArray();
        }
        return JsonDocument.Parse(buffer.ToArray());
    }

    private static async Task<byte[]> ReadBytesAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
        {
            throw ApiProblem.BadRequest("the body is empty; send a JSON command or an array of them");
        }
        if (!InputEncoding.TryUtf8(buffer.ToArray(), out var utf8, out var undecodable))
        {
            throw ApiProblem.BadRequest($"the body {undecodable}");
        }
        return utf8;
    }

    private static JsonDocument Parse(byte[] bytes) => JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 32 });

    private static ApiProblem TooLarge(long maxBytes) =>
        ApiProblem.TooLarge($"the body is larger than {maxBytes} bytes; split it into smaller requests");

    private static bool IsJson(string contentType)
    {
        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }
}
