using Microsoft.Extensions.Diagnostics.HealthChecks;
using Timeline.Core.Storage;

namespace Timeline.Api.Hosting;

/// <summary>
/// <c>GET /readyz</c>: reads one event and looks up a key, so both the log and the key table answer. An unavailable
/// store is unhealthy (503) with its reason, which stays in the server; the body says only <c>Unhealthy</c>.
/// </summary>
internal sealed class StoreHealthCheck(IEventStore store, IKeyStore keys) : IHealthCheck
{
    private static readonly string NoSuchHash = new('0', 64);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await foreach (var _ in store.ReadAllAsync(EventQuery.All with { Limit = 1 }, cancellationToken))
            {
            }
            await keys.FindActiveKeyAsync(NoSuchHash, cancellationToken);
        }
        catch (StoreUnavailable unavailable)
        {
            return HealthCheckResult.Unhealthy(unavailable.Reason);
        }
        return HealthCheckResult.Healthy("the store answers");
    }
}
