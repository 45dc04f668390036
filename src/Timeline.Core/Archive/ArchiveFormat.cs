using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Timeline.Core.Commands;
using Timeline.Core.Knowledge;
using Timeline.Core.Serialization;
using Timeline.Core.Storage;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Archive;

/// <summary>
/// The export format: NDJSON, one stored event per line, with every envelope field, so a timeline can move between
/// stores and keep its answers, recorded-as-of answers included.
/// </summary>
/// <remarks>
/// A line: <c>{"sequence":1,"meetingId":"g20-2022","streamVersion":1,"eventId":"…","event":"summit-announced.v1",
/// "data":{…},"reportedAt":"2022-09-08","recordedAt":"2026-11-29T12:00:00.000000Z","recordedBy":"ana",
/// "source":{…},"commandId":"…","hash":"…"}</c>. <c>event</c> is the stored name from <see cref="EventTypeMap"/>;
/// <c>recordedAt</c> is written as <see cref="Storage.RecordedAt"/> writes it; <c>hash</c> is the event's link in the
/// hash chain (<see cref="Chain.HashChain"/>), left out only by exports made before the chain.
/// </remarks>
public static class ArchiveFormat
{
    private sealed record Line(
        long Sequence,
        string MeetingId,
        long StreamVersion,
        string EventId,
        string Event,
        JsonElement Data,
        string ReportedAt,
        string RecordedAt,
        string RecordedBy,
        Source? Source,
        string CommandId,
        string? Hash = null);

    private static readonly JsonSerializerOptions Options = new(TimelineJson.Stored)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
    };

    /// <summary>One event as one line of NDJSON (no line break).</summary>
    public static string Write(StoredEvent e) => JsonSerializer.Serialize(
        new Line(
            e.Sequence,
            e.Stream.Value,
            e.StreamVersion,
            TimelineFold.EventKey(e.EventId),
            e.EventType,
            JsonSerializer.SerializeToElement(e.Event, e.Event.GetType(), TimelineJson.Stored),
            e.ReportedAt.Text,
            e.RecordedAt.ToString(),
            e.RecordedBy,
            e.Source,
            e.CommandId,
            e.Hash?.Hex),
        Options);

    /// <summary>Reads one line back, or says exactly what is wrong with it.</summary>
    /// <exception cref="InputRejected">The line is not a valid exported event; the error names the file and line.</exception>
    public static StoredEvent Read(string line, string file, int lineNumber)
    {
        var origin = new CommandOrigin(file, lineNumber - 1, lineNumber);
        Line? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<Line>(line, Options);
        }
        catch (JsonException e)
        {
            throw Rejected(origin, e.Path?.TrimStart('$', '.') ?? string.Empty, $"is not an exported event: {e.Message.Split(" Path:")[0]}");
        }
        if (parsed is null)
        {
            throw Rejected(origin, string.Empty, "is null, not an exported event");
        }
        if (!Domain.Meetings.MeetingId.TryParse(parsed.MeetingId, out var stream, out var streamError))
        {
            throw Rejected(origin, "meetingId", streamError);
        }
        if (!Guid.TryParseExact(parsed.EventId, "D", out var eventId))
        {
            throw Rejected(origin, "eventId", $"'{FieldReader.Quote(parsed.EventId)}' is not an event id");
        }
        if (!Domain.Dates.ReportedAt.TryParse(parsed.ReportedAt, out var reportedAt, out var reportedError))
        {
            throw Rejected(origin, "reportedAt", reportedError);
        }
        if (!Storage.RecordedAt.TryParse(parsed.RecordedAt, out var recordedAt, out var recordedError))
        {
            throw Rejected(origin, "recordedAt", recordedError);
        }
        if (parsed.Sequence < 1 || parsed.StreamVersion < 1)
        {
            throw Rejected(origin, parsed.Sequence < 1 ? "sequence" : "streamVersion", "must be 1 or more");
        }
        Chain.EventHash? hash = null;
        if (parsed.Hash is not null)
        {
            if (!Chain.EventHash.TryParse(parsed.Hash, out var given, out var hashError))
            {
                throw Rejected(origin, "hash", hashError);
            }
            hash = given;
        }
        MeetingEvent domainEvent;
        try
        {
            domainEvent = EventTypeMap.Deserialize(parsed.Event, parsed.Data.GetRawText());
        }
        catch (InvalidDataException e)
        {
            throw Rejected(origin, "data", e.Message);
        }
        return new StoredEvent(
            parsed.Sequence,
            stream,
            parsed.StreamVersion,
            eventId,
            parsed.Event,
            domainEvent,
            reportedAt,
            recordedAt,
            parsed.RecordedBy,
            parsed.Source ?? Source.None,
            parsed.CommandId,
            hash);
    }

    private static InputRejected Rejected(CommandOrigin origin, string field, string message) =>
        new([new InputError(origin, null, field, message)]);
}
