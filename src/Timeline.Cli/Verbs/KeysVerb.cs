using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Timeline.Api.Keys;
using Timeline.Cli.Output;
using Timeline.Core.Storage;

namespace Timeline.Cli.Verbs;

/// <summary><c>timeline keys create|list|revoke</c>: API keys, kept (hashed) in the selected store.</summary>
internal static class KeysVerb
{
    public static Command Create(CliEnvironment environment)
    {
        var keys = new Command("keys", "API keys for 'timeline serve': create, list and revoke them. Only a key's hash is stored");
        keys.Subcommands.Add(CreateKey(environment));
        keys.Subcommands.Add(ListKeys(environment));
        keys.Subcommands.Add(RevokeKey(environment));
        return keys;
    }

    private static Command CreateKey(CliEnvironment environment)
    {
        var name = new Option<string>("--name") { Description = "The key's name; it becomes recordedBy for what the key records", Required = true };
        var role = new Option<string>("--role") { Description = "reader (reads), editor (reads and posts commands) or admin (everything)", Required = true };
        role.AcceptOnlyFromAmong(KeyRoles.Reader, KeyRoles.Editor, KeyRoles.Admin);
        var command = new Command("create", "Create a key and print it once; it cannot be shown again") { name, role };
        command.SetAction((parse, cancellationToken) => TimelineCli.Execute(environment, parse, async (session, ct) =>
        {
            var issued = await Ring(session).IssueAsync(parse.GetValue(name), parse.GetValue(role), environment.User, ct);
            if (session.Screen.Format == OutputFormat.Json)
            {
                session.Screen.Json(issued);
            }
            else
            {
                // The key alone on standard output, so KEY=$(timeline keys create …) works; the words go to standard error.
                await environment.Out.WriteLineAsync(issued.Key);
                await environment.Error.WriteLineAsync(
                    $"Created the {issued.Role} key '{issued.Name}' in {session.Location}. It is shown only this once; send it as 'Authorization: Bearer <key>'.");
            }
            return ExitCodes.Success;
        }, cancellationToken, storeMustExist: false));
        return command;
    }

    private static Command ListKeys(CliEnvironment environment)
    {
        var command = new Command("list", "Every key with its role, when and by whom it was created, and whether it is revoked");
        command.SetAction((parse, cancellationToken) => TimelineCli.Execute(environment, parse, async (session, ct) =>
        {
            var list = await Ring(session).ListAsync(ct);
            if (session.Screen.Format == OutputFormat.Json)
            {
                session.Screen.Json(list);
                return ExitCodes.Success;
            }
            if (list.Keys.Count == 0)
            {
                session.Screen.Console.WriteLine("No keys yet; create one with 'timeline keys create --name NAME --role admin'.");
                return ExitCodes.Success;
            }
            var table = new Table().Border(TableBorder.Rounded);
            table.AddColumns("Name", "Role", "Created", "Created by", "Revoked");
            foreach (var key in list.Keys)
            {
                table.AddRow(
                    Markup.Escape(key.Name),
                    key.Role,
                    Markup.Escape(key.CreatedAt),
                    Markup.Escape(key.CreatedBy),
                    key.RevokedAt is null ? "[green]active[/]" : Markup.Escape(key.RevokedAt));
            }
            session.Screen.Console.Write(table);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command RevokeKey(CliEnvironment environment)
    {
        var name = new Argument<string>("name") { Description = "The name of the active key to revoke" };
        var command = new Command("revoke", "Revoke a key: from now on it gets 401") { name };
        command.SetAction((parse, cancellationToken) => TimelineCli.Execute(environment, parse, async (session, ct) =>
        {
            var keyName = parse.GetValue(name)!;
            if (!await Ring(session).RevokeAsync(keyName, ct))
            {
                throw new UsageProblem($"no active key is named '{keyName}'; see 'timeline keys list'");
            }
            await environment.Out.WriteLineAsync($"Revoked the key '{keyName}'.");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static KeyRing Ring(Session session) =>
        new(session.Services.GetRequiredService<IKeyStore>(), session.Services.GetRequiredService<TimeProvider>());
}
