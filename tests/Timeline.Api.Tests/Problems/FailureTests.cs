using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Api.Tests.Hosting;
using Timeline.Core.Index;
using Timeline.Core.Knowledge;
using Timeline.Core.Storage;
using Timeline.Domain.Meetings;

namespace Timeline.Api.Tests.Problems;

/// <summary>When the store fails, clients learn that it did and nothing more: no stack trace, type or path.</summary>
public sealed class FailureTests
{
    [Fact]
    public async Task A_damaged_store_gets_503_and_an_unhealthy_readyz_without_details()
    {
        await using var host = new ApiHost(allowAnonymousRead: true);
        await File.WriteAllTextAsync(host.StorePath, "this is not a SQLite database, it is a shopping list", Web.Cancel);

        using var schedule = await host.Client().GetAsync("/api/schedule", Web.Cancel);
        using var health = await host.Client().GetAsync("/readyz", Web.Cancel);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, schedule.StatusCode);
        var body = await schedule.TextAsync();
        await schedule.ProblemAsync();
        AssertRevealsNothing(body, host.StorePath);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        AssertRevealsNothing(await health.TextAsync(), host.StorePath);
    }

    [Fact]
    public async Task An_unexpected_failure_gets_500_without_its_message_or_stack_even_in_development()
    {
        await using var host = new ApiHost(allowAnonymousRead: true, services: s => s.AddSingleton<IEventStore>(new ExplodingStore()).AddSingleton<IMeetingStateIndex>(new ExplodingStore()));

        using var response = await host.Client().GetAsync("/api/schedule", Web.Cancel);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.TextAsync();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        AssertRevealsNothing(body, ExplodingStore.Secret);
    }

    [Fact]
    public async Task An_unexpected_failure_is_answered_in_json_even_when_the_client_asks_for_html()
    {
        await using var host = new ApiHost(allowAnonymousRead: true, services: s => s.AddSingleton<IEventStore>(new ExplodingStore()).AddSingleton<IMeetingStateIndex>(new ExplodingStore()));
        using var client = host.Client();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        using var response = await client.GetAsync("/api/schedule", Web.Cancel);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        AssertRevealsNothing(await response.TextAsync(), ExplodingStore.Secret);
    }

    private static void AssertRevealsNothing(string body, string secret)
    {
        Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", body, StringComparison.Ordinal);
    }

    private sealed class ExplodingStore : IEventStore, IKeyStore, IMeetingStateIndex
    {
        public const string Secret = "the password is swordfish";

        public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(MeetingId stream, CancellationToken cancellationToken) => throw new InvalidOperationException(Secret);

        public IAsyncEnumerable<StoredEvent> ReadAllAsync(EventQuery query, CancellationToken cancellationToken) => throw new InvalidOperationException(Secret);

        public Task<IReadOnlySet<string>> FindCommandsAsync(IReadOnlyCollection<string> commandIds, CancellationToken cancellationToken) => throw new InvalidOperationException(Secret);

        public Task<StoredEvent?> ReadLastAsync(CancellationToken cancellationToken) => throw new InvalidOperationException(Secret);

        public Task<IReadOnlyList<StoredEvent>> AppendAsync(IReadOnlyList<StreamAppend> appends, string recordedBy, CancellationToken cancellationToken) => throw new InvalidOperationException(Secret);

        public Task<IEventTransaction> BeginTransactionAsync(string recordedBy, CancellationToken cancellationToken) => throw new InvalidOperationException(Secret);

        public Task AddKeyAsync(ApiKey key, CancellationToken cancellationToken) => throw new InvalidOperationException(Secret);

        public Task<IReadOnlyList<MeetingSnapshot>> ReadStatesAsync(StateQuery query, CancellationToken cancellationToken) => throw new InvalidOperationException(Secret);

        public Task<IReadOnlyList<ReportDay>> ReadReportDaysAsync(Cutoff? recordedAsOf, CancellationToken cancellationToken) => throw new InvalidOperationException(Secret);

        public Task<IndexRebuild> RebuildIndexAsync(CancellationToken cancellationToken) => throw new InvalidOperationException(Secret);

        public Task<IReadOnlyList<ApiKey>> ListKeysAsync(CancellationToken cancellationToken) => throw new InvalidOperationException(Secret);

        public Task<ApiKey?> FindActiveKeyAsync(string hash, CancellationToken cancellationToken) => throw new InvalidOperationException(Secret);

        public Task<bool> RevokeKeyAsync(string name, DateTimeOffset revokedAt, CancellationToken cancellationToken) => throw new InvalidOperationException(Secret);
    }
}
