using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Timeline.Core.Schedule;
using Timeline.Core.Serialization;
using Timeline.Core.Storage;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Index;

/// <summary>
/// Reads a <see cref="MeetingSnapshot"/> as <see cref="MeetingStates.Write"/> wrote it, in one pass of a
/// <see cref="Utf8JsonReader"/>. Every answer read from the index reads one snapshot per meeting, so this is the
/// hottest code of a windowed schedule: System.Text.Json's general reader of records (constructor parameters, a frame
/// stack copied per nested object) took about 13 to 15 µs a snapshot and more than half of the query, this less than half
/// of that. Writing stays with <see cref="TimelineJson.Stored"/>; the enum names come from it too, and
/// <c>MeetingStatesTests</c> checks that every snapshot reads back as it was written.
/// </summary>
/// <remarks>
/// As strict as <see cref="TimelineJson.Stored"/>'s own reading: a field that cannot be null must be there, a value of the
/// wrong type is refused, and properties this code does not know are skipped. Each failure is a
/// <see cref="JsonException"/>.
/// </remarks>
internal static class MeetingSnapshotReader
{
    public static MeetingSnapshot Read(string json)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var reader = new Utf8JsonReader(bytes.AsSpan(0, Encoding.UTF8.GetBytes(json, bytes)));
            reader.Read();
            var snapshot = Snapshot(ref reader);
            if (reader.Read())
            {
                throw new JsonException($"a meeting snapshot has more after its end, at byte {reader.TokenStartIndex}");
            }
            return snapshot;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static MeetingSnapshot Snapshot(ref Utf8JsonReader reader)
    {
        ScheduledMeeting? meeting = null;
        List<AttendanceStatement>? statements = null;
        LatestReport? latest = null;
        StartObject(ref reader, nameof(MeetingSnapshot));
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "meeting"u8))
            {
                meeting = Meeting(ref reader);
            }
            else if (Is(ref reader, "statements"u8))
            {
                statements = List(ref reader, Statement);
            }
            else if (Is(ref reader, "latestReport"u8))
            {
                latest = reader.TokenType == JsonTokenType.Null ? null : Latest(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }
        return new MeetingSnapshot(
            meeting ?? throw Missing(nameof(MeetingSnapshot), "meeting"),
            statements ?? throw Missing(nameof(MeetingSnapshot), "statements"),
            latest);
    }

    private static ScheduledMeeting Meeting(ref Utf8JsonReader reader)
    {
        string? id = null, title = null, organization = null, statusReason = null, dates = null, sidelinesOf = null;
        MeetingKind? kind = null;
        MeetingStatus? status = null;
        Location? location = null;
        List<string>? hosts = null;
        List<ScheduledParticipant>? participants = null;
        long? version = null;
        DateOnly? earliest = null, latest = null;
        var overdue = false;
        StartObject(ref reader, nameof(ScheduledMeeting));
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "id"u8)) { id = Text(ref reader); }
            else if (Is(ref reader, "title"u8)) { title = Text(ref reader); }
            else if (Is(ref reader, "kind"u8)) { kind = Named<MeetingKind>(ref reader); }
            else if (Is(ref reader, "organization"u8)) { organization = OptionalText(ref reader); }
            else if (Is(ref reader, "status"u8)) { status = Named<MeetingStatus>(ref reader); }
            else if (Is(ref reader, "statusReason"u8)) { statusReason = OptionalText(ref reader); }
            else if (Is(ref reader, "dates"u8)) { dates = OptionalText(ref reader); }
            else if (Is(ref reader, "location"u8)) { location = reader.TokenType == JsonTokenType.Null ? null : Place(ref reader); }
            else if (Is(ref reader, "sidelinesOf"u8)) { sidelinesOf = OptionalText(ref reader); }
            else if (Is(ref reader, "hosts"u8)) { hosts = List(ref reader, Text); }
            else if (Is(ref reader, "participants"u8)) { participants = List(ref reader, Participant); }
            else if (Is(ref reader, "version"u8)) { version = Number(ref reader); }
            else if (Is(ref reader, "earliest"u8)) { earliest = Day(ref reader); }
            else if (Is(ref reader, "latest"u8)) { latest = Day(ref reader); }
            else if (Is(ref reader, "overdue"u8)) { overdue = Flag(ref reader); }
            else { reader.Skip(); }
        }
        const string type = nameof(ScheduledMeeting);
        return new ScheduledMeeting(
            id ?? throw Missing(type, "id"),
            title ?? throw Missing(type, "title"),
            kind ?? throw Missing(type, "kind"),
            organization,
            status ?? throw Missing(type, "status"),
            statusReason,
            dates,
            location,
            sidelinesOf,
            hosts ?? throw Missing(type, "hosts"),
            participants ?? throw Missing(type, "participants"),
            version ?? throw Missing(type, "version"))
        {
            Earliest = earliest,
            Latest = latest,
            Overdue = overdue,
        };
    }

    private static Location Place(ref Utf8JsonReader reader)
    {
        string? city = null, country = null;
        StartObject(ref reader, nameof(Location));
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "city"u8)) { city = OptionalText(ref reader); }
            else if (Is(ref reader, "country"u8)) { country = Text(ref reader); }
            else { reader.Skip(); }
        }
        return new Location(city, country ?? throw Missing(nameof(Location), "country"));
    }

    private static ScheduledParticipant Participant(ref Utf8JsonReader reader)
    {
        string? name = null, representedBy = null, announcedAt = null, confirmedAt = null, since = null;
        AttendanceLevel? attendance = null;
        AttendanceMode? mode = null;
        StartObject(ref reader, nameof(ScheduledParticipant));
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "name"u8)) { name = Text(ref reader); }
            else if (Is(ref reader, "attendance"u8)) { attendance = Named<AttendanceLevel>(ref reader); }
            else if (Is(ref reader, "mode"u8)) { mode = reader.TokenType == JsonTokenType.Null ? null : Named<AttendanceMode>(ref reader); }
            else if (Is(ref reader, "representedBy"u8)) { representedBy = OptionalText(ref reader); }
            else if (Is(ref reader, "announcedAt"u8)) { announcedAt = OptionalText(ref reader); }
            else if (Is(ref reader, "confirmedAt"u8)) { confirmedAt = OptionalText(ref reader); }
            else if (Is(ref reader, "since"u8)) { since = OptionalText(ref reader); }
            else { reader.Skip(); }
        }
        const string type = nameof(ScheduledParticipant);
        return new ScheduledParticipant(
            name ?? throw Missing(type, "name"), attendance ?? throw Missing(type, "attendance"), mode, representedBy, announcedAt, confirmedAt, since);
    }

    private static AttendanceStatement Statement(ref Utf8JsonReader reader)
    {
        string? participant = null, declinedAt = null;
        AttendanceLevel? announced = null;
        StartObject(ref reader, nameof(AttendanceStatement));
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "participant"u8)) { participant = Text(ref reader); }
            else if (Is(ref reader, "announcedLevel"u8)) { announced = reader.TokenType == JsonTokenType.Null ? null : Named<AttendanceLevel>(ref reader); }
            else if (Is(ref reader, "declinedAt"u8)) { declinedAt = OptionalText(ref reader); }
            else { reader.Skip(); }
        }
        return new AttendanceStatement(participant ?? throw Missing(nameof(AttendanceStatement), "participant"), announced, declinedAt);
    }

    private static LatestReport Latest(ref Utf8JsonReader reader)
    {
        long? sequence = null;
        string? reportedAt = null, summary = null;
        Source? source = null;
        StartObject(ref reader, nameof(LatestReport));
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "sequence"u8)) { sequence = Number(ref reader); }
            else if (Is(ref reader, "reportedAt"u8)) { reportedAt = Text(ref reader); }
            else if (Is(ref reader, "summary"u8)) { summary = Text(ref reader); }
            else if (Is(ref reader, "source"u8)) { source = Origin(ref reader); }
            else { reader.Skip(); }
        }
        const string type = nameof(LatestReport);
        return new LatestReport(
            sequence ?? throw Missing(type, "sequence"),
            reportedAt ?? throw Missing(type, "reportedAt"),
            summary ?? throw Missing(type, "summary"),
            source ?? throw Missing(type, "source"));
    }

    private static Source Origin(ref Utf8JsonReader reader)
    {
        string? outlet = null, url = null, publishedAt = null, speaker = null, quote = null;
        StartObject(ref reader, nameof(Source));
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "outlet"u8)) { outlet = OptionalText(ref reader); }
            else if (Is(ref reader, "url"u8)) { url = OptionalText(ref reader); }
            else if (Is(ref reader, "publishedAt"u8)) { publishedAt = OptionalText(ref reader); }
            else if (Is(ref reader, "speaker"u8)) { speaker = OptionalText(ref reader); }
            else if (Is(ref reader, "quote"u8)) { quote = OptionalText(ref reader); }
            else { reader.Skip(); }
        }
        return new Source(outlet, url, publishedAt, speaker, quote);
    }

    private delegate T ReadValue<T>(ref Utf8JsonReader reader);

    private static List<T> List<T>(ref Utf8JsonReader reader, ReadValue<T> item)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unexpected(ref reader, "an array");
        }
        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(item(ref reader));
        }
        return items;
    }

    private static void StartObject(ref Utf8JsonReader reader, string type)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Unexpected(ref reader, $"an object ({type})");
        }
    }

    /// <summary>Moves to the next property's value; false at the object's end.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            return false;
        }
        return true;
    }

    /// <summary>True when the property whose value the reader is on is named <paramref name="name"/>.</summary>
    /// <remarks>The reader stands on the property's name when this is asked, and moves on to its value when it answers true.</remarks>
    private static bool Is(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        if (!reader.ValueTextEquals(name))
        {
            return false;
        }
        reader.Read();
        return true;
    }

    private static string Text(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw Unexpected(ref reader, "a string");

    private static string? OptionalText(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : Text(ref reader);

    private static long Number(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : throw Unexpected(ref reader, "a whole number");

    private static bool Flag(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Unexpected(ref reader, "true or false"),
    };

    private static DateOnly? Day(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null
        : DateOnly.TryParseExact(Text(ref reader), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw Unexpected(ref reader, "a day (yyyy-MM-dd)");

    private static T Named<T>(ref Utf8JsonReader reader)
        where T : struct, Enum =>
        Names<T>.ByName.TryGetValue(Text(ref reader), out var value) ? value : throw Unexpected(ref reader, $"a {typeof(T).Name} name");

    /// <summary>Each value of <typeparamref name="T"/> by the name <see cref="TimelineJson.Stored"/> writes for it.</summary>
    private static class Names<T>
        where T : struct, Enum
    {
        public static readonly Dictionary<string, T> ByName = Enum.GetValues<T>().ToDictionary(
            value => JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(value, TimelineJson.Stored))!, StringComparer.Ordinal);
    }

    private static JsonException Unexpected(ref Utf8JsonReader reader, string expected) =>
        new($"a meeting snapshot has {reader.TokenType} where {expected} belongs, at byte {reader.TokenStartIndex}");

    private static JsonException Missing(string type, string property) =>
        new($"a meeting snapshot's {type} lacks '{property}'");
}
