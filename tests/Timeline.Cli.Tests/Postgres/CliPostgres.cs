using Npgsql;
using Timeline.Testing.Postgres;

namespace Timeline.Cli.Tests.Postgres;

/// <summary>The throwaway PostgreSQL for CLI tests: a new, empty database for every store a test asks for.</summary>
/// <remarks>Without PostgreSQL, <see cref="NewStoreAsync"/> skips the test, or fails it when <c>CI=true</c>.</remarks>
public sealed class CliPostgres : PostgresDatabases
{
    protected override string Prefix => "timeline_cli";

    /// <summary>A new, empty database the test role owns.</summary>
    internal async Task<PostgresStore> NewStoreAsync() => new(await NewAsync());
}

/// <summary>One PostgreSQL database, written every way the CLI takes it.</summary>
internal sealed record PostgresStore(string ConnectionString)
{
    private NpgsqlConnectionStringBuilder Parts => new(ConnectionString);

    public string Password => Parts.Password!;

    public string Database => Parts.Database!;

    public int Port => Parts.Port;

    /// <summary><c>postgres://user:password@host:port/database</c>.</summary>
    public string Uri => PostgresServer.UriOf(ConnectionString);

    /// <summary>The store text of <paramref name="form"/>: <c>uri</c> or <c>connection-string</c>.</summary>
    public string As(string form) => form switch
    {
        "uri" => Uri,
        "connection-string" => ConnectionString,
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, "uri or connection-string"),
    };

    /// <summary>This store with one part changed: a wrong password, another port, another database.</summary>
    public PostgresStore With(string? password = null, int? port = null, string? database = null)
    {
        var parts = Parts;
        parts.Password = password ?? parts.Password;
        parts.Port = port ?? parts.Port;
        parts.Database = database ?? parts.Database;
        return new PostgresStore(parts.ConnectionString);
    }
}
