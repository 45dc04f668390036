using Polly;
using Polly.Retry;
using Timeline.Core.Storage;

namespace Timeline.Core.Commands.ApplyCommands;

/// <summary>
/// How the command loop tries again after losing a race (<see cref="WriteConflict"/>): up to 12 more attempts, with
/// exponential pauses from about 5 ms, capped at 200 ms and jittered, so writers that collided do not collide again in
/// step. Twenty writers on one meeting at once all get through well within the budget: each round has a winner.
/// </summary>
/// <remarks>
/// The pauses are real time (Polly's default, <see cref="TimeProvider.System"/>), not the injected clock: they only
/// pace the retries and never decide what is recorded, and a fake clock in a test would otherwise stop them for good.
/// </remarks>
internal static class WriteRetry
{
    public const int MaxRetries = 12;

    public static readonly ResiliencePipeline Pipeline = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<WriteConflict>(),
            MaxRetryAttempts = MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(5),
            MaxDelay = TimeSpan.FromMilliseconds(200),
        })
        .Build();
}
