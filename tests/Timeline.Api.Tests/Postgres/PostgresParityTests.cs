using System.Net;
using System.Text.Json.Nodes;
using Timeline.Api.Tests.Hosting;
using Timeline.Api.Tests.Parity;
using Timeline.Store.Selection;

namespace Timeline.Api.Tests.Postgres;

/// <summary>
/// <see cref="CliParityTests"/> on PostgreSQL: the seeds go in through POST; then each GET answers with exactly the
/// bytes <c>timeline … --format json</c> prints for the same query on the same PostgreSQL database, with the host's
/// fake clock.
/// </summary>
public sealed class PostgresParityTests(SeededPostgres seeded) : IClassFixture<SeededPostgres>
{
    public static TheoryData<string, string[]> Queries() => CliParityTests.Queries();

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task The_api_answers_with_the_bytes_the_cli_prints(string path, string[] cli)
    {
        var host = await seeded.HostAsync();

        using var response = await seeded.Reader.GetAsync(path, Web.Cancel);
        var run = await host.CliAsync([.. cli, "--format", "json"]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(run.Out, await response.TextAsync());
    }

    [Fact]
    public async Task The_seeds_are_in_PostgreSQL_and_the_answers_compared_are_not_empty()
    {
        var host = await seeded.HostAsync();

        using var response = await seeded.Reader.GetAsync("/api/audit?limit=100000", Web.Cancel);
        var events = (await response.JsonAsync())["events"]!.AsArray();
        var stored = await seeded.Store.ScalarAsync<long>("select count(*) from timeline.mt_events");

        Assert.Equal(StoreKind.Postgres, host.Location.Kind);
        Assert.StartsWith("postgres://", host.Store, StringComparison.Ordinal);
        Assert.NotEmpty(events);
        Assert.Equal(stored, events.Count);
        Assert.All(events, e => Assert.Equal("seed-editor", e!["recordedBy"]!.GetValue<string>()));
        Assert.Equal(Enumerable.Range(1, events.Count), events.Select(e => e!["sequence"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_meeting_as_of_a_day_is_its_entry_in_the_cli_schedule_with_that_version_as_etag()
    {
        var host = await seeded.HostAsync();

        using var response = await seeded.Reader.GetAsync("/api/meetings/g20-2022?asOf=2022-09-10", Web.Cancel);
        var run = await host.CliAsync("schedule", "--as-of", "2022-09-10", "--format", "json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fromCli = JsonNode.Parse(run.Out)!["meetings"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == "g20-2022");
        var meeting = await response.JsonAsync();
        Assert.True(JsonNode.DeepEquals(fromCli, meeting), await response.TextAsync());
        Assert.Equal($"\"{meeting["version"]}\"", response.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task A_meetings_etag_today_is_its_stream_version_in_PostgreSQL()
    {
        await seeded.HostAsync();

        using var response = await seeded.Reader.GetAsync("/api/meetings/g20-2022", Web.Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var version = await seeded.Store.ScalarAsync<long>("select version from timeline.mt_streams where id = 'g20-2022'");
        Assert.True(version > 1, $"g20-2022 is at version {version}");
        Assert.Equal($"\"{version}\"", response.Headers.ETag!.Tag);
        Assert.Equal(version, (await response.JsonAsync())["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task Healthz_answers_200_without_a_key()
    {
        var host = await seeded.HostAsync();

        using var response = await host.Client().GetAsync("/healthz", Web.Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
