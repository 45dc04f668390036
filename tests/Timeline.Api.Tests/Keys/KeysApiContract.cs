using System.Net;
using Timeline.Api.Keys;
using Timeline.Api.Tests.Hosting;
using Timeline.Api.Tests.Stores;

namespace Timeline.Api.Tests.Keys;

/// <summary>
/// Keys and roles: /api/keys for admins (issue, list, never a secret, revoke), and what a key may do on a new store.
/// Each test has its own new, empty store with the admin key <c>root-admin</c>.
/// </summary>
public abstract class KeysApiContract(ApiStores stores) : ApiContract<HttpClient>(stores)
{
    private const string Announce = """
        {"command": "AnnounceMeeting", "meetingId": "new-summit-2023", "reportedAt": "2023-01-05", "title": "A summit on a new store",
         "kind": "summit", "dates": "2023-03-01", "participants": ["Vladimir Putin"]}
        """;

    protected override bool SharesHost => false;

    private HttpClient Admin => Prepared;

    protected override async Task<HttpClient> PrepareAsync(ApiHost host) => host.Client(await host.KeyAsync("root-admin", "admin"));

    [Fact]
    public async Task An_issued_key_is_shown_once_and_works_for_its_role()
    {
        using var created = await Admin.PostAsync("/api/keys", Seeds.Json("""{"name": "reporter", "role": "reader"}"""), Web.Cancel);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/keys/reporter", created.Headers.Location?.OriginalString);
        var issued = await created.JsonAsync();
        var key = issued["key"]!.GetValue<string>();
        Assert.StartsWith("tl_", key, StringComparison.Ordinal);
        Assert.Equal(46, key.Length);
        Assert.Equal("root-admin", issued["createdBy"]!.GetValue<string>());
        Assert.Equal("2023-01-10T09:00:00.000000Z", issued["createdAt"]!.GetValue<string>());

        using var reporter = Host.Client(key);
        using var read = await reporter.GetAsync("/api/schedule", Web.Cancel);
        using var write = await reporter.PostAsync("/api/commands", Seeds.Json("""{"command": "CancelMeeting", "meetingId": "x-2022", "reportedAt": "2022-01-01"}"""), Web.Cancel);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);

