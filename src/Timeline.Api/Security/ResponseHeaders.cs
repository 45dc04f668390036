namespace Timeline.Api.Security;

/// <summary>
/// The security headers every response carries, the web page's included: the Content-Security-Policy (only this
/// server's own scripts, styles, images and connections; never framed), <c>X-Content-Type-Options: nosniff</c> and a
/// <c>Referrer-Policy</c> that sends no referrer.
/// </summary>
internal static class ResponseHeaders
{
    /// <summary>
    /// What the page may load: its own files only (the JavaScript modules, the stylesheet, <c>data:</c> images for the
    /// favicon), talk only to this server, and never be shown in a frame (<c>frame-ancestors</c>, which only a header
    /// can set).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string ReferrerPolicy = "no-referrer";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = ReferrerPolicy;
        return next(context);
    });
}
