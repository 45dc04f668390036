using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace Timeline.Testing.Fuzz;

/// <summary>One fuzzed command file: its extension (which picks the reader) and its bytes.</summary>
public sealed record FuzzFile(string Extension, byte[] Bytes)
{
    /// <summary>What CsCheck prints for a failing case: the extension and the bytes, readable where they are text.</summary>
    public override string ToString() => $".{Extension} ({Bytes.Length} bytes): {Encoding.UTF8.GetString(Bytes)}";
}

/// <summary>
/// Command files for fuzzing <c>import</c> and <c>POST /api/commands</c>: commands generated field by field from
/// values that are good, nearly good, of the wrong type or hostile (control and bidi characters, lone surrogates,
/// huge numbers, deep nesting), written as JSON, NDJSON or YAML; and files, generated or given, mutated byte by byte
/// (bits flipped, bytes cut, inserted or repeated, invalid UTF-8 and structural tokens spliced in).
/// </summary>
public static class CommandFileGen
{
    private static readonly string[] CommandNames =
    [
        "AnnounceMeeting", "AnnounceSummit", "InviteParticipant", "AnnounceAttendance", "ConfirmAttendance", "DeclineAttendance",
        "PostponeMeeting", "RescheduleMeeting", "RelocateMeeting", "CancelMeeting", "RecordMeetingHeld", "RetractReport",
    ];

    private static readonly string[] Fields =
    [
        "title", "kind", "organization", "participants", "participant", "level", "mode", "representedBy", "invitedBy", "reason",
        "dates", "location", "hosts", "sidelinesOf", "attendees", "retracts", "source", "commandId", "expectedVersion", "colour",
    ];

    private static readonly Gen<string> Hostile = Gen.OneOf(
        Gen.Const("Vladimir\u202E Putin"), Gen.Const("Xi\u2066Jinping\u2069"), Gen.Const("zero\u200Bwidth"), Gen.Const("bell\u0007"),
        Gen.Const("nul\0"), Gen.Const("line\u2028sep"), Gen.Const("half \uD83D"), Gen.Const("\uDE00"), Gen.Const("esc\u001B[2J"),
        Gen.Const(new string('x', 5000)), Gen.Const(" "), Gen.Const(string.Empty), Gen.Const("'; DROP TABLE events;--"),
        Gen.Const("../../etc/passwd"), Gen.Const("%s%n{0}"), Gen.Const("\uFEFF"), Gen.Const("\uFFFF\uFFFE"));

    private static readonly Gen<string> Ordinary = Gen.OneOf(
        Gen.Const("Vladimir Putin"), Gen.Const("Xi Jinping"), Gen.Const("Владимир Путин"), Gen.Const("习近平"), Gen.Const("محمد بن سلمان"),
        Gen.Const("Recep Tayyip Erdoğan"), Gen.Const("G20"), Gen.Const("Indonesia"), Gen.Const("Bali"), Gen.Const("talks"));

    private static readonly Gen<string> Text = Gen.Frequency(
        (6, Ordinary), (3, Hostile), (2, Gen.String[0, 40]), (1, Gen.Char["\u0000\u0001\u001F\u007F\u00AD\u200E\u202A\u202E\u2066\uD800\uDC00aZ9-"].Array[1, 12].Select(c => new string(c))));

    private static readonly Gen<string> Slug = Gen.Frequency(
        (6, Gen.OneOf(Gen.Const("g20-2022"), Gen.Const("sco-2022"), Gen.Const("apec-2022"), Gen.Const("eef-2022"))),
        (3, Gen.Int[0, 50].Select(i => $"fuzz-{i}")),
        (2, Gen.OneOf(Gen.Const("G20"), Gen.Const("g20--2022"), Gen.Const("-g20"), Gen.Const(new string('a', 81)))),
        (1, Text));

    private static readonly Gen<string> Point = Gen.Frequency(
        (6, Gen.Select(Gen.Int[2021, 2023], Gen.Int[1, 12], Gen.Int[1, 28], (y, m, d) => $"{y:D4}-{m:D2}-{d:D2}")),
        (2, Gen.OneOf(Gen.Const("2022-11-16T10:00:00Z"), Gen.Const("2022-11-16T10:00:00+03:00"), Gen.Const("2022-11-16T10:00:00"))),
        (2, Gen.OneOf(Gen.Const("2022-13-01"), Gen.Const("2099-01-01"), Gen.Const("yesterday"), Gen.Const("0001-01-01"), Gen.Const("9999-12-31T23:59:59Z"))),
        (1, Text));

    private static readonly Gen<string> Dates = Gen.Frequency(
        (6, Gen.OneOf(Gen.Const("2022-11-15/2022-11-16"), Gen.Const("2022-11"), Gen.Const("2022-11?"), Gen.Const("2022"), Gen.Const("2022-09-15~"))),
        (2, Gen.OneOf(Gen.Const("2022-11-16/2022-11-15"), Gen.Const("20222"), Gen.Const("2022-02-30"), Gen.Const("../2022"), Gen.Const("2022-11-15/"))),
        (1, Text));