        using var list = await Admin.GetAsync("/api/keys", Web.Cancel);
        var text = await list.TextAsync();
        Assert.DoesNotContain(key, text, StringComparison.Ordinal);
        Assert.DoesNotContain(KeySecrets.Hash(key), text, StringComparison.Ordinal);
        var names = (await list.JsonAsync())["keys"]!.AsArray().Select(k => (k!["name"]!.GetValue<string>(), k["role"]!.GetValue<string>(), k["active"]!.GetValue<bool>()));
        Assert.Equal([("root-admin", "admin", true), ("reporter", "reader", true)], names);
    }

    [Fact]
    public async Task A_revoked_key_gets_401_and_cannot_be_revoked_twice()
    {
        using var created = await Admin.PostAsync("/api/keys", Seeds.Json("""{"name": "leaver", "role": "editor"}"""), Web.Cancel);
        var key = (await created.JsonAsync())["key"]!.GetValue<string>();
        Host.Clock.Advance(TimeSpan.FromDays(1));

        using var revoked = await Admin.DeleteAsync("/api/keys/leaver", Web.Cancel);
        using var again = await Admin.DeleteAsync("/api/keys/leaver", Web.Cancel);
        using var refused = await Host.Client(key).GetAsync("/api/schedule", Web.Cancel);

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("leaver", (await again.ProblemAsync())["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        await refused.ProblemAsync();
        using var list = await Admin.GetAsync("/api/keys", Web.Cancel);
        var leaver = (await list.JsonAsync())["keys"]!.AsArray().Single(k => k!["name"]!.GetValue<string>() == "leaver")!;
        Assert.Equal("2023-01-11T09:00:00.000000Z", leaver["revokedAt"]!.GetValue<string>());
        Assert.False(leaver["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_active_name_cannot_be_issued_twice_but_a_revoked_one_can()
    {
        using var first = await Admin.PostAsync("/api/keys", Seeds.Json("""{"name": "desk", "role": "reader"}"""), Web.Cancel);
        using var clash = await Admin.PostAsync("/api/keys", Seeds.Json("""{"name": "desk", "role": "admin"}"""), Web.Cancel);
        using var revoke = await Admin.DeleteAsync("/api/keys/desk", Web.Cancel);
        using var again = await Admin.PostAsync("/api/keys", Seeds.Json("""{"name": "desk", "role": "admin"}"""), Web.Cancel);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Equal("key-name-taken", (await clash.ProblemAsync())["rule"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Theory]
    [InlineData("""{"name": "desk", "role": "owner"}""", "role")]
    [InlineData("""{"name": "desk"}""", "role")]
    [InlineData("""{"name": "has space", "role": "reader"}""", "name")]
    [InlineData("""{"role": "reader"}""", "name")]
    public async Task A_bad_name_or_role_gets_400_naming_the_field(string body, string field)
    {
        using var response = await Admin.PostAsync("/api/keys", Seeds.Json(body), Web.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.ProblemAsync()).Errors(field));
    }

    [Fact]
    public async Task An_unknown_field_gets_400()
    {
        using var response = await Admin.PostAsync("/api/keys", Seeds.Json("""{"name": "desk", "role": "reader", "hash": "abc"}"""), Web.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await response.ProblemAsync();
    }

    [Fact]
    public async Task What_a_key_records_is_recorded_by_its_name()
    {
        using var created = await Admin.PostAsync("/api/keys", Seeds.Json("""{"name": "wire-desk", "role": "editor"}"""), Web.Cancel);
        using var editor = Host.Client((await created.JsonAsync())["key"]!.GetValue<string>());
        await Seeds.PostAllAsync(editor);

        using var audit = await editor.GetAsync("/api/audit?limit=100000", Web.Cancel);

        var recordedBy = (await audit.JsonAsync())["events"]!.AsArray().Select(e => e!["recordedBy"]!.GetValue<string>()).Distinct();
        Assert.Equal(["wire-desk"], recordedBy);
    }

    [Fact]
    public async Task On_a_new_store_no_key_gets_401_a_reader_post_403_and_an_editor_post_is_recorded_by_the_key_name()
    {
        using var reader = Host.Client(await Host.KeyAsync("night-reader", "reader"));
        using var editor = Host.Client(await Host.KeyAsync("newsroom-editor", "editor"));

        using var anonymousRead = await Host.Client().GetAsync("/api/schedule", Web.Cancel);
        using var anonymousWrite = await Host.Client().PostAsync("/api/commands", Seeds.Json(Announce), Web.Cancel);
        using var readerWrite = await reader.PostAsync("/api/commands", Seeds.Json(Announce), Web.Cancel);
        using var readerRead = await reader.GetAsync("/api/schedule", Web.Cancel);
        Assert.Equal("[]", (await readerRead.JsonAsync())["meetings"]!.ToJsonString());
        Host.Clock.Advance(TimeSpan.FromMinutes(5));
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

        using var history = await reader.GetAsync("/api/meetings/new-summit-2023/history", Web.Cancel);
        var entry = (await history.JsonAsync())["entries"]!.AsArray().Single()!;
        Assert.Equal("newsroom-editor", entry["recordedBy"]!.GetValue<string>());
        Assert.Equal("2023-01-10T09:05:00.000000Z", entry["recordedAt"]!.GetValue<string>());
        using var audit = await reader.GetAsync("/api/audit", Web.Cancel);
        var recorded = (await audit.JsonAsync())["events"]!.AsArray().Select(e => e!["recordedBy"]!.GetValue<string>());
        Assert.Equal(["newsroom-editor"], recorded.Distinct());
    }

    [Fact]
    public async Task Healthz_answers_200_without_a_key_on_a_new_empty_store()
    {
        using var response = await Host.Client().GetAsync("/healthz", Web.Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
