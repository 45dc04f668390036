using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Timeline.Core.Commands;
using Timeline.Core.Commands.ApplyCommands;
using Timeline.Core.Validation;

namespace Timeline.Core.Tests.Commands;

/// <summary>Reads commands the way import and the API do, and runs them through the one validation behaviour.</summary>
internal static class Submitting
{
    /// <summary>Now, for every shape check in these tests.</summary>
    public static readonly DateTimeOffset Now = new(2023, 1, 15, 12, 0, 0, TimeSpan.Zero);

    public static readonly CommandOrigin Origin = new("g20.json", 3, 12);

    /// <summary>A command everyone agrees on, to vary one field at a time.</summary>
    public const string ConfirmPutin =
        """{"command": "ConfirmAttendance", "meetingId": "sco-2022", "reportedAt": "2022-09-13", "participant": "Vladimir Putin", "mode": "in-person"}""";

    public static (CommandInput? Input, List<InputError> Errors) Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var errors = new List<InputError>();
        var input = CommandCatalog.Read(document.RootElement, Origin, errors);
        return (input, errors);
    }

    /// <summary>Reads a command that must read cleanly.</summary>
    public static CommandInput Input(string json)
    {
        var (input, errors) = Read(json);
        Assert.Empty(errors);
        return Assert.IsAssignableFrom<CommandInput>(input);
    }

    /// <summary>The one problem reading found.</summary>
    public static InputError ReadError(string json)
    {
        var (input, errors) = Read(json);
        Assert.Null(input);
        return Assert.Single(errors);
    }

    /// <summary>Every problem the validation behaviour finds in commands that read cleanly.</summary>
    public static async Task<IReadOnlyList<InputError>> Problems(params string[] json)
    {
        var request = new ApplyCommands([.. json.Select((j, i) => new SubmittedCommand(Input(j), Origin with { Index = i }))]);
        var behaviour = new ValidationBehavior<ApplyCommands, ApplyReport>([new ApplyCommandsValidator(new FakeTimeProvider(Now))]);
        var rejected = await Assert.ThrowsAsync<InputRejected>(async () =>
            await behaviour.Handle(request, (_, _) => throw new InvalidOperationException("the handler ran on invalid input"), TestContext.Current.CancellationToken));
        return rejected.Errors;
    }

    /// <summary>The one problem with the one command.</summary>
    public static async Task<InputError> Problem(string json) => Assert.Single(await Problems(json));

    /// <summary>A command with one top-level field set to <paramref name="value"/>, given as JSON.</summary>
    public static string With(string json, string field, string value)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node[field] = JsonNode.Parse(value);
        return node.ToJsonString();
    }

    /// <summary>A command with one top-level field removed.</summary>
    public static string Without(string json, string field)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        Assert.True(node.Remove(field));
        return node.ToJsonString();
    }
}
