namespace Timeline.Core.Commands;

/// <summary>A part of a command (a source, a place, a participant) that writes its fields into command-id form v1.</summary>
internal interface ICanonicalFields
{
    /// <summary>Writes every field, by its fixed name, in the order of docs/command-ids.md.</summary>
    void WriteIdFields(CommandIdWriter writer);
}
