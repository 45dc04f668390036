using System.Collections.Frozen;
using System.Text.Json;
using FluentValidation;

namespace Timeline.Core.Commands;

/// <summary>
/// Every command users can submit: how to read it from JSON and how to check its shape, as each command's slice
/// declares it (<see cref="ICommandSlice{TSelf}"/>). Reading reports every field of the wrong type, unknown or
/// repeated; the validators then check values.
/// </summary>
public static class CommandCatalog
{
    /// <summary>Every command's slice, in the order the domain declares the commands.</summary>
    internal static IReadOnlyList<CommandSlice> Slices { get; } = CommandSlice.Discover();

    private static readonly FrozenDictionary<string, CommandSlice> ByName = Slices.ToFrozenDictionary(s => s.Name, StringComparer.Ordinal);

    /// <summary>Every command name, in the order the domain declares them, which is the order docs/contract.md#each-command lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Slices.Select(s => s.Name)];

    /// <summary>
    /// Reads one command from a JSON value. Returns the input, or null with the problems found, each naming the field
    /// and quoting the value.
    /// </summary>
    public static CommandInput? Read(JsonElement element, CommandOrigin origin, List<InputError> errors)
    {
        try
        {
            return ReadFields(element, origin, errors);
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json parses "\ud83d" (half of a surrogate pair) but throws when the text is read; nothing
            // else here can throw it.
            errors.Add(new InputError(origin, null, string.Empty, "holds a \\u escape that is half of a surrogate pair, which is no character"));
            return null;
        }
    }

    private static CommandInput? ReadFields(JsonElement element, CommandOrigin origin, List<InputError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new InputError(origin, null, string.Empty, $"expected a command object, found {FieldReader.Show(element)}"));
            return null;
        }
        if (!element.TryGetProperty("command", out var nameElement) || nameElement.ValueKind != JsonValueKind.String)
        {
            var found = element.TryGetProperty("command", out var wrong) ? FieldReader.Show(wrong) : "nothing";
            errors.Add(new InputError(origin, null, "command", $"expected the command's name ({string.Join(", ", Names)}), found {found}"));
            return null;
        }
        var name = nameElement.GetString()!;
        if (!ByName.TryGetValue(name, out var slice))
        {
            var hint = Names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
            errors.Add(new InputError(origin, null, "command", hint is null
                ? $"'{FieldReader.Quote(name)}' is not a command; known commands: {string.Join(", ", Names)}"
                : $"'{FieldReader.Quote(name)}' is not a command; did you mean '{hint}'?"));
            return null;
        }

        var fieldErrors = new List<(string Field, string Message)>();
        var reader = new FieldReader(element, string.Empty, fieldErrors);
        reader.Text("command");
        var input = slice.Read(reader) with
        {
            MeetingId = reader.Text("meetingId"),
            ReportedAt = reader.Text("reportedAt"),
            Source = reader.Object("source", SourceInput.Read),
            CommandId = reader.Text("commandId"),
            ExpectedVersion = reader.WholeNumber("expectedVersion"),
        };
        reader.RejectUnknownFields();
        foreach (var (field, message) in fieldErrors)
        {
            errors.Add(new InputError(origin, name, field, message));
        }
        return fieldErrors.Count == 0 ? input : null;
    }

    internal static IValidator ValidatorFor(CommandInput input, TimeProvider clock) => ByName[input.Command].Validator(clock);
}
