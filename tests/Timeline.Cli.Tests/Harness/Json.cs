using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Timeline.Cli.Tests.Harness;

/// <summary>Small helpers for reading the CLI's JSON outputs.</summary>
internal static class Json
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The text of <paramref name="json"/> with every property named in <paramref name="names"/> removed, at any depth.</summary>
    public static string Without(string json, params string[] names)
    {
        var node = JsonNode.Parse(json)!;
        Strip(node, names);
        return node.ToJsonString(Indented);
    }

    public static JsonElement Meeting(JsonElement schedule, string id) =>
        Assert.Single(schedule.GetProperty("meetings").EnumerateArray(), m => m.GetProperty("id").GetString() == id);

    public static JsonElement Participant(JsonElement meeting, string name) =>
        Assert.Single(meeting.GetProperty("participants").EnumerateArray(), p => p.GetProperty("name").GetString() == name);

    public static JsonElement Row(JsonElement attendance, string meetingId, string participant) =>
        Assert.Single(attendance.GetProperty("rows").EnumerateArray(), r =>
            r.GetProperty("meetingId").GetString() == meetingId && r.GetProperty("participant").GetString() == participant);

    public static string? Text(this JsonElement element, string property) =>
        element.GetProperty(property) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static IReadOnlyList<JsonElement> Items(this JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray()];

    private static void Strip(JsonNode? node, string[] names)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var name in names)
                {
                    o.Remove(name);
                }
                foreach (var (_, child) in o)
                {
                    Strip(child, names);
                }
                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Strip(child, names);
                }
                break;
        }
    }
}
