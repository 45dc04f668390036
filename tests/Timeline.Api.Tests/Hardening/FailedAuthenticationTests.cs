using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Api.Tests.Hosting;

namespace Timeline.Api.Tests.Hardening;

/// <summary>
/// Bad keys are rate-limited per client address: past the limit, 429 with Retry-After instead of 401, while good keys
/// and requests without a key go on; behind a trusted proxy the forwarded client address is the one counted.
/// </summary>
public sealed class FailedAuthenticationTests
{
    private const string BadKey = "tl_guessed-wrong";

    [Fact]
    public async Task After_the_limit_a_bad_key_gets_429_with_retry_after_and_a_good_key_still_reads()
    {
        await using var host = new ApiHost(allowAnonymousRead: true, options: o => (o.FailedAuthenticationLimit, o.FailedAuthenticationWindowSeconds) = (3, 3600));
        using var guesser = host.Client(BadKey);
        using var reader = host.Client(await host.KeyAsync("desk", "reader"));

        for (var i = 0; i < 3; i++)
        {
            using var refused = await guesser.GetAsync("/api/schedule", Web.Cancel);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        using var limited = await guesser.GetAsync("/api/schedule", Web.Cancel);
        using var good = await reader.GetAsync("/api/schedule", Web.Cancel);
        using var anonymous = await host.Client().GetAsync("/api/schedule", Web.Cancel);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = int.Parse(Assert.Single(limited.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 3600);
        await limited.ProblemAsync();
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
    }

    [Fact]
    public async Task When_the_window_ends_a_bad_key_is_answered_401_again()
    {
        await using var host = new ApiHost(options: o => (o.FailedAuthenticationLimit, o.FailedAuthenticationWindowSeconds) = (1, 1));
        using var guesser = host.Client(BadKey);

        using (var first = await guesser.GetAsync("/api/schedule", Web.Cancel))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        }
        using (var second = await guesser.GetAsync("/api/schedule", Web.Cancel))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
            Assert.Equal("1", Assert.Single(second.Headers.GetValues("Retry-After")));
        }
        // The limiter's window runs on its own timer, so this one test waits for it (a second and a little).
        await Task.Delay(TimeSpan.FromMilliseconds(1300), Web.Cancel);

        using var later = await guesser.GetAsync("/api/schedule", Web.Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, later.StatusCode);
    }

    [Theory]
    [InlineData("10.0.0.7", HttpStatusCode.Unauthorized)]
    [InlineData(null, HttpStatusCode.TooManyRequests)]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_is_counted_apart_and_otherwise_the_header_is_ignored(string? trustedProxy, HttpStatusCode secondClient)
    {
        await using var host = new ApiHost(
            services: s => s.AddSingleton<IStartupFilter>(new FromAddress(IPAddress.Parse("10.0.0.7"))),
            options: o => (o.FailedAuthenticationLimit, o.FailedAuthenticationWindowSeconds, o.TrustedProxies) = (1, 3600, trustedProxy));

        Assert.Equal(HttpStatusCode.Unauthorized, await GuessFromAsync(host, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await GuessFromAsync(host, "203.0.113.1"));
        Assert.Equal(secondClient, await GuessFromAsync(host, "203.0.113.2"));
    }

    private static async Task<HttpStatusCode> GuessFromAsync(ApiHost host, string client)
    {
        using var guesser = host.Client(BadKey);
        guesser.DefaultRequestHeaders.Add("X-Forwarded-For", client);
        using var response = await guesser.GetAsync("/api/schedule", Web.Cancel);
        return response.StatusCode;
    }

    /// <summary>Makes every request come from <paramref name="address"/>, as a proxy's connections would (the test server gives none).</summary>
    private sealed class FromAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = address;
                return following(context);
            });
            next(app);
        };
    }
}
