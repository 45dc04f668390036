using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Timeline.Core.Storage;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;
using Timeline.Store.Contract;
using Timeline.Testing.Postgres;

namespace Timeline.Store.Marten.Tests;

/// <summary>A bad address, password or database fails fast, in one line, as <see cref="StoreUnavailable"/> (exit 4).</summary>
public sealed class ConnectionFailureTests(MartenStoreFixture database) : IClassFixture<MartenStoreFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Runs the store's first operation and returns the error and how long it took.</summary>
    private static async Task<(StoreUnavailable Error, TimeSpan Took)> FirstUseFailsAsync(string connection, MartenEventStoreOptions? options = null)
    {
        await using var store = new MartenEventStore(connection, TimeProvider.System, options ?? new());
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<StoreUnavailable>(() => store.CountAsync(Cancel));
        Assert.DoesNotContain('\n', error.Message);
        return (error, clock.Elapsed);
    }

    private async Task<NpgsqlConnectionStringBuilder> ValidAsync() => new(await database.RequireAsync());

    [Fact]
    public async Task A_postgres_URI_reaches_the_same_database_as_the_connection_string()
    {
        var connection = await ValidAsync();
        var uri = PostgresServer.UriOf(connection.ConnectionString);
        var schema = database.NewSchema();
        await using var viaString = new MartenEventStore(connection.ConnectionString, TimeProvider.System, new() { Schema = schema });
        await using var viaUri = new MartenEventStore(uri, TimeProvider.System, new() { Schema = schema });

        await viaString.MigrateAsync(Cancel);

        Assert.Contains("is current", await viaUri.MigrateAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(viaString.Where, viaUri.Where);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_at_once_naming_the_user_and_not_the_password()
    {
        var connection = await ValidAsync();
        connection.Password = "not-the-password";

        var (error, took) = await FirstUseFailsAsync(connection.ConnectionString);

        Assert.Contains($"refused the login of user '{connection.Username}'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", error.Message, StringComparison.Ordinal);
        Assert.True(took < TimeSpan.FromSeconds(5), $"took {took}");
    }

    [Fact]
    public async Task A_missing_database_is_named()
    {
        var connection = await ValidAsync();
        connection.Database = "no_such_timeline";

        var (error, took) = await FirstUseFailsAsync(connection.ConnectionString);

        Assert.Contains("PostgreSQL database 'no_such_timeline'", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.True(took < TimeSpan.FromSeconds(5), $"took {took}");
    }

    [Fact]
    public async Task A_closed_port_fails_at_once_without_retries()
    {
        var port = Loopback.ClosedPort();

        var (error, took) = await FirstUseFailsAsync($"postgres://timeline:secret@127.0.0.1:{port}/timeline");

        Assert.StartsWith($"PostgreSQL database 'timeline' on 127.0.0.1:{port} is unavailable: cannot connect", error.Message, StringComparison.Ordinal);
        Assert.Equal($"PostgreSQL database 'timeline' on 127.0.0.1:{port}", error.Store);
        Assert.True(took < TimeSpan.FromSeconds(5), $"took {took}");
    }

    [Fact]
    public async Task A_server_that_never_answers_fails_after_the_connect_timeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;

        var (error, took) = await FirstUseFailsAsync(
            $"postgres://timeline:secret@127.0.0.1:{port}/timeline", new() { ConnectTimeout = TimeSpan.FromSeconds(2) });

        Assert.Contains("no answer within 2 s", error.Message, StringComparison.Ordinal);
        Assert.InRange(took, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task A_statement_past_the_command_timeout_names_that_limit_too_not_only_the_connect_timeout()
    {
        // The append waits for the writer lock another transaction holds, longer than the 1 s per statement the
        // connection string allows; the connect timeout (5 s) has nothing to do with it.
        var connection = await ValidAsync();
        connection.CommandTimeout = 1;
        var schema = database.NewSchema();
        await using var store = new MartenEventStore(connection.ConnectionString, TimeProvider.System, new() { Schema = schema });
        await store.MigrateAsync(Cancel);
        await using var holder = new NpgsqlConnection(await database.RequireAsync());
        await holder.OpenAsync(Cancel);
        await using var transaction = await holder.BeginTransactionAsync(Cancel);
        await using (var lockWriters = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({0x544C}, hashtext('{schema}'))", holder, transaction))
        {
            await lockWriters.ExecuteNonQueryAsync(Cancel);
        }
        var meeting = MeetingId.Parse("sco-2022");

        var error = await Assert.ThrowsAsync<StoreUnavailable>(() => store.AppendAsync(
            [new StreamAppend(meeting, 0, [new PendingEvent(Guid.NewGuid(), new MeetingEvent.MeetingRelocated(new Location("Astana", "Kazakhstan")), ReportedAt.Parse("2022-08-01"), new Source(), "cmd-waits")])],
            "analyst", Cancel));

        Assert.Contains("or 1 s for a statement (Timeout and Command Timeout in the connection string", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        await transaction.RollbackAsync(Cancel);
        Assert.Empty(await store.ReadStreamAsync(meeting, Cancel));
    }

    [Fact]
    public async Task Appends_and_reads_fail_the_same_way_as_the_first_use()
    {
        var port = Loopback.ClosedPort();
        await using var store = new MartenEventStore($"Host=127.0.0.1;Port={port};Database=timeline;Username=timeline", TimeProvider.System);

        await Assert.ThrowsAsync<StoreUnavailable>(() => store.ReadAllAsync(EventQuery.All, Cancel).ToListAsync(Cancel).AsTask());
        await Assert.ThrowsAsync<StoreUnavailable>(() => store.FindCommandsAsync(["cmd-1"], Cancel));
        await Assert.ThrowsAsync<StoreUnavailable>(() => store.MigrateAsync(Cancel));
    }

    [Fact]
    public async Task Key_operations_fail_the_same_way_as_the_first_use()
    {
        var port = Loopback.ClosedPort();
        await using var store = new MartenEventStore($"Host=127.0.0.1;Port={port};Database=timeline;Username=timeline", TimeProvider.System);
        var key = new ApiKey("desk", KeyRole.Admin, new string('a', 64), new DateTimeOffset(2023, 1, 10, 9, 0, 0, TimeSpan.Zero), "ops");

        var errors = new[]
        {
            await Assert.ThrowsAsync<StoreUnavailable>(() => store.AddKeyAsync(key, Cancel)),
            await Assert.ThrowsAsync<StoreUnavailable>(() => store.ListKeysAsync(Cancel)),
            await Assert.ThrowsAsync<StoreUnavailable>(() => store.FindActiveKeyAsync(key.Hash, Cancel)),
            await Assert.ThrowsAsync<StoreUnavailable>(() => store.RevokeKeyAsync("desk", key.CreatedAt, Cancel)),
        };

        Assert.All(errors, e => Assert.StartsWith($"PostgreSQL database 'timeline' on 127.0.0.1:{port} is unavailable: cannot connect", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_that_goes_away_while_in_use_makes_every_operation_unavailable_in_one_line_without_the_password()
    {
        var connection = await ValidAsync();
        await using var relay = new PostgresRelay(connection.ConnectionString);
        var port = new NpgsqlConnectionStringBuilder(relay.ConnectionString).Port;
        await using var store = new MartenEventStore(relay.ConnectionString, TimeProvider.System, new() { Schema = database.NewSchema() });
        var announced = new PendingEvent(Guid.NewGuid(), Seed.G20Announced, ReportedAt.Parse("2022-09-08"), Seed.Ushakov, "cmd-announce");
        await store.AppendAsync([new StreamAppend(Seed.G20, 0, [announced])], "analyst", Cancel);
        Assert.Single(await store.ReadStreamAsync(Seed.G20, Cancel));

        relay.Stop();

        var errors = new[]
        {
            await Assert.ThrowsAsync<StoreUnavailable>(() => store.ReadStreamAsync(Seed.G20, Cancel)),
            await Assert.ThrowsAsync<StoreUnavailable>(() => store.ReadAllAsync(EventQuery.All, Cancel).ToListAsync(Cancel).AsTask()),
            await Assert.ThrowsAsync<StoreUnavailable>(() => store.AppendAsync([new StreamAppend(Seed.G20, 1, [announced with { EventId = Guid.NewGuid(), CommandId = "cmd-2" }])], "analyst", Cancel)),
            await Assert.ThrowsAsync<StoreUnavailable>(() => store.CountAsync(Cancel)),
            await Assert.ThrowsAsync<StoreUnavailable>(() => store.ListKeysAsync(Cancel)),
        };

        Assert.All(errors, e =>
        {
            Assert.StartsWith($"PostgreSQL database '{connection.Database}' on 127.0.0.1:{port} is unavailable: ", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', e.Message);
            Assert.DoesNotContain(connection.Password!, e.Message, StringComparison.Ordinal);
        });
    }
}
