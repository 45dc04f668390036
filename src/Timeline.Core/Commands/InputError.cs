namespace Timeline.Core.Commands;

/// <summary>Where a submitted command came from, so an error can point at it.</summary>
/// <param name="File">The file name, <c>-</c> for standard input, or <c>request</c> for the API.</param>
/// <param name="Index">The command's 0-based index within the file or request.</param>
/// <param name="Line">The 1-based line it starts on, when known.</param>
public sealed record CommandOrigin(string File, int Index, int? Line = null)
{
    /// <inheritdoc />
    public override string ToString() => Line is { } line ? $"{File}[{Index}] (line {line})" : $"{File}[{Index}]";
}

/// <summary>One thing wrong with one submitted command.</summary>
/// <param name="Origin">Which command, when known.</param>
/// <param name="Command">The command's name, when it could be read.</param>
/// <param name="Field">The JSON path of the field at fault, e.g. <c>location.country</c> or <c>participants[1].level</c>; empty for the command as a whole.</param>
/// <param name="Message">What is wrong, quoting the value.</param>
public sealed record InputError(CommandOrigin? Origin, string? Command, string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var where = Origin is null ? string.Empty : $"{Origin}: ";
        var what = Command is null ? string.Empty : $"{Command}: ";
        var field = Field.Length == 0 ? string.Empty : $"{Field}: ";
        return $"{where}{what}{field}{Message}";
    }
}

/// <summary>Submitted input is malformed or fails a shape check. Nothing was written.</summary>
public sealed class InputRejected(IReadOnlyList<InputError> errors)
    : Exception(errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} problems; the first: {errors[0]}")
{
    /// <summary>Every problem found, in input order.</summary>
    public IReadOnlyList<InputError> Errors { get; } = errors;
}

/// <summary>A command broke a domain rule or lost a write race. Nothing was written.</summary>
public sealed class CommandRejected(CommandOrigin? origin, string command, string rule, string message, Exception? inner = null)
    : Exception($"{(origin is null ? string.Empty : $"{origin}: ")}{command}: rejected ({rule}): {message}", inner)
{
    /// <summary>The rejected command's position, when known.</summary>
    public CommandOrigin? Origin { get; } = origin;

    /// <summary>The rejected command's name.</summary>
    public string Command { get; } = command;

    /// <summary>The rule's stable name, or <c>write-conflict</c>/<c>expected-version</c> for concurrency.</summary>
    public string Rule { get; } = rule;

    /// <summary>What went wrong.</summary>
    public string Reason { get; } = message;
}
