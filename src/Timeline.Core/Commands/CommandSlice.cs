using System.Reflection;
using FluentValidation;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Commands;

/// <summary>One command, as its slice declares it (<see cref="ICommandSlice{TSelf}"/>).</summary>
/// <param name="Name">The command's name, e.g. <c>ConfirmAttendance</c>.</param>
/// <param name="Command">The domain command it becomes.</param>
/// <param name="Event">The event that yields.</param>
/// <param name="StoredEventName">The event's stored name, e.g. <c>attendance-confirmed.v1</c>.</param>
/// <param name="Read">Reads the command's own fields.</param>
/// <param name="Validator">Builds its validator.</param>
internal sealed record CommandSlice(
    string Name,
    Type Command,
    Type Event,
    string StoredEventName,
    Func<FieldReader, CommandInput> Read,
    Func<TimeProvider, IValidator> Validator)
{
    /// <summary>Every slice in this assembly, in the order the domain declares its commands.</summary>
    /// <exception cref="InvalidOperationException">A domain command has no slice or two, or a command input is not a slice.</exception>
    public static IReadOnlyList<CommandSlice> Discover()
    {
        var slices = typeof(CommandSlice).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(CommandInput)) && !t.IsAbstract)
            .Select(Describe)
            .ToLookup(s => s.Command);
        return [.. MeetingCases.Commands.Select(command => slices[command].ToList() switch
        {
            [var slice] => slice,
            var found => throw new InvalidOperationException(
                $"the domain command {command.Name} needs one slice in Timeline.Core.Commands, not {found.Count}"),
        })];
    }

    private static CommandSlice Describe(Type input)
    {
        if (input.BaseType is not { IsGenericType: true } declared
            || declared.GetGenericTypeDefinition() != typeof(CommandInput<,>)
            || !input.IsAssignableTo(typeof(ICommandSlice<>).MakeGenericType(input)))
        {
            throw new InvalidOperationException(
                $"{input.Name} is a command input but not a slice: derive it from {nameof(CommandInput)}<TCommand, TEvent> and implement ICommandSlice<{input.Name}>");
        }
        var describe = typeof(CommandSlice).GetMethod(nameof(DescribeSlice), BindingFlags.NonPublic | BindingFlags.Static)!;
        return (CommandSlice)describe.MakeGenericMethod([input, .. declared.GetGenericArguments()]).Invoke(null, null)!;
    }

    private static CommandSlice DescribeSlice<TInput, TCommand, TEvent>()
        where TInput : CommandInput<TCommand, TEvent>, ICommandSlice<TInput>
        where TCommand : MeetingCommand, IYields<TEvent>
        where TEvent : MeetingEvent =>
        new(typeof(TCommand).Name, typeof(TCommand), typeof(TEvent), TInput.StoredEventName, fields => TInput.Read(fields), clock => TInput.Validator(clock));
}
