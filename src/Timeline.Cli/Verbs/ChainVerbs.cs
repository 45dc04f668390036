using System.CommandLine;
using Spectre.Console;
using Timeline.Cli.Output;
using Timeline.Core.Chain;

namespace Timeline.Cli.Verbs;

/// <summary><c>digest</c> and <c>verify</c>: the hash chain that makes the log tamper-evident.</summary>
internal static class ChainVerbs
{
    public static Command Digest(CliEnvironment environment)
    {
        var command = new Command("digest", "Print the head of the hash chain, HASH@SEQ, to keep somewhere else for 'timeline verify --digest'");
        return command.Answers(environment, _ => new GetDigest(), (console, digest) => console.WriteLine(digest.Digest));
    }

    public static Command Verify(CliEnvironment environment)
    {
        var digest = new Option<string?>("--digest") { Description = "HASH@SEQ as 'timeline digest' printed it earlier: also prove that the log still extends it" };
        var command = new Command("verify", "Check every event's hash and the chain; exit 5 naming the first altered event") { digest };
        command.SetAction((parse, cancellationToken) => TimelineCli.Execute(environment, parse, async (session, ct) =>
        {
            var verdict = await session.Mediator.Send(new VerifyChain(parse.GetValue(digest)), ct);
            if (session.Screen.Format == OutputFormat.Json)
            {
                session.Screen.Json(verdict);
            }
            else if (verdict.FirstBad is { } bad)
            {
                // Plain lines, not the console's, which would wrap a long problem mid-sentence.
                await environment.Out.WriteLineAsync($"altered: the event at sequence {bad.Sequence}: {bad.Problem}");
                await environment.Out.WriteLineAsync($"{verdict.Checked} event(s) before it checked out.");
            }
            else
            {
                await environment.Out.WriteLineAsync($"ok: {verdict.Checked} event(s) checked; every hash matches and the chain is whole"
                    + (parse.GetValue(digest) is { } given ? $", and it extends {given}" : string.Empty) + ".");
            }
            return verdict.Ok ? ExitCodes.Success : ExitCodes.Altered;
        }, cancellationToken));
        return command;
    }
}
