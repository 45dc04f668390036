using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Timeline.Api.Calendar;
using Timeline.Api.Commands;
using Timeline.Api.Editing;
using Timeline.Api.Feed;
using Timeline.Api.Keys;
using Timeline.Api.Queries;
using Timeline.Api.Security;

namespace Timeline.Api.Hosting;

/// <summary>The middleware and the endpoints, in order.</summary>
internal static class ApiPipeline
{
    public static void UseTimelineApi(this WebApplication app)
    {
        // First, so that the client address and scheme are the forwarded ones for everything below (the rate limit's
        // partition included), and only when the sender is a configured proxy.
        app.UseForwardedClients(app.Services.GetRequiredService<IOptions<ApiOptions>>().Value);
        app.UseSecurityHeaders();
        // Every failure, anywhere below, becomes a ProblemDetails body here (see ProblemMapping); bodiless error
        // statuses (401, 403, 404 for unknown routes, 405) get one from the status-code pages.
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        var webRoot = new ManifestEmbeddedFileProvider(typeof(ApiPipeline).Assembly, "wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = webRoot });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = webRoot });

        app.UseAuthentication();
        // After authentication, which tells a failed key from a good one or none (FailedAuthentication).
        app.UseRateLimiter();
        app.UseRequestTimeouts();
        app.UseAuthorization();

        app.MapOpenApi();
        // Liveness: the process serves requests, whatever the store does. Readiness: the store answers too.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz");
        app.MapQueries();
        app.MapChangeFeed();
        app.MapCalendar();
        app.MapCommands();
        app.MapKeys();
        app.MapEditing();
    }
}
