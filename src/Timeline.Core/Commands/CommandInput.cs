using Timeline.Core.Storage;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Commands;

/// <summary>
/// A command as submitted in a file or to the API, in the shape of docs/contract.md#commands, before its shape is
/// checked. Every field is raw text, so a wrong value can be reported exactly as given. <see cref="ToDomain"/> may be
/// called only after the command's validator passed. Each command is one slice, <see cref="CommandInput{TCommand, TEvent}"/>
/// and <see cref="ICommandSlice{TSelf}"/>, in its own folder.
/// </summary>
public abstract record CommandInput
{
    /// <summary>The command's name, e.g. <c>ConfirmAttendance</c>: the name of the domain command it becomes.</summary>
    public abstract string Command { get; }

    public string? MeetingId { get; init; }

    /// <summary>Knowledge time as given: an EDTF day or an ISO-8601 instant.</summary>
    public string? ReportedAt { get; init; }

    public SourceInput? Source { get; init; }

    /// <summary>The idempotency key; derived from the content when absent.</summary>
    public string? CommandId { get; init; }

    /// <summary>When given, the meeting's stream must be at exactly this version before the command is applied.</summary>
    public long? ExpectedVersion { get; init; }

    /// <summary>The domain command. Call only on validated input.</summary>
    public abstract MeetingCommand ToDomain();

    /// <summary>Writes the command's own fields into command-id form v1, in the order docs/command-ids.md lists them.</summary>
    internal abstract void WriteIdFields(CommandIdWriter writer);

    internal Domain.Meetings.MeetingId Meeting => Domain.Meetings.MeetingId.Parse(MeetingId!);

    internal ReportedAt Reported => Domain.Dates.ReportedAt.Parse(ReportedAt!);

    internal Source SourceOrNone => Source is null
        ? Storage.Source.None
        : new Source(Source.Outlet, Source.Url, Source.PublishedAt, Source.Speaker, Source.Quote);

    internal static EdtfDate? DatesOrNull(string? text) => text is null ? null : EdtfDate.Parse(text);

    internal static ParticipantName? NameOrNull(string? text) => text is null ? null : ParticipantName.Parse(text);

    internal static T? Optional<T>(string? text)
        where T : struct, Enum => text is null ? null : Vocabulary.Parse<T>(text);
}

/// <summary>
/// A command that becomes the domain command <typeparamref name="TCommand"/>, which yields <typeparamref name="TEvent"/>.
/// The compiler holds the pair to the domain's own (<see cref="IYields{TEvent}"/>), and the command's name is the
/// domain command's name, so neither is written twice.
/// </summary>
/// <typeparam name="TCommand">The case of <see cref="MeetingCommand"/> the input becomes.</typeparam>
/// <typeparam name="TEvent">The case of <see cref="MeetingEvent"/> deciding it yields.</typeparam>
public abstract record CommandInput<TCommand, TEvent> : CommandInput
    where TCommand : MeetingCommand, IYields<TEvent>
    where TEvent : MeetingEvent
{
    private static readonly string Name = typeof(TCommand).Name;

    /// <inheritdoc />
    public sealed override string Command => Name;

    /// <inheritdoc />
    public abstract override TCommand ToDomain();
}
