using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Timeline.Api.Keys;
using Timeline.Core.Storage;

namespace Timeline.Api.Security;

/// <summary>
/// <c>Authorization: Bearer &lt;key&gt;</c>: the key's SHA-256 hash is looked up among the active keys, so the key itself
/// is never compared or stored. A request without the header stays anonymous; a malformed header, an unknown key or a
/// revoked one fails, and the challenge answers 401 with <c>WWW-Authenticate: Bearer</c>.
/// </summary>
internal sealed class KeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    private const string Bearer = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }
        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("the Authorization header must read 'Bearer <key>'");
        }
        var secret = header[Bearer.Length..].Trim();
        if (secret.Length is 0 or > KeySecrets.MaxLength)
        {
            return AuthenticateResult.Fail("the key is missing or malformed");
        }
        var key = await keys.FindActiveKeyAsync(KeySecrets.Hash(secret), Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("the key is unknown or has been revoked");
        }
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, key.Name), new Claim(ClaimTypes.Role, KeyRoles.Name(key.Role))],
            SchemeName,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = result.Failure is null
            ? "Bearer realm=\"timeline\""
            : "Bearer realm=\"timeline\", error=\"invalid_token\"";
    }
}

/// <summary>Who may do what: reader reads, editor reads and posts commands, admin does everything.</summary>
internal static class AccessPolicies
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Admin = "admin";

    public static IServiceCollection AddKeyAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(KeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, KeyAuthenticationHandler>(KeyAuthenticationHandler.SchemeName, null);
        services.AddSingleton<IAuthorizationHandler, ReadAccessHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Read, policy => policy.AddRequirements(new ReadAccess()))
            .AddPolicy(Write, policy => policy.RequireAuthenticatedUser().RequireRole(KeyRoles.Editor, KeyRoles.Admin))
            .AddPolicy(Admin, policy => policy.RequireAuthenticatedUser().RequireRole(KeyRoles.Admin));
        return services;
    }
}

/// <summary>Reading needs a key of any role, or no key at all when the server allows anonymous reads.</summary>
internal sealed class ReadAccess : IAuthorizationRequirement;

internal sealed class ReadAccessHandler(IOptionsMonitor<ApiOptions> options) : AuthorizationHandler<ReadAccess>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ReadAccess requirement)
    {
        var user = context.User;
        if (user.IsInRole(KeyRoles.Reader) || user.IsInRole(KeyRoles.Editor) || user.IsInRole(KeyRoles.Admin))
        {
            context.Succeed(requirement);
        }
        else if (options.CurrentValue.AllowAnonymousRead
            && context.Resource is HttpContext http
            && string.IsNullOrEmpty(http.Request.Headers.Authorization))
        {
            // A key that is sent must be good even here: a client that believes it is authenticated hears otherwise.
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
