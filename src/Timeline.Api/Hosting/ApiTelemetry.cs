using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Timeline.Core.Telemetry;

namespace Timeline.Api.Hosting;

/// <summary>
/// Exports Timeline's metrics and traces (<see cref="TimelineTelemetry"/>), and ASP.NET Core's, over OTLP, but only
/// when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (in the environment or the configuration). Otherwise nothing is
/// registered and no instrument has a listener, so telemetry costs nothing. The exporter reads the other standard
/// <c>OTEL_*</c> settings itself (<c>OTEL_SERVICE_NAME</c>, <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, headers).
/// </summary>
internal static class ApiTelemetry
{
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddOtlpWhenConfigured(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration[EndpointSetting]))
        {
            return services;
        }
        services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics.AddMeter(TimelineTelemetry.Name).AddAspNetCoreInstrumentation().AddOtlpExporter())
            .WithTracing(tracing => tracing.AddSource(TimelineTelemetry.Name).AddAspNetCoreInstrumentation().AddOtlpExporter());
        return services;
    }
}
