using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Api;
using Timeline.Core.Storage;

namespace Timeline.Cli.Verbs;

/// <summary><c>timeline serve</c>: the HTTP API on the selected store, until Ctrl+C.</summary>
internal static class ServeVerb
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static Command Create(CliEnvironment environment)
    {
        var urls = new Option<string>("--urls")
        {
            Description = $"Where to listen; several are separated by ';'. Default: {DefaultUrls}",
            DefaultValueFactory = _ => DefaultUrls,
        };
        var anonymousRead = new Option<bool>("--allow-anonymous-read")
        {
            Description = "Let requests without a key read (GET); posting commands and managing keys still need one",
        };
        var trustedProxies = new Option<string?>("--trusted-proxies")
        {
            Description = "IP addresses (separated by ',') of the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed; none by default",
        };
        var command = new Command("serve", "Serve the HTTP API, the calendar feed and the web page on the selected store") { urls, anonymousRead, trustedProxies };
        command.SetAction((parse, cancellationToken) => TimelineCli.Execute(environment, parse, async (session, ct) =>
        {
            var store = session.Services.GetRequiredService<IStore>();
            var options = new ApiOptions { Urls = parse.GetValue(urls), AllowAnonymousRead = parse.GetValue(anonymousRead), TrustedProxies = parse.GetValue(trustedProxies) };
            if (!TimelineApi.TryTrustedProxies(options.TrustedProxies, out var notAnAddress))
            {
                throw new UsageProblem($"--trusted-proxies: {notAnAddress}");
            }
            await environment.Out.WriteLineAsync($"Serving {session.Location}{(options.AllowAnonymousRead ? ", reads open to anyone" : string.Empty)}.");
            if (!options.AllowAnonymousRead && (await store.ListKeysAsync(ct)).All(k => !k.IsActive))
            {
                await environment.Error.WriteLineAsync(
                    "note: this store has no active API keys, so every /api request will be refused; create one with " +
                    "'timeline keys create --name NAME --role admin', or serve with --allow-anonymous-read");
            }
            await TimelineApi.RunAsync(options, _ => store, environment.Clock, environment.Out, ct);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
