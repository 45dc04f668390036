using System.Collections.Frozen;
using System.Text.Json;
using Timeline.Core.Commands;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Serialization;

/// <summary>
/// The one map from event types to their stored names, as the command slices declare them. A stored name never
/// changes: a new shape of an event gets a new version (<c>.v2</c>) and an upcaster from the old one. A CLR type name
/// is never stored.
/// </summary>
public static class EventTypeMap
{
    private static readonly FrozenDictionary<Type, string> NamesByType =
        CommandCatalog.Slices.ToFrozenDictionary(s => s.Event, s => s.StoredEventName);

    private static readonly FrozenDictionary<string, Type> TypesByName =
        NamesByType.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    /// <summary>Every stored name, in no particular order.</summary>
    public static IEnumerable<string> StoredNames => TypesByName.Keys;

    /// <summary>The stored name of an event, e.g. <c>attendance-confirmed.v1</c>.</summary>
    public static string NameOf(MeetingEvent @event) => NameOf(@event.GetType());

    /// <summary>The stored name of an event type.</summary>
    public static string NameOf(Type eventType) =>
        NamesByType.TryGetValue(eventType, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(eventType), $"{eventType.Name} has no stored name in {nameof(EventTypeMap)}");

    /// <summary>The event's name as users see it: <c>AttendanceConfirmed</c> for <c>attendance-confirmed.v1</c>.</summary>
    public static string DisplayName(string storedName) =>
        TypesByName.TryGetValue(storedName, out var type) ? type.Name : storedName;

    /// <summary>The stored name for a user's event or command name (<c>AttendanceConfirmed</c>, <c>ConfirmAttendance</c>,
    /// <c>attendance-confirmed</c>), or null when it names none.</summary>
    public static string? Resolve(string name) => CommandCatalog.Slices
        .FirstOrDefault(s => Names(s).Any(known => string.Equals(known, name, StringComparison.OrdinalIgnoreCase)))
        ?.StoredEventName;

    private static IEnumerable<string> Names(CommandSlice slice) =>
        [slice.Event.Name, slice.StoredEventName, slice.StoredEventName[..slice.StoredEventName.LastIndexOf('.')], slice.Name];

    /// <summary>Serialises event data with <see cref="TimelineJson.Stored"/>.</summary>
    public static string Serialize(MeetingEvent @event) => JsonSerializer.Serialize(@event, @event.GetType(), TimelineJson.Stored);

    /// <summary>Reads stored event data back.</summary>
    /// <exception cref="InvalidDataException">The stored name is unknown or the data does not fit it.</exception>
    public static MeetingEvent Deserialize(string storedName, string data)
    {
        if (!TypesByName.TryGetValue(storedName, out var type))
        {
            throw new InvalidDataException($"unknown stored event type '{storedName}'; this store was written by a newer Timeline");
        }
        try
        {
            return (MeetingEvent)(JsonSerializer.Deserialize(data, type, TimelineJson.Stored)
                ?? throw new InvalidDataException($"stored {storedName} event has null data"));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"stored {storedName} event data cannot be read: {e.Message}", e);
        }
    }
}
