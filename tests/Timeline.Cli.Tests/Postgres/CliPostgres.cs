using System.Collections.Concurrent;
using Npgsql;
using Timeline.Testing.Postgres;

namespace Timeline.Cli.Tests.Postgres;

/// <summary>
/// The throwaway PostgreSQL of <see cref="PostgresServer"/> for CLI tests: every store a test asks for is a new, empty
/// database, because the CLI always keeps its events in the schema <c>timeline</c>. All are dropped with the fixture.
/// </summary>
/// <remarks>Without PostgreSQL, <see cref="NewStoreAsync"/> skips the test, or fails it when <c>CI=true</c>.</remarks>
public sealed class CliPostgres : PostgresDatabase
{
    private readonly ConcurrentBag<string> _databases = [];

    protected override string Prefix => "timeline_cli";

    /// <summary>A new, empty database the test role owns.</summary>
    internal async Task<PostgresStore> NewStoreAsync()
    {
        await RequireAsync();
        var connectionString = await Server.CreateDatabaseAsync(Prefix, CancellationToken.None);
        _databases.Add(connectionString);
        return new PostgresStore(connectionString);
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await Server.DropDatabaseAsync(database);
        }
        await base.DisposeAsync();
    }
}

/// <summary>One PostgreSQL database, written every way the CLI takes it.</summary>
internal sealed record PostgresStore(string ConnectionString)
{
    private NpgsqlConnectionStringBuilder Parts => new(ConnectionString);

    public string Password => Parts.Password!;

    public string Database => Parts.Database!;

    public int Port => Parts.Port;

    /// <summary><c>postgres://user:password@host:port/database</c>.</summary>
    public string Uri => UriOf(Parts);

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

    public static string UriOf(NpgsqlConnectionStringBuilder parts) =>
        $"postgres://{System.Uri.EscapeDataString(parts.Username!)}:{System.Uri.EscapeDataString(parts.Password ?? string.Empty)}@{parts.Host}:{parts.Port}/{parts.Database}";
}
