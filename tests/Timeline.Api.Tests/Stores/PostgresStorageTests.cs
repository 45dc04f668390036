using System.Net;
using Timeline.Api.Tests.Hosting;

namespace Timeline.Api.Tests.Stores;

/// <summary>
/// On PostgreSQL the API answers with what the database holds, looked at past the store in Marten's tables (schema
/// <c>timeline</c>): the suites of <see cref="OnPostgres"/> really ran there.
/// </summary>
public sealed class PostgresStorageTests(PostgresApiStores stores) : IClassFixture<PostgresApiStores>
{
    [Fact]
    public async Task The_seeds_posted_are_the_events_in_PostgreSQL()
    {
        var (host, reader) = await stores.SharedAsync(Seeds.SeededReaderAsync);

        using var response = await reader.GetAsync("/api/audit?limit=100000", Web.Cancel);
        var events = (await response.JsonAsync())["events"]!.AsArray();
        var stored = await stores.ScalarAsync<long>(host, "select count(*) from timeline.mt_events");

        Assert.StartsWith("postgres://", host.Store, StringComparison.Ordinal);
        Assert.NotEmpty(events);
        Assert.Equal(stored, events.Count);
    }

    [Fact]
    public async Task A_meetings_etag_today_is_its_stream_version_in_PostgreSQL()
    {
        var (host, reader) = await stores.SharedAsync(Seeds.SeededReaderAsync);

        using var response = await reader.GetAsync("/api/meetings/g20-2022", Web.Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var version = await stores.ScalarAsync<long>(host, "select version from timeline.mt_streams where id = 'g20-2022'");
        Assert.True(version > 1, $"g20-2022 is at version {version}");
        Assert.Equal($"\"{version}\"", response.Headers.ETag!.Tag);
        Assert.Equal(version, (await response.JsonAsync())["version"]!.GetValue<long>());
    }
}
