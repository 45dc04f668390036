namespace Timeline.Api;

/// <summary>
/// How the API serves. <c>timeline serve</c> sets these from its options; the standalone server binds them from the
/// configuration section <c>Timeline</c> (<c>Timeline__AllowAnonymousRead=true</c>, <c>--Timeline:AllowAnonymousRead true</c>).
/// </summary>
public sealed class ApiOptions
{
    /// <summary>The configuration section the standalone server reads.</summary>
    public const string Section = "Timeline";

    /// <summary>Where to listen, e.g. <c>http://127.0.0.1:5080</c>; several are separated by <c>;</c>. Null keeps ASP.NET Core's own setting.</summary>
    public string? Urls { get; set; }

    /// <summary>When true, the GET endpoints answer requests that send no key at all. A key that is sent must still be valid.</summary>
    public bool AllowAnonymousRead { get; set; }

    /// <summary>The largest request body accepted, in bytes (default 4 MiB); larger bodies get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>The most commands one <c>POST /api/commands</c> may hold (default 5,000); more get 413.</summary>
    public int MaxCommandsPerRequest { get; set; } = 5_000;

    /// <summary>How many events <c>GET /api/audit</c> returns when the request gives no <c>limit</c> (default 500).</summary>
    public int DefaultAuditLimit { get; set; } = 500;

    /// <summary>
    /// How long <c>GET /api/changes</c> stays silent before it sends a heartbeat (default 15 s), so that proxies and
    /// clients can tell an idle feed from a dead connection.
    /// </summary>
    public TimeSpan ChangesHeartbeat { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How often <c>GET /api/changes</c> looks for events appended by other processes (default 1 s); appends made
    /// through this server are sent at once.
    /// </summary>
    public TimeSpan ChangesPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How many requests with a bad key (malformed, unknown or revoked) one client address may send per
    /// <see cref="FailedAuthenticationWindowSeconds"/> (default 10); past it they get 429 with <c>Retry-After</c>.
    /// </summary>
    public int FailedAuthenticationLimit { get; set; } = 10;

    /// <summary>The fixed window <see cref="FailedAuthenticationLimit"/> counts in, in seconds (default 60).</summary>
    public int FailedAuthenticationWindowSeconds { get; set; } = 60;

    /// <summary>How long a request may run, in seconds (default 30); past it, it is cancelled and answered 504.</summary>
    public int RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// The reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed: IP addresses
    /// separated by <c>;</c> or <c>,</c>, e.g. <c>127.0.0.1</c> when a proxy on the same machine terminates TLS.
    /// Empty (the default): no forwarded header is believed, from anyone.
    /// </summary>
    public string? TrustedProxies { get; set; }

    internal void CopyTo(ApiOptions target)
    {
        target.ChangesHeartbeat = ChangesHeartbeat;
        target.ChangesPollInterval = ChangesPollInterval;
        target.FailedAuthenticationLimit = FailedAuthenticationLimit;
        target.FailedAuthenticationWindowSeconds = FailedAuthenticationWindowSeconds;
        target.RequestTimeoutSeconds = RequestTimeoutSeconds;
        target.TrustedProxies = TrustedProxies;
        target.Urls = Urls;
        target.AllowAnonymousRead = AllowAnonymousRead;
        target.MaxRequestBodyBytes = MaxRequestBodyBytes;
        target.MaxCommandsPerRequest = MaxCommandsPerRequest;
        target.DefaultAuditLimit = DefaultAuditLimit;
    }
}
