using System.Text.Json;
using Mediator;
using Microsoft.Extensions.Options;
using Timeline.Api.Http;
using Timeline.Api.Security;
using Timeline.Core.Commands.ApplyCommands;

namespace Timeline.Api.Commands;

/// <summary><c>POST /api/commands</c>: every command goes through this one endpoint and the one command loop.</summary>
internal static class CommandEndpoints
{
    public static void MapCommands(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api")
            .RequireAuthorization(AccessPolicies.Write)
            .WithTags("Commands")
            .MapPost("/commands", PostAsync)
            .WithName("PostCommands")
            .WithSummary("Apply one command or an array of them, all or nothing")
            .WithDescription(
                "The body is one command object or an array of them, in the shape docs/contract.md#commands describes, or the commands as NDJSON " +
                "(application/x-ndjson), YAML (application/yaml) or plain text read like standard input. A command without reportedAt is " +
                "reported now (live entry). If-Match: \"<version>\" makes the request fail with 409 unless its one meeting is " +
                "at that version. The answer carries the meeting's new version as ETag when the request is about one meeting. " +
                "recordedBy is the key's name. With ?dryRun=true every command is decided against the store and its outcome reported " +
                "(applied, unchanged, duplicate or rejected by a rule), and nothing is written: the answer is the dry-run report, with " +
                "status 200, or 409 when a command would be rejected.")
            .Accepts<JsonElement>("application/json", "application/x-ndjson", "application/jsonl", "application/yaml", "application/x-yaml", "text/yaml", "text/plain")
            .Produces<ApplyReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
    }

    private static async Task<IResult> PostAsync(
        HttpRequest request, IMediator mediator, TimeProvider clock, IOptionsSnapshot<ApiOptions> options, CancellationToken cancellationToken, bool dryRun = false)
    {
        var limits = options.Value;
        using var body = await RequestBody.ReadCommandsAsync(request, limits.MaxRequestBodyBytes, cancellationToken);
        var commands = CommandRequest.Read(body.RootElement, limits.MaxCommandsPerRequest, clock.GetUtcNow(), request.Headers.IfMatch);
        if (dryRun)
        {
            // The same document as `timeline import --dry-run --format json`, with the status a real request would get.
            var tried = DryRunReport.Of(await mediator.Send(new ApplyCommands(commands) { DryRun = true }, cancellationToken));
            return new TimelineJsonResult<DryRunReport>(tried, status: tried.Rejected > 0 ? StatusCodes.Status409Conflict : StatusCodes.Status200OK);
        }
        var report = await mediator.Send(new ApplyCommands(commands), cancellationToken);
        var etag = report.StreamVersions.Count == 1 ? ETags.For(report.StreamVersions.Values.Single()) : null;
        return new TimelineJsonResult<ApplyReport>(report, etag);
    }
}
