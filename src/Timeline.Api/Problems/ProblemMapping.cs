using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Timeline.Api.Keys;
using Timeline.Core.Commands;
using Timeline.Core.Knowledge;
using Timeline.Core.Storage;

namespace Timeline.Api.Problems;

/// <summary>
/// The one place failures become HTTP answers: every exception maps to a status and a ProblemDetails body. Messages
/// of expected failures are written for users; anything unexpected is logged and answered with a generic 500 (or 503
/// when the store fails), so no stack trace, exception type or file path ever reaches a client.
/// </summary>
internal sealed partial class ProblemMapping(IProblemDetailsService problems, ILogger<ProblemMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true; // the client went away; there is no one to answer
        }
        var problem = ToProblem(exception);
        if (problem.Status >= 500)
        {
            LogFailure(logger, exception, httpContext.Request.Method, httpContext.Request.Path.Value ?? "/");
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        var context = new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem };
        if (!await problems.TryWriteAsync(context))
        {
            // The client's Accept header ruled out JSON; answer in JSON all the same rather than fall through.
            Customize(context);
            await httpContext.Response.WriteAsJsonAsync(problem, problem.GetType(), (JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
        }
        return true;
    }

    internal static ProblemDetails ToProblem(Exception exception) => exception switch
    {
        InputRejected rejected => Invalid(rejected.Errors),
        ApiProblem api => Problem(api.Status, api.Title, api.Message),
        JsonException json => Problem(400, "The body is not valid JSON", json.Message),
        BadHttpRequestException bad => Problem(bad.StatusCode, bad.StatusCode == 413 ? "The request is too large" : "The request is malformed", bad.Message),
        CommandRejected rejected => Rejected(rejected),
        WriteConflict conflict => WithExtensions(Problem(409, "The write conflicts with another", conflict.Message), ("rule", "write-conflict")),
        MeetingNotFound missing => WithExtensions(Problem(404, "No such meeting", missing.Message), ("meetingId", missing.MeetingId)),
        KeyNotFound missing => WithExtensions(Problem(404, "No such key", missing.Message), ("name", missing.Name)),
        StoreNotEmpty notEmpty => Problem(409, "The store is not empty", notEmpty.Message),
        // Where the store is (a file path, a host) stays in the server log.
        StoreUnavailable unavailable => Problem(503, "The store is unavailable", $"the store is unavailable: {unavailable.Reason}"),
        InvalidDataException or IOException =>
            Problem(503, "The store is unavailable", "the store could not be read or written; the server log has the details"),
        _ => Problem(500, "Something went wrong", "an unexpected error occurred; the server log has the details"),
    };

    /// <summary>Fills in what every problem carries, including those written by the status-code pages.</summary>
    internal static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var http = context.HttpContext;
        problem.Instance ??= http.Request.Path;
        if (problem.Detail is not null)
        {
            return;
        }
        problem.Detail = problem.Status switch
        {
            401 => http.Features.Get<Microsoft.AspNetCore.Authentication.IAuthenticateResultFeature>()?.AuthenticateResult?.Failure?.Message is { } failure
                ? $"{failure}; send 'Authorization: Bearer <key>' with a key from 'timeline keys create'"
                : "this endpoint needs an API key: send 'Authorization: Bearer <key>' with a key from 'timeline keys create'",
            403 => $"the key '{http.User.Identity?.Name}' has the role '{RoleOf(http)}', which may not do this",
            404 => $"there is nothing at {http.Request.Path}; the API lives under /api (see /openapi/v1.json)",
            405 => $"{http.Request.Method} is not allowed on {http.Request.Path}",
            415 => $"send the body as JSON with Content-Type: application/json (POST /api/commands also takes application/x-ndjson, application/yaml and text/plain), not {http.Request.ContentType ?? "no content type"}",
            _ => null,
        };
    }

    private static string? RoleOf(HttpContext http) =>
        http.User.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value;

    private static HttpValidationProblemDetails Invalid(IReadOnlyList<InputError> errors)
    {
        var byField = errors
            .GroupBy(FieldKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
        return new HttpValidationProblemDetails(byField)
        {
            Status = 400,
            Title = "The request is invalid",
            Detail = errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} problems; the first: {errors[0]}",
        };
    }

    /// <summary><c>index.field</c> for a command in the body (<c>0.reportedAt</c>), the field alone otherwise (<c>asOf</c>).</summary>
    internal static string FieldKey(InputError error) => (error.Origin, error.Field) switch
    {
        ({ } origin, "") => origin.Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ({ } origin, var field) => $"{origin.Index}.{field}",
        (null, "") => "body",
        (null, var field) => field,
    };

    private static ProblemDetails Rejected(CommandRejected rejected)
    {
        var problem = Problem(409, "The command was rejected", rejected.Reason);
        problem.Extensions["rule"] = rejected.Rule;
        problem.Extensions["command"] = rejected.Command;
        if (rejected.Origin is { } origin)
        {
            problem.Extensions["index"] = origin.Index;
        }
        return problem;
    }

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    private static ProblemDetails WithExtensions(ProblemDetails problem, params (string Name, object? Value)[] extensions)
    {
        foreach (var (name, value) in extensions)
        {
            problem.Extensions[name] = value;
        }
        return problem;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method, string path);
}
