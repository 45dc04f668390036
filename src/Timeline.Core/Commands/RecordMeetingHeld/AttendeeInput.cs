using System.Text.Json;

namespace Timeline.Core.Commands.RecordMeetingHeld;

/// <summary>Someone who took part, as submitted: {participant, mode?, representedBy?}.</summary>
internal sealed record AttendeeInput(string? Participant, string? Mode = null, string? RepresentedBy = null) : ICanonicalFields
{
    internal static AttendeeInput? Read(JsonElement item, string path, List<(string, string)> errors) =>
        FieldReader.TextOrObject(item, path, errors, name => new AttendeeInput(name), r => new AttendeeInput(r.Text("participant"), r.Text("mode"), r.Text("representedBy")));

    void ICanonicalFields.WriteIdFields(CommandIdWriter writer)
    {
        writer.Text("participant", Participant);
        writer.Text("mode", Mode);
        writer.Text("representedBy", RepresentedBy);
    }
}
