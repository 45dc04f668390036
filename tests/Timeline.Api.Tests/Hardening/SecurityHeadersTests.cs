using System.Net;
using Timeline.Api.Tests.Hosting;

namespace Timeline.Api.Tests.Hardening;

/// <summary>Every response carries the Content-Security-Policy (with frame-ancestors), nosniff and the referrer policy.</summary>
public sealed class SecurityHeadersTests : IAsyncLifetime
{
    private readonly ApiHost _host = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/js/app.js", HttpStatusCode.OK)]
    [InlineData("/healthz", HttpStatusCode.OK)]
    [InlineData("/api/schedule", HttpStatusCode.Unauthorized)]
    [InlineData("/api/nothing-here", HttpStatusCode.NotFound)]
    public async Task Every_answer_carries_the_security_headers(string path, HttpStatusCode status)
    {
        using var response = await _host.Client().GetAsync(path, Web.Cancel);

        Assert.Equal(status, response.StatusCode);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task The_page_keeps_no_policy_of_its_own_the_header_is_the_one_place()
    {
        using var response = await _host.Client().GetAsync("/", Web.Cancel);

        Assert.DoesNotContain("Content-Security-Policy", await response.TextAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
