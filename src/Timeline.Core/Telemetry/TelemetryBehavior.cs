using System.Diagnostics;
using Mediator;
using Timeline.Core.Commands;
using Timeline.Core.Commands.ApplyCommands;
using Timeline.Core.Storage;

namespace Timeline.Core.Telemetry;

/// <summary>
/// Measures every request where every entry point sends it (the CLI and the API alike): an activity named after the
/// request, its duration by outcome, and for command batches the commands applied, rejected and in conflict.
/// Outermost in the pipeline, so that bad input caught by the validation behaviour counts too.
/// </summary>
public sealed class TelemetryBehavior<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly string RequestName = typeof(TMessage).Name;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        using var activity = TimelineTelemetry.Source.StartActivity(RequestName);
        var started = Stopwatch.GetTimestamp();
        var outcome = "error";
        try
        {
            var response = await next(message, cancellationToken);
            outcome = "ok";
            if (response is ApplyReport report)
            {
                foreach (var applied in report.Outcomes.Where(o => o.Result == "applied"))
                {
                    TimelineTelemetry.Applied.Add(1, new KeyValuePair<string, object?>("command", applied.Command));
                }
                activity?.SetTag("timeline.events_appended", report.EventsAppended);
            }
            return response;
        }
        catch (InputRejected rejected)
        {
            outcome = "bad-input";
            foreach (var command in rejected.Errors.GroupBy(e => e.Origin))
            {
                Reject(command.First().Command ?? "unknown", "bad-input");
            }
            throw;
        }
        catch (CommandRejected rejected)
        {
            outcome = "rejected";
            Reject(rejected.Command, rejected.Rule);
            if (rejected.Rule is "expected-version" or "write-conflict")
            {
                TimelineTelemetry.Conflicts.Add(1, new KeyValuePair<string, object?>("command", rejected.Command), new KeyValuePair<string, object?>("rule", rejected.Rule));
            }
            activity?.SetTag("timeline.rule", rejected.Rule);
            throw;
        }
        catch (StoreUnavailable)
        {
            outcome = "unavailable";
            throw;
        }
        catch (OperationCanceledException)
        {
            outcome = "cancelled";
            throw;
        }
        catch (Knowledge.MeetingNotFound)
        {
            outcome = "not-found";
            throw;
        }
        finally
        {
            activity?.SetTag("timeline.outcome", outcome);
            if (outcome is not ("ok" or "bad-input" or "rejected" or "not-found"))
            {
                activity?.SetStatus(ActivityStatusCode.Error, outcome);
            }
            TimelineTelemetry.Duration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("request", RequestName),
                new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    private static void Reject(string command, string rule) =>
        TimelineTelemetry.Rejected.Add(1, new KeyValuePair<string, object?>("command", command), new KeyValuePair<string, object?>("rule", rule));
}
