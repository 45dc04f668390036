using System.Net;
using Timeline.Api.Keys;
using Timeline.Api.Tests.Hosting;

namespace Timeline.Api.Tests.Keys;

/// <summary>/api/keys for admins: issue, list (never a secret), revoke.</summary>
public sealed class KeysApiTests : IAsyncLifetime
{
    private readonly ApiHost _host = new();
    private HttpClient _admin = null!;

    public async ValueTask InitializeAsync() => _admin = _host.Client(await _host.KeyAsync("root-admin", "admin"));

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_issued_key_is_shown_once_and_works_for_its_role()
    {
        using var created = await _admin.PostAsync("/api/keys", Seeds.Json("""{"name": "reporter", "role": "reader"}"""), Web.Cancel);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/keys/reporter", created.Headers.Location?.OriginalString);
        var issued = await created.JsonAsync();
        var key = issued["key"]!.GetValue<string>();
        Assert.StartsWith("tl_", key, StringComparison.Ordinal);
        Assert.Equal(46, key.Length);
        Assert.Equal("root-admin", issued["createdBy"]!.GetValue<string>());
        Assert.Equal("2023-01-10T09:00:00.000000Z", issued["createdAt"]!.GetValue<string>());

        using var reporter = _host.Client(key);
        using var read = await reporter.GetAsync("/api/schedule", Web.Cancel);
        using var write = await reporter.PostAsync("/api/commands", Seeds.Json("""{"command": "CancelMeeting", "meetingId": "x-2022", "reportedAt": "2022-01-01"}"""), Web.Cancel);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);

        using var list = await _admin.GetAsync("/api/keys", Web.Cancel);
        var text = await list.TextAsync();
        Assert.DoesNotContain(key, text, StringComparison.Ordinal);
        Assert.DoesNotContain(KeySecrets.Hash(key), text, StringComparison.Ordinal);
        var names = (await list.JsonAsync())["keys"]!.AsArray().Select(k => (k!["name"]!.GetValue<string>(), k["role"]!.GetValue<string>(), k["active"]!.GetValue<bool>()));
        Assert.Equal([("root-admin", "admin", true), ("reporter", "reader", true)], names);
    }

    [Fact]
    public async Task A_revoked_key_gets_401_and_cannot_be_revoked_twice()
    {
        using var created = await _admin.PostAsync("/api/keys", Seeds.Json("""{"name": "leaver", "role": "editor"}"""), Web.Cancel);
        var key = (await created.JsonAsync())["key"]!.GetValue<string>();
        _host.Clock.Advance(TimeSpan.FromDays(1));

        using var revoked = await _admin.DeleteAsync("/api/keys/leaver", Web.Cancel);
        using var again = await _admin.DeleteAsync("/api/keys/leaver", Web.Cancel);
        using var refused = await _host.Client(key).GetAsync("/api/schedule", Web.Cancel);

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("leaver", (await again.ProblemAsync())["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using var list = await _admin.GetAsync("/api/keys", Web.Cancel);
        var leaver = (await list.JsonAsync())["keys"]!.AsArray().Single(k => k!["name"]!.GetValue<string>() == "leaver")!;
        Assert.Equal("2023-01-11T09:00:00.000000Z", leaver["revokedAt"]!.GetValue<string>());
        Assert.False(leaver["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_active_name_cannot_be_issued_twice_but_a_revoked_one_can()
    {
        using var first = await _admin.PostAsync("/api/keys", Seeds.Json("""{"name": "desk", "role": "reader"}"""), Web.Cancel);
        using var clash = await _admin.PostAsync("/api/keys", Seeds.Json("""{"name": "desk", "role": "admin"}"""), Web.Cancel);
        using var revoke = await _admin.DeleteAsync("/api/keys/desk", Web.Cancel);
        using var again = await _admin.PostAsync("/api/keys", Seeds.Json("""{"name": "desk", "role": "admin"}"""), Web.Cancel);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Equal("key-name-taken", (await clash.ProblemAsync())["rule"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Theory]
    [InlineData("""{"name": "desk", "role": "owner"}""", "role")]
    [InlineData("""{"name": "desk"}""", "role")]
    [InlineData("""{"name": "has space", "role": "reader"}""", "name")]
    [InlineData("""{"role": "reader"}""", "name")]
    public async Task A_bad_name_or_role_gets_400_naming_the_field(string body, string field)
    {
        using var response = await _admin.PostAsync("/api/keys", Seeds.Json(body), Web.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.ProblemAsync()).Errors(field));
    }

    [Fact]
    public async Task An_unknown_field_gets_400()
    {
        using var response = await _admin.PostAsync("/api/keys", Seeds.Json("""{"name": "desk", "role": "reader", "hash": "abc"}"""), Web.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await response.ProblemAsync();
    }

    [Fact]
    public async Task What_a_key_records_is_recorded_by_its_name()
    {
        using var created = await _admin.PostAsync("/api/keys", Seeds.Json("""{"name": "wire-desk", "role": "editor"}"""), Web.Cancel);
        using var editor = _host.Client((await created.JsonAsync())["key"]!.GetValue<string>());
        await Seeds.PostAllAsync(editor);

        using var audit = await editor.GetAsync("/api/audit?limit=100000", Web.Cancel);

        var recordedBy = (await audit.JsonAsync())["events"]!.AsArray().Select(e => e!["recordedBy"]!.GetValue<string>()).Distinct();
        Assert.Equal(["wire-desk"], recordedBy);
    }
}
