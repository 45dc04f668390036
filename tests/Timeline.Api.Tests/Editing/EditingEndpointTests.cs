using System.Net;
using Timeline.Api.Tests.Hosting;

namespace Timeline.Api.Tests.Editing;

/// <summary>
/// What the page's editor asks the server: <c>GET /api/me</c> (which key, which role) and <c>GET /api/dates</c> (how meeting
/// dates are read). Neither reads events, so one store is enough; both are in the role matrix of both stores.
/// </summary>
public sealed class EditingEndpointTests
{
    [Theory]
    [InlineData("ana", "editor")]
    [InlineData("bo", "reader")]
    [InlineData("cy", "admin")]
    public async Task Me_names_the_key_and_its_role(string name, string role)
    {
        await using var host = new ApiHost();
        var key = await host.KeyAsync(name, role);

        using var response = await host.Client(key).GetAsync("/api/me", Web.Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($$"""
            {
              "name": "{{name}}",
              "role": "{{role}}"
            }

            """, await response.TextAsync());
    }

    [Fact]
    public async Task Me_without_a_key_on_an_open_server_names_nobody()
    {
        await using var host = new ApiHost(allowAnonymousRead: true);

        var me = await (await host.Client().GetAsync("/api/me", Web.Cancel)).JsonAsync();

        Assert.Null(me["name"]);
        Assert.Null(me["role"]);
    }

    [Theory]
    [InlineData("2022-11-15/2022-11-16", "2022-11-15", "2022-11-16")]
    [InlineData("2022-11", "2022-11-01", "2022-11-30")]
    [InlineData("2024-02?", "2024-02-01", "2024-02-29")]
    [InlineData("2022~/2023-01", "2022-01-01", "2023-01-31")]
    public async Task Dates_are_read_as_the_commands_read_them(string value, string earliest, string latest)
    {
        await using var host = new ApiHost(allowAnonymousRead: true);

        using var response = await host.Client().GetAsync($"/api/dates?value={Uri.EscapeDataString(value)}", Web.Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reading = await response.JsonAsync();
        Assert.Equal(value, reading["value"]!.GetValue<string>());
        Assert.Equal(earliest, reading["earliest"]!.GetValue<string>());
        Assert.Equal(latest, reading["latest"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("2023-02-29", "'2023-02-29' is not an EDTF date")]
    [InlineData("2022-11-16/2022-11-15", "'2022-11-16/2022-11-15' ends before it starts")]
    [InlineData("", "an EDTF date is required")]
    public async Task Dates_that_cannot_be_read_get_400_with_the_same_message_a_command_gets(string value, string message)
    {
        await using var host = new ApiHost(allowAnonymousRead: true);

        using var response = await host.Client().GetAsync($"/api/dates?value={Uri.EscapeDataString(value)}", Web.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.StartsWith(message, problem["errors"]!["value"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
