using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Timeline.Api.Security;

/// <summary>
/// Slows down key guessing: ASP.NET Core's rate limiter counts, per client address, the requests whose key failed
/// (sent, but malformed, unknown or revoked), in a fixed window. Past the limit such a request gets 429 with
/// <c>Retry-After</c> (whole seconds until the window ends) instead of 401. Requests with a good key, and requests
/// without any key, are never counted or refused. Behind a proxy the client address is the one the trusted proxy
/// forwards (<see cref="ApiOptions.TrustedProxies"/>).
/// </summary>
internal static class FailedAuthentication
{
    public static IServiceCollection AddFailedAuthenticationLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ApiOptions>>((limiter, api) =>
        {
            var permits = api.Value.FailedAuthenticationLimit;
            var window = TimeSpan.FromSeconds(api.Value.FailedAuthenticationWindowSeconds);
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => KeyFailed(context)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("good-or-no-key"));
            limiter.OnRejected = (rejected, _) =>
            {
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    rejected.HttpContext.Response.Headers.RetryAfter =
                        Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    // Runs after UseAuthentication: a request that sent an Authorization header and is still anonymous sent a bad key.
    private static bool KeyFailed(HttpContext context) =>
        context.User.Identity?.IsAuthenticated != true && !string.IsNullOrEmpty(context.Request.Headers.Authorization);
}
