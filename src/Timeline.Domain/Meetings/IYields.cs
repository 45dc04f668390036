namespace Timeline.Domain.Meetings;

/// <summary>
/// Pairs a case of <see cref="MeetingCommand"/> with the case of <see cref="MeetingEvent"/> that deciding it yields
/// when it changes anything. Each command yields one kind of event and each event comes from one kind of command, so
/// either names the other (<see cref="MeetingCases"/>).
/// </summary>
/// <typeparam name="TEvent">The event the command yields.</typeparam>
#pragma warning disable CA1040 // A marker: the pairing is the type itself, read by MeetingCases and checked by the compiler in Core.
public interface IYields<TEvent>
    where TEvent : MeetingEvent
{
}
#pragma warning restore CA1040
