using System.CommandLine;
using Timeline.Cli.Output;
using Timeline.Core.Feed;

namespace Timeline.Cli.Verbs;

/// <summary><c>timeline watch</c>: follows the log, printing each event as it lands, until Ctrl+C (docs/contract.md#timeline-watch).</summary>
internal static class WatchVerb
{
    /// <summary>How often to look for events recorded by other processes.</summary>
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(1);

    public static Command Create(CliEnvironment environment)
    {
        var after = new Option<long?>("--after") { Description = "First print the events after this sequence number (0: the whole log); without it, only events recorded from now on" };
        var meeting = new Option<string?>("--meeting") { Description = "Only this meeting's events" };
        var participant = new Option<string?>("--participant") { Description = "Only events of meetings that name this person (case-insensitive), from the first that names them" };
        var command = new Command("watch", "Follow the log: print each new event as it is recorded, until Ctrl+C") { after, meeting, participant };
        command.SetAction((parse, cancellationToken) => TimelineCli.Execute(environment, parse, async (session, ct) =>
        {
            var feed = await session.Mediator.Send(new FollowLog(parse.GetValue(after), parse.GetValue(meeting), parse.GetValue(participant)), ct);
            await environment.Error.WriteLineAsync($"Watching {session.Location} for events after #{feed.After}; press Ctrl+C to stop.");
            await environment.Error.FlushAsync(ct);
            try
            {
                await foreach (var followed in feed.FollowAsync(PollEvery, ct))
                {
                    if (session.Screen.Format == OutputFormat.Json)
                    {
                        await environment.Out.WriteLineAsync(FeedLine.Of(followed.Entry));
                    }
                    else
                    {
                        Tables.Followed(session.Screen.Console, followed.Entry);
                    }
                    await environment.Out.FlushAsync(ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Ctrl+C is how watching ends.
            }
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
