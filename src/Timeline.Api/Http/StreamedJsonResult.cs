using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Timeline.Core.Serialization;

namespace Timeline.Api.Http;

/// <summary>
/// A body whose size grows with the log, written as its rows are read (<see cref="IStreamedAnswer{TDocument}"/>): the
/// same bytes as <see cref="TimelineJsonResult{T}"/> would write of the whole document, sent in chunks without a
/// Content-Length. A store that fails before the first chunk is sent still gets its problem answer; one that fails
/// later aborts the response, so a client never takes a cut document for a whole one.
/// </summary>
internal sealed class StreamedJsonResult<TDocument>(IStreamedAnswer<TDocument> answer) : IResult, IEndpointMetadataProvider
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        await answer.WriteJsonAsync((utf8, ct) => response.Body.WriteAsync(utf8, ct), httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(TDocument), ["application/json"]));
}
