using System.Text.Json;
using Timeline.Api.Http;
using Timeline.Api.Problems;
using Timeline.Core.Commands;
using Timeline.Core.Commands.ApplyCommands;
using Timeline.Domain.Dates;

namespace Timeline.Api.Commands;

/// <summary>
/// Turns the body of <c>POST /api/commands</c> into the same <see cref="SubmittedCommand"/> list an import makes: one
/// command object or an array of them, each read by <see cref="CommandCatalog.Read"/> with the origin
/// <c>request[index]</c>.
/// </summary>
internal static class CommandRequest
{
    public const string Origin = "request";

    /// <param name="body">The parsed body.</param>
    /// <param name="maxCommands">More commands than this get 413.</param>
    /// <param name="now">Stands in for a missing reportedAt (live entry), read once for the whole request.</param>
    /// <param name="ifMatch">The <c>If-Match</c> header: the expected version of the one meeting the request is about.</param>
    /// <exception cref="InputRejected">A command is malformed; every problem is listed.</exception>
    public static IReadOnlyList<SubmittedCommand> Read(JsonElement body, int maxCommands, DateTimeOffset now, string? ifMatch)
    {
        var elements = body.ValueKind == JsonValueKind.Array ? [.. body.EnumerateArray()] : new List<JsonElement> { body };
        if (elements.Count > maxCommands)
        {
            throw ApiProblem.TooLarge($"the request holds {elements.Count} commands; at most {maxCommands} are accepted at once, so split it");
        }

        var live = ReportedAt.FromInstant(now).Text;
        var errors = new List<InputError>();
        var commands = new List<SubmittedCommand>(elements.Count);
        for (var i = 0; i < elements.Count; i++)
        {
            var origin = new CommandOrigin(Origin, i);
            if (CommandCatalog.Read(elements[i], origin, errors) is { } input)
            {
                commands.Add(new SubmittedCommand(input.ReportedAt is null ? input with { ReportedAt = live } : input, origin));
            }
        }
        if (errors.Count > 0)
        {
            throw new InputRejected(errors);
        }
        return ExpectVersion(commands, ETags.ExpectedVersion(ifMatch));
    }

    /// <summary>
    /// Puts the <c>If-Match</c> version on the first command, where the command loop checks it against the stream as
    /// read; later commands of the same meeting follow on from it.
    /// </summary>
    private static List<SubmittedCommand> ExpectVersion(List<SubmittedCommand> commands, long? expected)
    {
        if (expected is not { } version || commands.Count == 0)
        {
            return commands;
        }
        var meetings = commands.Select(c => c.Input.MeetingId).Distinct(StringComparer.Ordinal).ToList();
        if (meetings.Count > 1)
        {
            throw ApiProblem.BadRequest(
                $"If-Match names the version of one meeting, but this request is about {meetings.Count} ({string.Join(", ", meetings)}); send one meeting per request");
        }
        var first = commands[0];
        if (first.Input.ExpectedVersion is { } given && given != version)
        {
            throw ApiProblem.BadRequest($"If-Match says version {version} but the first command's expectedVersion says {given}; give one of them");
        }
        commands[0] = first with { Input = first.Input with { ExpectedVersion = version } };
        return commands;
    }
}
