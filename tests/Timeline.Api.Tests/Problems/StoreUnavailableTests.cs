using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Api.Tests.Hosting;
using Timeline.Core.Storage;
using Timeline.Testing.Postgres;

namespace Timeline.Api.Tests.Problems;

/// <summary>
/// A store that cannot be reached or used now is answered with 503 ProblemDetails that say why in one line, and
/// never where the store is, its password or a backend's exception type; <c>/readyz</c> is 503 too, while <c>/healthz</c> (liveness) stays 200.
/// </summary>
public sealed class StoreUnavailableTests(PostgresDatabases postgres) : IClassFixture<PostgresDatabases>
{
    private const string Announce = """
        {"command": "AnnounceMeeting", "meetingId": "putin-erdogan-2022", "reportedAt": "2022-09-08", "title": "Putin-Erdogan talks", "kind": "bilateral", "participants": ["Vladimir Putin", "Recep Tayyip Erdogan"]}
        """;

    [Fact]
    public async Task A_command_on_a_SQLite_store_locked_past_its_busy_timeout_gets_503_and_nothing_is_written()
    {
        ApiHost host = null!;
        host = new ApiHost(services: s => s.AddSingleton<IStore>(_ => host.Location.Open(host.Clock, TimeSpan.FromMilliseconds(300))));
        await using (host)
        {
            using var editor = host.Client(await host.KeyAsync("desk", "editor"));
            JsonObject problem;
            using (var other = new SqliteConnection($"Data Source={host.StorePath};Pooling=False"))
            {
                other.Open();
                using var writeLock = other.BeginTransaction(deferred: false);

                using var locked = await editor.PostAsync("/api/commands", Seeds.Json(Announce), Web.Cancel);

                Assert.Equal(HttpStatusCode.ServiceUnavailable, locked.StatusCode);
                problem = await locked.ProblemAsync();
                AssertRevealsNothing(await locked.TextAsync(), host.StorePath);
            }

            Assert.Equal("The store is unavailable", problem["title"]!.GetValue<string>());
            Assert.Equal("the store is unavailable: another writer has held it locked for more than 0.3 s; try again", problem["detail"]!.GetValue<string>());
            using var history = await editor.GetAsync("/api/meetings/putin-erdogan-2022/history", Web.Cancel);
            Assert.Equal(HttpStatusCode.NotFound, history.StatusCode);
            using var retried = await editor.PostAsync("/api/commands", Seeds.Json(Announce), Web.Cancel);
            Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        }
    }

    [Fact]
    public async Task When_PostgreSQL_goes_away_reads_writes_and_readyz_get_503_and_healthz_stays_200()
    {
        await using var relay = new PostgresRelay(await postgres.NewAsync());
        var relayed = PostgresServer.UriOf(relay.ConnectionString);
        await using var host = new ApiHost(store: relayed);
        using var editor = host.Client(await host.KeyAsync("desk", "editor"));
        using (var healthy = await editor.GetAsync("/readyz", Web.Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        }

        relay.Stop();

        using var schedule = await editor.GetAsync("/api/schedule", Web.Cancel);
        using var command = await editor.PostAsync("/api/commands", Seeds.Json(Announce), Web.Cancel);
        using var health = await editor.GetAsync("/readyz", Web.Cancel);
        // Probes send no key: a key would be looked up in the store that is gone.
        using var live = await host.Client().GetAsync("/healthz", Web.Cancel);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        foreach (var response in new[] { schedule, command })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var problem = await response.ProblemAsync();
            Assert.Equal("The store is unavailable", problem["title"]!.GetValue<string>());
            Assert.StartsWith("the store is unavailable: ", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
            AssertRevealsNothing(await response.TextAsync(), relayed);
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        AssertRevealsNothing(await health.TextAsync(), relayed);
    }

    [Fact]
    public async Task A_PostgreSQL_store_that_cannot_be_reached_gets_503_for_anonymous_reads_for_keys_and_from_readyz()
    {
        var uri = $"postgres://timeline:Not-The-Password-42@127.0.0.1:{Loopback.ClosedPort()}/timeline";
        await using var host = new ApiHost(allowAnonymousRead: true, store: uri);

        using var anonymous = await host.Client().GetAsync("/api/schedule", Web.Cancel);
        using var withKey = await host.Client("tl_not-a-key-the-store-could-check").GetAsync("/api/schedule", Web.Cancel);
        using var health = await host.Client().GetAsync("/readyz", Web.Cancel);

        foreach (var response in new[] { anonymous, withKey })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var problem = await response.ProblemAsync();
            Assert.StartsWith("the store is unavailable: cannot connect", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
            AssertRevealsNothing(await response.TextAsync(), uri);
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        AssertRevealsNothing(await health.TextAsync(), uri);
    }

    /// <summary>No backend type, stack, file path, host, port or password in what a client gets.</summary>
    private static void AssertRevealsNothing(string body, string store)
    {
        foreach (var secret in new[] { "Exception", "Npgsql", "Postgres", "Sqlite", "Marten", " at ", ".cs:line" })
        {
            Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
        }
        if (store.StartsWith("postgres://", StringComparison.Ordinal))
        {
            var uri = new Uri(store);
            Assert.DoesNotContain(uri.UserInfo.Split(':')[1], body, StringComparison.Ordinal);
            Assert.DoesNotContain($"{uri.Host}:{uri.Port}", body, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain(store, body, StringComparison.Ordinal);
        }
    }
}
