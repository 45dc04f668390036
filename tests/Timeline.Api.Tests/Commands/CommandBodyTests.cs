using System.Net;
using System.Text;
using Timeline.Api.Tests.Hosting;

namespace Timeline.Api.Tests.Commands;

/// <summary>
/// <c>POST /api/commands</c> takes the commands as NDJSON, YAML or plain text too, read as <c>timeline import</c> reads a
/// file (docs/contract.md#command-files): the page's "paste commands" box posts what was pasted as it is. Reading the
/// body happens before any store is touched, so one store is enough here.
/// </summary>
public sealed class CommandBodyTests
{
    private const string Yaml = """
        - command: AnnounceMeeting
          meetingId: lavrov-wang-2023
          reportedAt: 2023-01-05
          title: Lavrov and Wang Yi
          kind: bilateral
          dates: 2023-02
        - command: ConfirmAttendance
          meetingId: lavrov-wang-2023
          reportedAt: 2023-01-06
          participant: Wang Yi
        """;

    private const string Ndjson = """
        {"command": "AnnounceMeeting", "meetingId": "lavrov-wang-2023", "reportedAt": "2023-01-05", "title": "Lavrov and Wang Yi", "kind": "bilateral", "dates": "2023-02"}

        {"command": "ConfirmAttendance", "meetingId": "lavrov-wang-2023", "reportedAt": "2023-01-06", "participant": "Wang Yi"}
        """;

    [Theory]
    [InlineData(Yaml, "application/yaml")]
    [InlineData(Yaml, "text/plain")]
    [InlineData(Ndjson, "application/x-ndjson")]
    [InlineData(Ndjson, "text/plain")]
    public async Task Yaml_and_ndjson_bodies_are_applied_like_a_json_array(string body, string mediaType)
    {
        await using var host = new ApiHost();
        using var client = host.Client(await host.KeyAsync("ana", "editor"));

        using var response = await client.PostAsync("/api/commands", new StringContent(body, Encoding.UTF8, mediaType), Web.Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.JsonAsync();
        Assert.Equal(2, report["applied"]!.GetValue<int>());
        Assert.Equal(2, report["streamVersions"]!["lavrov-wang-2023"]!.GetValue<long>());
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task A_bad_field_in_yaml_is_named_by_the_commands_index_and_nothing_is_written()
    {
        await using var host = new ApiHost();
        using var client = host.Client(await host.KeyAsync("ana", "editor"));

        using var response = await client.PostAsync("/api/commands",
            new StringContent(Yaml.Replace("dates: 2023-02", "dates: 2023-02-30", StringComparison.Ordinal), Encoding.UTF8, "application/yaml"), Web.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.StartsWith("'2023-02-30' is not an EDTF date", problem["errors"]!["0.dates"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await client.AuditCountAsync());
    }

    [Fact]
    public async Task Yaml_that_cannot_be_read_is_a_400_that_says_why()
    {
        await using var host = new ApiHost();
        using var client = host.Client(await host.KeyAsync("ana", "editor"));

        using var response = await client.PostAsync("/api/commands",
            new StringContent("- &a {command: CancelMeeting}\n- *a\n", Encoding.UTF8, "text/plain"), Web.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Contains("alias", problem["errors"]!["body"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_of_another_type_gets_415_naming_the_types_taken()
    {
        await using var host = new ApiHost();
        using var client = host.Client(await host.KeyAsync("ana", "editor"));

        using var response = await client.PostAsync("/api/commands", new StringContent("<commands/>", Encoding.UTF8, "application/xml"), Web.Cancel);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/yaml", (await response.ProblemAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
