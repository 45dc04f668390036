using System.Collections.Frozen;
using System.Text.Json;
using FluentValidation;
using Timeline.Core.Commands.AnnounceAttendance;
using Timeline.Core.Commands.AnnounceMeeting;
using Timeline.Core.Commands.AnnounceSummit;
using Timeline.Core.Commands.CancelMeeting;
using Timeline.Core.Commands.ConfirmAttendance;
using Timeline.Core.Commands.DeclineAttendance;
using Timeline.Core.Commands.InviteParticipant;
using Timeline.Core.Commands.PostponeMeeting;
using Timeline.Core.Commands.RecordMeetingHeld;
using Timeline.Core.Commands.RelocateMeeting;
using Timeline.Core.Commands.RescheduleMeeting;
using Timeline.Core.Commands.RetractReport;

namespace Timeline.Core.Commands;

/// <summary>
/// Every command users can submit: how to read it from JSON and how to check its shape. Reading reports every
/// field of the wrong type, unknown or repeated; the validators then check values.
/// </summary>
public static class CommandCatalog
{
    private sealed record Entry(Func<FieldReader, CommandInput> Read, Func<TimeProvider, IValidator> Validator);

    private static readonly FrozenDictionary<string, Entry> Entries = new Dictionary<string, Entry>(StringComparer.Ordinal)
    {
        ["AnnounceSummit"] = new(AnnounceSummitInput.Read, clock => new AnnounceSummitValidator(clock)),
        ["AnnounceMeeting"] = new(AnnounceMeetingInput.Read, clock => new AnnounceMeetingValidator(clock)),
        ["InviteParticipant"] = new(InviteParticipantInput.Read, clock => new InviteParticipantValidator(clock)),
        ["AnnounceAttendance"] = new(AnnounceAttendanceInput.Read, clock => new AnnounceAttendanceValidator(clock)),
        ["ConfirmAttendance"] = new(ConfirmAttendanceInput.Read, clock => new ConfirmAttendanceValidator(clock)),
        ["DeclineAttendance"] = new(DeclineAttendanceInput.Read, clock => new DeclineAttendanceValidator(clock)),
        ["PostponeMeeting"] = new(PostponeMeetingInput.Read, clock => new PostponeMeetingValidator(clock)),
        ["RescheduleMeeting"] = new(RescheduleMeetingInput.Read, clock => new RescheduleMeetingValidator(clock)),
        ["RelocateMeeting"] = new(RelocateMeetingInput.Read, clock => new RelocateMeetingValidator(clock)),
        ["CancelMeeting"] = new(CancelMeetingInput.Read, clock => new CancelMeetingValidator(clock)),
        ["RecordMeetingHeld"] = new(RecordMeetingHeldInput.Read, clock => new RecordMeetingHeldValidator(clock)),
        ["RetractReport"] = new(RetractReportInput.Read, clock => new RetractReportValidator(clock)),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every command name, in the order docs/contract.md#each-command lists them.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "AnnounceSummit", "AnnounceMeeting", "InviteParticipant", "AnnounceAttendance", "ConfirmAttendance", "DeclineAttendance",
        "PostponeMeeting", "RescheduleMeeting", "RelocateMeeting", "CancelMeeting", "RecordMeetingHeld", "RetractReport",
    ];

    /// <summary>
    /// Reads one command from a JSON value. Returns the input, or null with the problems found, each naming the field
    /// and quoting the value.
    /// </summary>
    public static CommandInput? Read(JsonElement element, CommandOrigin origin, List<InputError> errors)
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
        if (!Entries.TryGetValue(name, out var entry))
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
        var input = entry.Read(reader) with
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

    internal static IValidator ValidatorFor(CommandInput input, TimeProvider clock) => Entries[input.Command].Validator(clock);
}
