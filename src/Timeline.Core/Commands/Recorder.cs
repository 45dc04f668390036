namespace Timeline.Core.Commands;

/// <summary>
/// Who is recording: the user (<c>TIMELINE_USER</c> or the OS user) for the CLI, the key's name for the API. Each
/// composition root supplies it; a client never sets it in a command.
/// </summary>
/// <param name="Name">The name stamped as <c>recordedBy</c>.</param>
public sealed record Recorder(string Name);
