using Polly;
using Polly.Retry;
using Timeline.Core.Storage;
using Timeline.Core.Telemetry;

namespace Timeline.Core.Commands.ApplyCommands;

/// <summary>
/// How the command loop tries again after losing a race (<see cref="WriteConflict"/>): up to 20 more attempts, with
/// exponential pauses from about 10 ms, capped at 1 s and jittered, so writers that collided do not collide again in
/// step. Each round has a winner, and the growing pauses spread the losers out until their reads and appends no longer
/// overlap, even where a read and an append take tens of milliseconds (PostgreSQL on a busy machine): twenty writers
/// on one meeting at once all get through. The worst case, a writer that loses every round, gives up after about 15 s.
/// </summary>
/// <remarks>
/// The pauses are real time (Polly's default, <see cref="TimeProvider.System"/>), not the injected clock: they only
/// pace the retries and never decide what is recorded, and a fake clock in a test would otherwise stop them for good.
/// </remarks>
internal static class WriteRetry
{
    public const int MaxRetries = 20;

    public static readonly ResiliencePipeline Pipeline = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<WriteConflict>(),
            MaxRetryAttempts = MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(10),
            MaxDelay = TimeSpan.FromSeconds(1),
            OnRetry = _ =>
            {
                TimelineTelemetry.Retried.Add(1);
                return ValueTask.CompletedTask;
            },
        })
        .Build();
}
