using System.Globalization;
using Npgsql;

namespace Timeline.Store.Marten;

/// <summary>
/// Reads what an operator gives as a PostgreSQL store: a <c>postgres://</c> URI or an Npgsql connection string.
/// </summary>
/// <remarks>
/// <para>
/// URI form (libpq's): <c>postgres://user:password@host:port/database?sslmode=require</c>, also spelled
/// <c>postgresql://</c>. User, password and database are percent-decoded (<c>p%40ss</c> is <c>p@ss</c>); the port
/// defaults to 5432; an IPv6 host is written in brackets (<c>[::1]</c>). Query parameters understood:
/// <c>sslmode</c> (disable, allow, prefer, require, verify-ca, verify-full), <c>connect_timeout</c> (whole
/// seconds), <c>application_name</c>, and <c>host</c> (a unix socket folder, as in libpq). Any other parameter is
/// refused rather than silently ignored.
/// </para>
/// <para>
/// Connection string form: anything Npgsql accepts (<c>Host=db;Port=5432;Database=timeline;Username=app;Password=…</c>).
/// </para>
/// </remarks>
public static class PostgresConnectionString
{
    /// <summary>True when <paramref name="text"/> is written as a PostgreSQL URI (<c>postgres://</c> or <c>postgresql://</c>).</summary>
    public static bool IsUri(string text) =>
        text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The Npgsql connection string for a URI or connection string.</summary>
    /// <exception cref="ArgumentException">The text is neither; the message says what is wrong, without the password.</exception>
    public static string ToNpgsql(string uriOrConnectionString) => Parse(uriOrConnectionString).ConnectionString;

    /// <summary>Like <see cref="ToNpgsql"/>, as a builder.</summary>
    /// <exception cref="ArgumentException">The text is neither a PostgreSQL URI nor an Npgsql connection string.</exception>
    public static NpgsqlConnectionStringBuilder Parse(string uriOrConnectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uriOrConnectionString);
        var text = uriOrConnectionString.Trim();
        if (IsUri(text))
        {
            return FromUri(text);
        }
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(text);
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                throw new ArgumentException("a PostgreSQL connection string needs a Host (e.g. Host=localhost;Database=timeline;Username=timeline)", nameof(uriOrConnectionString));
            }
            return builder;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new ArgumentException(
                $"not a PostgreSQL store: expected postgres://user:password@host:port/database or an Npgsql connection string ({e.Message})",
                nameof(uriOrConnectionString),
                e);
        }
    }

    private static NpgsqlConnectionStringBuilder FromUri(string text)
    {
        // libpq allows an empty host (postgres://user@/db?host=/run/postgresql); System.Uri does not, so parse with a
        // stand-in and require the host parameter then.
        var authority = text.IndexOf("://", StringComparison.Ordinal) + 3;
        var hostStart = text.IndexOf('@', authority) is var at and >= 0 && at < (text.IndexOfAny(['/', '?'], authority) is var end and >= 0 ? end : text.Length)
            ? at + 1
            : authority;
        var emptyHost = hostStart == text.Length || text[hostStart] is '/' or '?';
        var parseable = emptyHost ? text.Insert(hostStart, "localhost") : text;
        if (!Uri.TryCreate(parseable, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new ArgumentException(
                $"'{Redact(text)}' is not a PostgreSQL URI; write postgres://user:password@host:port/database", nameof(text));
        }
        var builder = new NpgsqlConnectionStringBuilder();
        if (!emptyHost)
        {
            builder.Host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.Host;
        }
        builder.Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{Redact(text)}' names the database '{database}', which has a '/'; give one database after the host", nameof(text));
        }
        if (database.Length > 0)
        {
            builder.Database = database;
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            switch (name)
            {
                case "sslmode":
                    builder.SslMode = value switch
                    {
                        "disable" => SslMode.Disable,
                        "allow" => SslMode.Allow,
                        "prefer" => SslMode.Prefer,
                        "require" => SslMode.Require,
                        "verify-ca" => SslMode.VerifyCA,
                        "verify-full" => SslMode.VerifyFull,
                        _ => throw new ArgumentException($"sslmode '{value}' is not one of disable, allow, prefer, require, verify-ca, verify-full", nameof(text)),
                    };
                    break;
                case "connect_timeout":
                    builder.Timeout = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 1024
                        ? seconds
                        : throw new ArgumentException($"connect_timeout '{value}' is not a whole number of seconds from 1 to 1024", nameof(text));
                    break;
                case "application_name":
                    builder.ApplicationName = value;
                    break;
                case "host":
                    builder.Host = value;
                    break;
                default:
                    throw new ArgumentException(
                        $"the PostgreSQL URI parameter '{name}' is not supported; use sslmode, connect_timeout, application_name or host, or give an Npgsql connection string",
                        nameof(text));
            }
        }
        if (string.IsNullOrEmpty(builder.Host))
        {
            throw new ArgumentException($"'{Redact(text)}' names no host; write postgres://user:password@host:port/database", nameof(text));
        }
        return builder;
    }

    /// <summary>The text with any password replaced, for messages.</summary>
    internal static string Redact(string text)
    {
        var at = text.LastIndexOf('@');
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (at < 0 || scheme < 0)
        {
            return text;
        }
        var colon = text.IndexOf(':', scheme + 3);
        return colon >= 0 && colon < at ? text[..(colon + 1)] + "***" + text[at..] : text;
    }
}