    private static readonly Gen<string> Word = Gen.Frequency(
        (6, Gen.OneOf(Gen.Const("bilateral"), Gen.Const("multilateral"), Gen.Const("summit"), Gen.Const("expected"), Gen.Const("confirmed"),
            Gen.Const("in-person"), Gen.Const("virtual"), Gen.Const("invited"), Gen.Const("declined"))),
        (1, Text));

    // A JSON value of any type, nested a little: what a field holds when the fuzzer gives it the wrong type.
    private static readonly Gen<JsonNode?> AnyValue = Gen.Frequency(
        (3, Text.Select(t => (JsonNode?)JsonValue.Create(t))),
        (2, Gen.OneOf(Gen.Const(0L), Gen.Const(-1L), Gen.Const(long.MaxValue), Gen.Long).Select(n => (JsonNode?)JsonValue.Create(n))),
        (1, Gen.Double.Select(d => (JsonNode?)(double.IsFinite(d) ? JsonValue.Create(d) : JsonValue.Create(1.5)))),
        (1, Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b))),
        (1, Gen.Const((JsonNode?)null)),
        (1, Gen.Int[0, 40].Select(depth => Nest(depth))),
        (1, Text.Array[0, 3].Select(items => (JsonNode?)new JsonArray([.. items.Select(i => (JsonNode?)JsonValue.Create(i))]))));

    private static JsonNode? Nest(int depth)
    {
        JsonNode node = JsonValue.Create(depth);
        for (var i = 0; i < depth; i++)
        {
            node = i % 2 == 0 ? new JsonArray(node) : new JsonObject { ["x"] = node };
        }
        return node;
    }

    private static Gen<JsonNode?> Field(string name) => Gen.Frequency(
        (8, name switch
        {
            "participants" or "attendees" => Gen.Frequency(
                (3, Ordinary.Array[0, 3].Select(n => (JsonNode?)new JsonArray([.. n.Select(x => (JsonNode?)JsonValue.Create(x))]))),
                (1, Gen.Select(Text, Word, Word, (n, l, m) => (JsonNode?)new JsonArray(new JsonObject { ["name"] = n, ["participant"] = n, ["level"] = l, ["mode"] = m })))),
            "hosts" => Text.Array[0, 2].Select(n => (JsonNode?)new JsonArray([.. n.Select(x => (JsonNode?)JsonValue.Create(x))])),
            "location" => Gen.Select(Text, Text, (city, country) => (JsonNode?)new JsonObject { ["city"] = city, ["country"] = country }),
            "source" => Gen.Select(Text, Gen.OneOf(Gen.Const("https://tass.com/1"), Gen.Const("ftp://x"), Text), Point, Text, (outlet, url, published, quote) =>
                (JsonNode?)new JsonObject { ["outlet"] = outlet, ["url"] = url, ["publishedAt"] = published, ["quote"] = quote }),
            "expectedVersion" => Gen.OneOf(Gen.Const(0L), Gen.Const(1L), Gen.Const(-1L), Gen.Long[0, 100]).Select(v => (JsonNode?)JsonValue.Create(v)),
            "dates" => Dates.Select(d => (JsonNode?)JsonValue.Create(d)),
            "sidelinesOf" or "retracts" or "commandId" => Slug.Select(s => (JsonNode?)JsonValue.Create(s)),
            "kind" or "level" or "mode" => Word.Select(w => (JsonNode?)JsonValue.Create(w)),
            _ => Text.Select(t => (JsonNode?)JsonValue.Create(t)),
        }),
        (1, AnyValue));

    private static readonly Gen<(string Field, JsonNode? Value)> FieldEntry =
        from i in Gen.Int[0, Fields.Length - 1]
        from value in Field(Fields[i])
        select (Fields[i], value);

    /// <summary>One command object: a name (nearly always a real one), a meeting, a reportedAt, and some other fields.</summary>
    public static readonly Gen<JsonObject> Command =
        from name in Gen.Frequency((10, Gen.OneOf(CommandNames)), (1, Gen.OneOf(Gen.Const("confirmAttendance"), Gen.Const("Foo"), Text)))
        from meeting in Gen.Frequency((10, Slug.Select(s => (JsonNode?)JsonValue.Create(s))), (1, AnyValue))
        from reportedAt in Gen.Frequency((10, Point.Select(p => (JsonNode?)JsonValue.Create(p))), (1, AnyValue))
        from values in FieldEntry.Array[0, 6]
        select Build(name, meeting, reportedAt, values);

    private static JsonObject Build(string name, JsonNode? meeting, JsonNode? reportedAt, IEnumerable<(string Field, JsonNode? Value)> values)
    {
        var command = new JsonObject { ["command"] = name, ["meetingId"] = meeting, ["reportedAt"] = reportedAt };
        foreach (var (field, value) in values)
        {
            command[field] = value;
        }
        return command;
    }

    // Commands with exactly the fields they need and good values, so that a good share of the files is valid and is
    // applied, or breaks a rule of the meeting it names; Command alone rarely gets every field right.
    private static readonly Gen<JsonObject> Plausible =
        from name in Gen.OneOf("CancelMeeting", "PostponeMeeting", "ConfirmAttendance", "DeclineAttendance", "AnnounceAttendance",
            "InviteParticipant", "RescheduleMeeting", "AnnounceMeeting")
        from meeting in Gen.Frequency((3, Gen.OneOf("g20-2022", "sco-2022", "apec-2022", "eef-2022")), (2, Gen.Int[0, 20].Select(i => $"fuzz-{i}")))
        from reportedAt in Gen.Select(Gen.Int[2021, 2022], Gen.Int[1, 12], Gen.Int[1, 28], (y, m, d) => $"{y:D4}-{m:D2}-{d:D2}")
        from participant in Ordinary
        from other in Ordinary
        from level in Gen.OneOf("expected", "possible", "planned")
        from dates in Gen.OneOf("2022-11-15/2022-11-16", "2022-12", "2023-03-01")
        select Plausibly(name, meeting, reportedAt, participant, other, level, dates);

    private static JsonObject Plausibly(string name, string meeting, string reportedAt, string participant, string other, string level, string dates)
    {
        var command = new JsonObject { ["command"] = name, ["meetingId"] = meeting, ["reportedAt"] = reportedAt };
        switch (name)
        {
            case "ConfirmAttendance" or "DeclineAttendance" or "InviteParticipant":
                command["participant"] = participant;
                break;
            case "AnnounceAttendance":
                command["participant"] = participant;
                command["level"] = level;
                break;
            case "RescheduleMeeting":
                command["dates"] = dates;
                break;
            case "AnnounceMeeting":
                command["title"] = $"{participant} and {other}";
                command["kind"] = "bilateral";
                command["participants"] = new JsonArray(participant, other);
                command["dates"] = dates;
                break;
        }
        return command;
    }

    private static readonly JsonSerializerOptions Raw = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A file of 1 to 4 generated commands, half of them plausible, in one of the formats import reads.</summary>
    public static readonly Gen<FuzzFile> Generated =
        from commands in Gen.Frequency((1, Command), (1, Plausible)).Array[1, 4]
        from format in Gen.Int[0, 3]
        select Write(commands, format);

    private static FuzzFile Write(JsonObject[] commands, int format) => format switch
    {
        0 => new("json", Encoding.UTF8.GetBytes(new JsonArray([.. commands]).ToJsonString(Raw))),
        1 => new("json", Encoding.UTF8.GetBytes(commands.Length == 1 ? commands[0].ToJsonString() : new JsonArray([.. commands]).ToJsonString())),
        2 => new("ndjson", Encoding.UTF8.GetBytes(string.Join('\n', commands.Select(c => c.ToJsonString(Raw))))),
        // Block YAML with JSON scalars and flow collections, which YAML reads as its own.
        _ => new("yaml", Encoding.UTF8.GetBytes(string.Concat(commands.Select(c =>
            "- " + string.Join("\n  ", c.Select(p => $"{p.Key}: {(p.Value is null ? "null" : p.Value.ToJsonString(Raw))}")) + "\n")))),
    };

    private static readonly byte[][] Splices =
    [
        [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xFF], [0x00], [0xFE, 0xFF], [0xEF, 0xBB, 0xBF],
        .. new[] { "\\ud800", "\\u0000", "\u202E", "\"", "{", "}", "[", "]", ",", ":", "null", "-1e999", "1e400", "99999999999999999999",
            "&a ", "*a", "---\n", "!!binary ", "<<: *a", "\n- ", "? ", "//", "/*", "\t", "\r\n" }.Select(Encoding.UTF8.GetBytes),
    ];

    /// <summary>Applies 1 to 4 byte-level mutations to files drawn from <paramref name="bases"/>.</summary>
    public static Gen<FuzzFile> Mutated(Gen<FuzzFile> bases) =>
        from file in bases
        from edits in Gen.Select(Gen.Int[0, 7], Gen.Double[0, 1], Gen.Int[0, 40], Gen.Byte).Array[1, 4]
        select file with { Bytes = edits.Aggregate(file.Bytes, Mutate) };

    private static byte[] Mutate(byte[] bytes, (int Kind, double Where, int Length, byte Value) edit)
    {
        var at = (int)(edit.Where * bytes.Length);
        var span = Math.Min(edit.Length, bytes.Length - at);
        return edit.Kind switch
        {
            0 when at < bytes.Length => Replace(bytes, at, (byte)(bytes[at] ^ (1 << (edit.Value % 8)))),
            1 when at < bytes.Length => Replace(bytes, at, edit.Value),
            2 => [.. bytes[..at], edit.Value, .. bytes[at..]],
            3 => [.. bytes[..at], .. bytes[(at + span)..]],
            4 => [.. bytes[..(at + span)], .. bytes[at..]],
            5 => bytes[..at],
            _ => [.. bytes[..at], .. Splices[edit.Value % Splices.Length], .. bytes[at..]],
        };
    }

    private static byte[] Replace(byte[] bytes, int at, byte value)
    {
        var copy = (byte[])bytes.Clone();
        copy[at] = value;
        return copy;
    }
}
