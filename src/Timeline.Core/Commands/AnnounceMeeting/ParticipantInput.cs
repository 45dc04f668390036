using System.Text.Json;

namespace Timeline.Core.Commands.AnnounceMeeting;

/// <summary>A participant as named in AnnounceMeeting: a bare name, or {name, level?, mode?}.</summary>
internal sealed record ParticipantInput(string? Name, string? Level = null, string? Mode = null) : ICanonicalFields
{
    internal static ParticipantInput? Read(JsonElement item, string path, List<(string, string)> errors) =>
        FieldReader.TextOrObject(item, path, errors, name => new ParticipantInput(name), r => new ParticipantInput(r.Text("name"), r.Text("level"), r.Text("mode")));

    void ICanonicalFields.WriteIdFields(CommandIdWriter writer)
    {
        writer.Text("name", Name);
        writer.Text("level", Level);
        writer.Text("mode", Mode);
    }
}
