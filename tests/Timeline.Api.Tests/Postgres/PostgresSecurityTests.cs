using System.Net;
using Timeline.Api.Tests.Hosting;

namespace Timeline.Api.Tests.Postgres;

/// <summary>
/// Keys and roles on PostgreSQL, where the keys live in the database (<c>timeline_api_keys</c>): the basics of the
/// auth matrix, keys over the API, keys shared with <c>timeline keys</c>, and /healthz. Each test has its own database.
/// </summary>
public sealed class PostgresSecurityTests(ApiPostgres postgres) : IClassFixture<ApiPostgres>
{
    private const string Announce = """
        {"command": "AnnounceMeeting", "meetingId": "pg-summit-2023", "reportedAt": "2023-01-05", "title": "A summit on PostgreSQL",
         "kind": "summit", "dates": "2023-03-01", "participants": ["Vladimir Putin"]}
        """;

    [Fact]
    public async Task No_key_gets_401_a_reader_post_403_and_an_editor_post_is_recorded_by_the_key_name()
    {
        await using var host = await postgres.NewHostAsync();
        using var reader = host.Client(await host.KeyAsync("night-reader", "reader"));
        using var editor = host.Client(await host.KeyAsync("newsroom-editor", "editor"));

        using var anonymousRead = await host.Client().GetAsync("/api/schedule", Web.Cancel);
        using var anonymousWrite = await host.Client().PostAsync("/api/commands", Seeds.Json(Announce), Web.Cancel);
        using var readerWrite = await reader.PostAsync("/api/commands", Seeds.Json(Announce), Web.Cancel);
        using var readerRead = await reader.GetAsync("/api/schedule", Web.Cancel);
        Assert.Equal("[]", (await readerRead.JsonAsync())["meetings"]!.ToJsonString());
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        using var editorWrite = await editor.PostAsync("/api/commands", Seeds.Json(Announce), Web.Cancel);

        foreach (var refused in new[] { anonymousRead, anonymousWrite })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.StartsWith("Bearer", refused.Headers.WwwAuthenticate.Single().Scheme, StringComparison.Ordinal);
            await refused.ProblemAsync();
        }
        Assert.Equal(HttpStatusCode.Forbidden, readerWrite.StatusCode);
        Assert.Contains("'reader'", (await readerWrite.ProblemAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, readerRead.StatusCode);
        Assert.True(editorWrite.StatusCode == HttpStatusCode.OK, await editorWrite.TextAsync());
        Assert.Equal("applied", (await editorWrite.JsonAsync())["outcomes"]![0]!["result"]!.GetValue<string>());

        using var history = await reader.GetAsync("/api/meetings/pg-summit-2023/history", Web.Cancel);
        var entry = (await history.JsonAsync())["entries"]!.AsArray().Single()!;
        Assert.Equal("newsroom-editor", entry["recordedBy"]!.GetValue<string>());
        Assert.Equal("2023-01-10T09:05:00.000000Z", entry["recordedAt"]!.GetValue<string>());
        using var audit = await reader.GetAsync("/api/audit", Web.Cancel);
        var recorded = (await audit.JsonAsync())["events"]!.AsArray().Select(e => e!["recordedBy"]!.GetValue<string>());
        Assert.Equal(["newsroom-editor"], recorded.Distinct());
    }

    [Fact]
    public async Task An_admin_creates_lists_and_revokes_keys_and_a_revoked_key_gets_401()
    {
        await using var host = await postgres.NewHostAsync();
        using var admin = host.Client(await host.KeyAsync("root-admin", "admin"));

        using var created = await admin.PostAsync("/api/keys", Seeds.Json("""{"name": "wire-desk", "role": "editor"}"""), Web.Cancel);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/keys/wire-desk", created.Headers.Location?.OriginalString);
        var issued = await created.JsonAsync();
        var key = issued["key"]!.GetValue<string>();
        Assert.StartsWith("tl_", key, StringComparison.Ordinal);
        Assert.Equal("root-admin", issued["createdBy"]!.GetValue<string>());
        Assert.Equal("2023-01-10T09:00:00.000000Z", issued["createdAt"]!.GetValue<string>());
        using var wireDesk = host.Client(key);
        using var write = await wireDesk.PostAsync("/api/commands", Seeds.Json(Announce), Web.Cancel);
        Assert.Equal(HttpStatusCode.OK, write.StatusCode);
        using var forbidden = await wireDesk.GetAsync("/api/keys", Web.Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        using var list = await admin.GetAsync("/api/keys", Web.Cancel);
        var listed = await list.TextAsync();
        Assert.DoesNotContain(key, listed, StringComparison.Ordinal);
        var names = (await list.JsonAsync())["keys"]!.AsArray().Select(k => (k!["name"]!.GetValue<string>(), k["role"]!.GetValue<string>(), k["active"]!.GetValue<bool>()));
        Assert.Equal([("root-admin", "admin", true), ("wire-desk", "editor", true)], names);

        host.Clock.Advance(TimeSpan.FromDays(1));
        using var revoked = await admin.DeleteAsync("/api/keys/wire-desk", Web.Cancel);
        using var again = await admin.DeleteAsync("/api/keys/wire-desk", Web.Cancel);
        using var refused = await wireDesk.GetAsync("/api/schedule", Web.Cancel);

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        await refused.ProblemAsync();
        using var after = await admin.GetAsync("/api/keys", Web.Cancel);
        var gone = (await after.JsonAsync())["keys"]!.AsArray().Single(k => k!["name"]!.GetValue<string>() == "wire-desk")!;
        Assert.False(gone["active"]!.GetValue<bool>());
        Assert.Equal("2023-01-11T09:00:00.000000Z", gone["revokedAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_active_name_cannot_be_issued_twice_but_a_revoked_one_can()
    {
        await using var host = await postgres.NewHostAsync();
        using var admin = host.Client(await host.KeyAsync("root-admin", "admin"));

        using var first = await admin.PostAsync("/api/keys", Seeds.Json("""{"name": "desk", "role": "reader"}"""), Web.Cancel);
        using var clash = await admin.PostAsync("/api/keys", Seeds.Json("""{"name": "desk", "role": "admin"}"""), Web.Cancel);
        using var revoke = await admin.DeleteAsync("/api/keys/desk", Web.Cancel);
        using var again = await admin.PostAsync("/api/keys", Seeds.Json("""{"name": "desk", "role": "admin"}"""), Web.Cancel);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Equal("key-name-taken", (await clash.ProblemAsync())["rule"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Fact]
    public async Task A_key_from_timeline_keys_create_on_the_same_database_opens_the_api_until_revoked_there()
    {
        await using var host = await postgres.NewHostAsync();

        var created = await host.CliAsync("keys", "create", "--name", "ops", "--role", "admin");
        Assert.True(created.ExitCode == 0, created.Error);
        var key = created.Out.Trim();
        using var ops = host.Client(key);
        using var allowed = await ops.GetAsync("/api/keys", Web.Cancel);
        var revoked = await host.CliAsync("keys", "revoke", "ops");
        using var refused = await ops.GetAsync("/api/keys", Web.Cancel);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("cli-user", (await allowed.JsonAsync())["keys"]![0]!["createdBy"]!.GetValue<string>());
        Assert.True(revoked.ExitCode == 0, revoked.Error);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Healthz_answers_200_on_a_new_empty_database()
    {
        await using var host = await postgres.NewHostAsync();

        using var response = await host.Client().GetAsync("/healthz", Web.Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
