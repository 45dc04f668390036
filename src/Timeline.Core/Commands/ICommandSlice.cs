using FluentValidation;

namespace Timeline.Core.Commands;

/// <summary>
/// What a command's slice declares, once, beside its <see cref="CommandInput{TCommand, TEvent}"/>: how its own fields
/// are read, how its shape is checked, and the stored name of the event it yields. The catalog finds every slice in
/// this assembly, so the command list, the validators and the stored event names all derive from these declarations.
/// </summary>
/// <typeparam name="TSelf">The command's input record.</typeparam>
internal interface ICommandSlice<TSelf>
    where TSelf : CommandInput, ICommandSlice<TSelf>
{
    /// <summary>
    /// The stored name of the event the command yields, e.g. <c>attendance-confirmed.v1</c>. A stored name never
    /// changes: a new shape of the event gets a new version and an upcaster.
    /// </summary>
    static abstract string StoredEventName { get; }

    /// <summary>Reads the command's own fields; the catalog reads those every command shares.</summary>
    static abstract TSelf Read(FieldReader fields);

    /// <summary>The command's shape checks (those every command shares included).</summary>
    static abstract IValidator<TSelf> Validator(TimeProvider clock);
}
