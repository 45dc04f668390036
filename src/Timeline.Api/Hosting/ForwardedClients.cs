using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Timeline.Api.Hosting;

/// <summary>
/// Behind a TLS-terminating reverse proxy: <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are honoured only
/// from the addresses in <see cref="ApiOptions.TrustedProxies"/>, and not at all when it is empty (ASP.NET Core's own
/// default would trust any loopback sender).
/// </summary>
internal static class ForwardedClients
{
    public static void UseForwardedClients(this WebApplication app, ApiOptions options)
    {
        var proxies = Proxies(options.TrustedProxies);
        if (proxies.Count == 0)
        {
            return;
        }
        var forwarded = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = 1,
        };
        forwarded.KnownIPNetworks.Clear();
        forwarded.KnownProxies.Clear();
        foreach (var proxy in proxies)
        {
            forwarded.KnownProxies.Add(proxy);
        }
        app.UseForwardedHeaders(forwarded);
    }

    /// <summary>The addresses in a list separated by <c>;</c> or <c>,</c>.</summary>
    /// <exception cref="FormatException">An entry is not an IP address; the message quotes it.</exception>
    public static List<IPAddress> Proxies(string? list) =>
        [.. (list ?? string.Empty).Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(entry => IPAddress.TryParse(entry, out var address)
                ? address
                : throw new FormatException($"'{entry}' is not an IP address"))];
}
