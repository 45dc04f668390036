using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Timeline.Api.Keys;
using Timeline.Api.Problems;
using Timeline.Api.Security;
using Timeline.Core;
using Timeline.Core.Commands;
using Timeline.Core.Storage;

namespace Timeline.Api.Hosting;

/// <summary>Every service the API needs, registered once.</summary>
internal static class ApiServices
{
    public static IServiceCollection AddTimelineApi(this IServiceCollection services, ApiOptions? options, Func<IServiceProvider, IStore> openStore, TimeProvider clock)
    {
        var apiOptions = services.AddOptions<ApiOptions>();
        if (options is null)
        {
            apiOptions.BindConfiguration(ApiOptions.Section);
        }
        else
        {
            apiOptions.Configure(options.CopyTo);
        }

        services.AddSingleton(clock);
        services.AddTimelineStore(openStore);
        services.AddHttpContextAccessor();
        // recordedBy is the name of the key that sent the request.
        services.AddScoped(provider => new Recorder(
            provider.GetRequiredService<IHttpContextAccessor>().HttpContext?.User.Identity?.Name ?? "anonymous"));
        services.AddTimelineCore();
        services.AddScoped<KeyRing>();

        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = ProblemMapping.Customize);
        services.AddExceptionHandler<ProblemMapping>();
        services.AddKeyAuthentication();
        services.AddFailedAuthenticationLimit();
        services.AddRequestTimeouts();
        services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<ApiOptions>>((timeouts, api) => timeouts.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = TimeSpan.FromSeconds(api.Value.RequestTimeoutSeconds),
            TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
        });
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer<OpenApiSecurity>());
        services.ConfigureHttpJsonOptions(json =>
        {
            // The OpenAPI schemas follow the bodies, which are written with TimelineJson.Output.
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        });
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ApiOptions>>((kestrel, api) =>
        {
            kestrel.Limits.MaxRequestBodySize = api.Value.MaxRequestBodyBytes;
            kestrel.AddServerHeader = false;
        });
        services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        return services;
    }
}
