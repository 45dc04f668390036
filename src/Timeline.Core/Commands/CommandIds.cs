namespace Timeline.Core.Commands;

/// <summary>Idempotency keys for commands that come without one.</summary>
public static class CommandIds
{
    /// <summary>
    /// The command's own id, or one derived from its canonical content: every field as read (so formatting, field
    /// order and whitespace between fields in the file do not matter), without <c>commandId</c> and
    /// <c>expectedVersion</c>. The same statement imported twice gets the same id, so the second import changes nothing.
    /// The derivation is a stored contract, like an event's shape: it is command-id form v1 of docs/command-ids.md.
    /// </summary>
    public static string Of(CommandInput input) => input.CommandId ?? Derived(input);

    /// <summary>The id derived from the command's content, whether or not it carries its own.</summary>
    public static string Derived(CommandInput input) => CommandIdWriter.Derive(input);
}
