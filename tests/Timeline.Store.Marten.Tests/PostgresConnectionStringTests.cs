using Npgsql;

namespace Timeline.Store.Marten.Tests;

public sealed class PostgresConnectionStringTests
{
    private static NpgsqlConnectionStringBuilder Parse(string text) => new(PostgresConnectionString.ToNpgsql(text));

    [Fact]
    public void A_full_URI_gives_host_port_user_password_and_database()
    {
        var parsed = Parse("postgres://timeline:s3cret@db.example.org:6543/diplomacy");

        Assert.Equal("db.example.org", parsed.Host);
        Assert.Equal(6543, parsed.Port);
        Assert.Equal("timeline", parsed.Username);
        Assert.Equal("s3cret", parsed.Password);
        Assert.Equal("diplomacy", parsed.Database);
    }

    [Fact]
    public void The_postgresql_scheme_works_too_and_the_port_defaults_to_5432()
    {
        var parsed = Parse("postgresql://timeline@localhost/timeline");

        Assert.Equal("localhost", parsed.Host);
        Assert.Equal(5432, parsed.Port);
        Assert.Null(parsed.Password);
    }

    [Fact]
    public void User_password_and_database_are_percent_decoded_and_a_colon_may_appear_in_the_password()
    {
        var parsed = Parse("postgres://analyst%40newsroom:p%40ss:w%2Frd%3F@127.0.0.1:5432/timeline%20prod");

        Assert.Equal("analyst@newsroom", parsed.Username);
        Assert.Equal("p@ss:w/rd?", parsed.Password);
        Assert.Equal("timeline prod", parsed.Database);
    }

    [Fact]
    public void An_IPv6_host_loses_its_brackets()
    {
        Assert.Equal("::1", Parse("postgres://u:p@[::1]:5433/db").Host);
    }

    [Theory]
    [InlineData("disable", SslMode.Disable)]
    [InlineData("require", SslMode.Require)]
    [InlineData("verify-full", SslMode.VerifyFull)]
    [InlineData("verify-ca", SslMode.VerifyCA)]
    public void Sslmode_maps_to_Npgsqls_ssl_mode(string sslmode, SslMode expected)
    {
        Assert.Equal(expected, Parse($"postgres://u:p@h/db?sslmode={sslmode}").SslMode);
    }

    [Fact]
    public void Connect_timeout_application_name_and_a_socket_folder_as_host_are_understood()
    {
        var parsed = Parse("postgres://u:p@/db?connect_timeout=3&application_name=timeline%20cli&host=%2Fvar%2Frun%2Fpostgresql");

        Assert.Equal(3, parsed.Timeout);
        Assert.Equal("timeline cli", parsed.ApplicationName);
        Assert.Equal("/var/run/postgresql", parsed.Host);
    }

    [Fact]
    public void An_Npgsql_connection_string_passes_through()
    {
        var parsed = Parse("Host=db;Port=5444;Database=timeline;Username=app;Password=x");

        Assert.Equal(("db", 5444, "timeline", "app", "x"), (parsed.Host, parsed.Port, parsed.Database, parsed.Username, parsed.Password));
    }

    [Theory]
    [InlineData("postgres://u:p@h/db?sslmode=sometimes", "sslmode")]
    [InlineData("postgres://u:p@h/db?connect_timeout=soon", "connect_timeout")]
    [InlineData("postgres://u:p@h/db?target_session_attrs=any", "target_session_attrs")]
    [InlineData("postgres://u:p@h/db/extra", "'/'")]
    [InlineData("postgres://u:p@/db", "names no host")]
    [InlineData("Database=timeline;Username=app", "Host")]
    [InlineData("Hots=db", "not a PostgreSQL store")]
    public void Anything_else_is_refused_with_a_message_that_names_the_problem(string text, string named)
    {
        var error = Assert.Throws<ArgumentException>(() => PostgresConnectionString.ToNpgsql(text));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_URI_does_not_show_its_password()
    {
        Assert.Equal("postgres://u:***@h/db", PostgresConnectionString.Redact("postgres://u:hunter2@h/db"));
    }

    [Fact]
    public void The_store_gives_itself_a_5_second_connect_timeout_unless_the_text_or_the_options_set_one()
    {
        using var byDefault = new MartenEventStore("postgres://u:p@127.0.0.1:1/db", TimeProvider.System);
        using var fromUri = new MartenEventStore("postgres://u:p@127.0.0.1:1/db?connect_timeout=9", TimeProvider.System);
        using var fromString = new MartenEventStore("Host=127.0.0.1;Port=1;Database=db;Timeout=8", TimeProvider.System);
        using var fromOptions = new MartenEventStore("postgres://u:p@127.0.0.1:1/db", TimeProvider.System, new() { ConnectTimeout = TimeSpan.FromSeconds(2) });

        Assert.Equal([5, 9, 8, 2], [byDefault.ConnectTimeoutSeconds, fromUri.ConnectTimeoutSeconds, fromString.ConnectTimeoutSeconds, fromOptions.ConnectTimeoutSeconds]);
    }

    [Fact]
    public void Where_names_the_database_host_and_port_but_never_the_password()
    {
        using var store = new MartenEventStore("postgres://u:hunter2@127.0.0.1:1/db", TimeProvider.System);

        Assert.Equal("PostgreSQL database 'db' on 127.0.0.1:1", store.Where);
    }

    [Theory]
    [InlineData("Timeline")]
    [InlineData("public; drop table x")]
    [InlineData("")]
    public void A_schema_name_that_is_not_a_plain_lower_case_identifier_is_refused(string schema)
    {
        Assert.Throws<ArgumentException>(() => new MartenEventStore("postgres://u:p@h/db", TimeProvider.System, new() { Schema = schema }));
    }
}
