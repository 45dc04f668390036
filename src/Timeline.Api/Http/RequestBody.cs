using System.Text.Json;
using Timeline.Api.Problems;
using Timeline.Core.Commands;

namespace Timeline.Api.Http;

/// <summary>Reads a JSON request body, refusing one larger than the limit (413) before it is all in memory.</summary>
internal static class RequestBody
{
    public static async Task<JsonDocument> ReadJsonAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentType is { } contentType && !IsJson(contentType))
        {
            throw new ApiProblem(StatusCodes.Status415UnsupportedMediaType, "The body must be JSON", $"send Content-Type: application/json, not {contentType}");
        }
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
        return JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 32 });
    }

    private static ApiProblem TooLarge(long maxBytes) =>
        ApiProblem.TooLarge($"the body is larger than {maxBytes} bytes; split it into smaller requests");

    private static bool IsJson(string contentType)
    {
        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }
}
