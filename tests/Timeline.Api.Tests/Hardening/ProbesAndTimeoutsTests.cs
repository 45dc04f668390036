using System.Net;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Api.Tests.Hosting;
using Timeline.Core.Index;
using Timeline.Core.Storage;

namespace Timeline.Api.Tests.Hardening;

/// <summary>Liveness apart from readiness, and requests that cannot run forever.</summary>
public sealed class ProbesAndTimeoutsTests
{
    [Fact]
    public async Task Healthz_and_readyz_answer_200_while_the_store_answers()
    {
        await using var host = new ApiHost();

        using var live = await host.Client().GetAsync("/healthz", Web.Cancel);
        using var ready = await host.Client().GetAsync("/readyz", Web.Cancel);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.TextAsync());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.TextAsync());
    }

    [Fact]
    public async Task When_the_store_is_damaged_readyz_is_503_but_the_server_is_still_live()
    {
        await using var host = new ApiHost();
        await File.WriteAllTextAsync(host.StorePath, "this is not a SQLite database", Web.Cancel);

        using var live = await host.Client().GetAsync("/healthz", Web.Cancel);
        using var ready = await host.Client().GetAsync("/readyz", Web.Cancel);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.TextAsync());
    }

    [Fact]
    public async Task A_request_that_runs_past_the_timeout_is_cancelled_and_answered_504()
    {
        await using var host = new ApiHost(
            allowAnonymousRead: true,
            services: s => HangingReads.Register(s),
            options: o => o.RequestTimeoutSeconds = 1);

        using var response = await host.Client().GetAsync("/api/schedule", Web.Cancel);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        await response.ProblemAsync();
    }

    /// <summary>
    /// A store whose reads, of the log or of the as-of index, wait until they are cancelled; every other member fails
    /// the test.
    /// </summary>
    public class HangingReads : DispatchProxy
    {
        /// <summary>Puts one hanging store in place of both ports a read goes through.</summary>
        public static void Register(IServiceCollection services)
        {
            var store = Create<IStore, HangingReads>();
            services.AddSingleton<IEventStore>(store).AddSingleton<IMeetingStateIndex>(store);
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
        {
            nameof(IEventStore.ReadAllAsync) => Hang<StoredEvent>(args!.OfType<CancellationToken>().Single()),
            nameof(IMeetingStateIndex.ReadStatesAsync) => HangStates(args!.OfType<CancellationToken>().Single()),
            nameof(IMeetingStateIndex.StreamStatesAsync) => Hang<MeetingSnapshot>(args!.OfType<CancellationToken>().Single()),
            _ => throw new InvalidOperationException($"{targetMethod?.Name} was not expected"),
        };

        private static async IAsyncEnumerable<T> Hang<T>([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            yield break;
        }

        private static async Task<IReadOnlyList<MeetingSnapshot>> HangStates(CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return [];
        }
    }
}
