namespace Timeline.Domain.Meetings;

/// <summary>
/// The cases of the two closed unions, <see cref="MeetingCommand"/> and <see cref="MeetingEvent"/>, in the order they
/// are declared, and how they pair through <see cref="IYields{TEvent}"/>. Everything that lists commands or events
/// (the command catalog, the stored event names, rule messages) derives from these.
/// </summary>
public static class MeetingCases
{
    /// <summary>Every command case, in declaration order.</summary>
    public static IReadOnlyList<Type> Commands { get; } = CasesOf(typeof(MeetingCommand));

    /// <summary>Every event case, in declaration order.</summary>
    public static IReadOnlyList<Type> Events { get; } = CasesOf(typeof(MeetingEvent));

    private static readonly Dictionary<Type, Type> EventByCommand = Commands.ToDictionary(command => command, Yielded);

    private static readonly Dictionary<Type, Type> CommandByEvent = Events.ToDictionary(e => e, YieldedBy);

    /// <summary>The event case that a command case yields.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="command"/> is not a case of <see cref="MeetingCommand"/>.</exception>
    public static Type EventOf(Type command) =>
        EventByCommand.TryGetValue(command, out var @event)
            ? @event
            : throw new ArgumentOutOfRangeException(nameof(command), $"{command.Name} is not a case of {nameof(MeetingCommand)}");

    /// <summary>The command case that yields an event case.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="event"/> is not a case of <see cref="MeetingEvent"/>.</exception>
    public static Type CommandOf(Type @event) =>
        CommandByEvent.TryGetValue(@event, out var command)
            ? command
            : throw new ArgumentOutOfRangeException(nameof(@event), $"{@event.Name} is not a case of {nameof(MeetingEvent)}");

    // Metadata tokens follow declaration order, which is the order the contract lists commands and events in.
    private static Type[] CasesOf(Type union) =>
        [.. union.GetNestedTypes().Where(t => t.IsSealed && t.IsSubclassOf(union)).OrderBy(t => t.MetadataToken)];

    private static Type Yielded(Type command)
    {
        var yielded = command.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IYields<>))
            .Select(i => i.GetGenericArguments()[0])
            .ToList();
        return yielded.Count == 1
            ? yielded[0]
            : throw new InvalidOperationException($"{nameof(MeetingCommand)}.{command.Name} must declare the one event it yields, as IYields<TEvent>");
    }

    private static Type YieldedBy(Type @event)
    {
        var commands = EventByCommand.Where(pair => pair.Value == @event).Select(pair => pair.Key).ToList();
        return commands.Count == 1
            ? commands[0]
            : throw new InvalidOperationException(
                $"{nameof(MeetingEvent)}.{@event.Name} must be yielded by exactly one command, not {commands.Count} ({string.Join(", ", commands.Select(c => c.Name))})");
    }
}
