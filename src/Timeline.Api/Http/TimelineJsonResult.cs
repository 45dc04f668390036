using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Timeline.Core.Serialization;

namespace Timeline.Api.Http;

/// <summary>
/// A body written exactly as the CLI writes <c>--format json</c>: <see cref="TimelineJson.Output"/> and a final line
/// break, so the same query gives the same bytes over HTTP and on the command line.
/// </summary>
internal sealed class TimelineJsonResult<T>(T document, string? etag = null, int status = StatusCodes.Status200OK, string? location = null)
    : IResult, IEndpointMetadataProvider
{
    private static readonly byte[] LineBreak = "\n"u8.ToArray();

    public T Document { get; } = document;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        if (etag is not null)
        {
            response.Headers.ETag = etag;
        }
        if (location is not null)
        {
            response.Headers.Location = location;
        }
        var body = JsonSerializer.SerializeToUtf8Bytes(Document, TimelineJson.Output);
        response.ContentLength = body.Length + LineBreak.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
        await response.Body.WriteAsync(LineBreak, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
}

/// <summary>Stream versions as entity tags: the version <c>7</c> is the strong tag <c>"7"</c>.</summary>
internal static class ETags
{
    public static string For(long version) => $"\"{version}\"";

    /// <summary>
    /// The version an <c>If-Match</c> header names: null when absent or <c>*</c>.
    /// </summary>
    /// <exception cref="Problems.ApiProblem">The header is not one strong tag of a version.</exception>
    public static long? ExpectedVersion(string? ifMatch)
    {
        if (string.IsNullOrWhiteSpace(ifMatch) || ifMatch.Trim() == "*")
        {
            return null;
        }
        var text = ifMatch.Trim();
        if (text.Length >= 3 && text[0] == '"' && text[^1] == '"'
            && long.TryParse(text.AsSpan(1, text.Length - 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
        {
            return version;
        }
        throw Problems.ApiProblem.BadRequest(
            $"If-Match must be one meeting version as the ETag gave it, e.g. \"3\"; found {ifMatch}");
    }
}
