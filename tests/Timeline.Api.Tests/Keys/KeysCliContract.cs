using System.Net;
using System.Text.Json.Nodes;
using Timeline.Api.Keys;
using Timeline.Api.Tests.Hosting;
using Timeline.Api.Tests.Stores;

namespace Timeline.Api.Tests.Keys;

/// <summary><c>timeline keys</c> on the store the API serves. Each test has its own new, empty store.</summary>
public abstract class KeysCliContract(ApiStores stores) : ApiContract<ApiHost>(stores)
{
    protected override bool SharesHost => false;

    protected override Task<ApiHost> PrepareAsync(ApiHost host) => Task.FromResult(host);

    [Fact]
    public async Task A_key_created_on_the_command_line_is_printed_once_and_opens_the_api()
    {
        var created = await Host.CliAsync("keys", "create", "--name", "ops", "--role", "admin");

        Assert.Equal(0, created.ExitCode);
        var key = Assert.Single(created.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("tl_", key, StringComparison.Ordinal);
        Assert.Contains("only this once", created.Error, StringComparison.Ordinal);
        using var response = await Host.Client(key).GetAsync("/api/keys", Web.Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Keys_list_shows_names_roles_and_times_but_never_a_secret()
    {
        var key = (await Host.CliAsync("keys", "create", "--name", "ops", "--role", "admin")).Out.Trim();
        await Host.CliAsync("keys", "create", "--name", "intern", "--role", "reader");
        Host.Clock.Advance(TimeSpan.FromHours(1));
        await Host.CliAsync("keys", "revoke", "intern");

        var json = await Host.CliAsync("keys", "list", "--format", "json");
        var table = await Host.CliAsync("keys", "list");

        Assert.Equal(0, json.ExitCode);
        var keys = JsonNode.Parse(json.Out)!["keys"]!.AsArray();
        Assert.Equal(["ops", "intern"], keys.Select(k => k!["name"]!.GetValue<string>()));
        Assert.Equal("2023-01-10T09:00:00.000000Z", keys[0]!["createdAt"]!.GetValue<string>());
        Assert.Equal("cli-user", keys[0]!["createdBy"]!.GetValue<string>());
        Assert.Null(keys[0]!["revokedAt"]);
        Assert.Equal("2023-01-10T10:00:00.000000Z", keys[1]!["revokedAt"]!.GetValue<string>());
        foreach (var output in new[] { json.Out, table.Out })
        {
            Assert.DoesNotContain(key, output, StringComparison.Ordinal);
            Assert.DoesNotContain(KeySecrets.Hash(key), output, StringComparison.Ordinal);
        }
        Assert.Contains("intern", table.Out, StringComparison.Ordinal);
        Assert.Contains("active", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_revoked_on_the_command_line_gets_401_and_a_second_revoke_is_an_error()
    {
        var key = (await Host.CliAsync("keys", "create", "--name", "ops", "--role", "editor")).Out.Trim();

        var revoked = await Host.CliAsync("keys", "revoke", "ops");
        var again = await Host.CliAsync("keys", "revoke", "ops");
        using var response = await Host.Client(key).GetAsync("/api/schedule", Web.Cancel);

        Assert.Equal(0, revoked.ExitCode);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("no active key is named 'ops'", again.Error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_taken_name_is_rejected_with_exit_3_and_a_bad_role_with_exit_2()
    {
        await Host.CliAsync("keys", "create", "--name", "ops", "--role", "editor");

        var taken = await Host.CliAsync("keys", "create", "--name", "ops", "--role", "admin");
        var badRole = await Host.CliAsync("keys", "create", "--name", "other", "--role", "superuser");
        var badName = await Host.CliAsync("keys", "create", "--name", "no spaces please", "--role", "reader");

        Assert.Equal(3, taken.ExitCode);
        Assert.Contains("key-name-taken", taken.Error, StringComparison.Ordinal);
        Assert.Equal(2, badRole.ExitCode);
        Assert.Equal(2, badName.ExitCode);
        Assert.Contains("name", badName.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_made_over_the_api_is_listed_by_the_cli()
    {
        var admin = (await Host.CliAsync("keys", "create", "--name", "ops", "--role", "admin")).Out.Trim();
        using var created = await Host.Client(admin).PostAsync("/api/keys", Seeds.Json("""{"name": "from-api", "role": "editor"}"""), Web.Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var list = await Host.CliAsync("keys", "list", "--format", "json");

        var made = JsonNode.Parse(list.Out)!["keys"]!.AsArray().Single(k => k!["name"]!.GetValue<string>() == "from-api")!;
        Assert.Equal("editor", made["role"]!.GetValue<string>());
        Assert.Equal("ops", made["createdBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task Keys_list_and_get_api_keys_answer_with_the_same_bytes()
    {
        var admin = (await Host.CliAsync("keys", "create", "--name", "ops", "--role", "admin")).Out.Trim();
        await Host.CliAsync("keys", "create", "--name", "intern", "--role", "reader");
        await Host.CliAsync("keys", "revoke", "intern");

        var cli = await Host.CliAsync("keys", "list", "--format", "json");
        using var api = await Host.Client(admin).GetAsync("/api/keys", Web.Cancel);

        Assert.Equal(cli.Out, await api.TextAsync());
    }
}
