using Microsoft.Extensions.FileProviders;
using Timeline.Api.Calendar;
using Timeline.Api.Commands;
using Timeline.Api.Editing;
using Timeline.Api.Keys;
using Timeline.Api.Queries;

namespace Timeline.Api.Hosting;

/// <summary>The middleware and the endpoints, in order.</summary>
internal static class ApiPipeline
{
    public static void UseTimelineApi(this WebApplication app)
    {
        // Every failure, anywhere below, becomes a ProblemDetails body here (see ProblemMapping); bodiless error
        // statuses (401, 403, 404 for unknown routes, 405) get one from the status-code pages.
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        var webRoot = new ManifestEmbeddedFileProvider(typeof(ApiPipeline).Assembly, "wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = webRoot });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = webRoot });

        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi();
        app.MapHealthChecks("/healthz");
        app.MapQueries();
        app.MapCalendar();
        app.MapCommands();
        app.MapKeys();
        app.MapEditing();
    }
}
