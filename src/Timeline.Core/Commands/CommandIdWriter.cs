using System.Buffers;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Timeline.Core.Commands;

/// <summary>
/// Command-id form v1, the canonical bytes a derived command id hashes (docs/command-ids.md): one compact JSON object
/// holding <c>command</c>, then the command's own fields in the order its input declares them, then <c>meetingId</c>,
/// <c>reportedAt</c> and <c>source</c>; absent fields are left out. Every name is written here or by an input's
/// <see cref="CommandInput.WriteIdFields"/>, never taken from a CLR property, and no serializer settings take part, so
/// renaming a property or changing how Timeline writes JSON elsewhere cannot change an id.
/// </summary>
internal sealed class CommandIdWriter
{
    /// <summary>The version of the form. v1 ids are in stores: a different form is a new version with its own prefix.</summary>
    public const int Version = 1;

    /// <summary>What a v1 id starts with; 32 lowercase hex digits (the first 16 bytes of the SHA-256) follow.</summary>
    public const string Prefix = "sha256:";

    // The escaping the first release used: only what JSON requires, plus characters outside the encoder's allowed set
    // (see docs/command-ids.md). It must never change, or ids of text holding such characters would change.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    private readonly Utf8JsonWriter _json;

    private CommandIdWriter(Utf8JsonWriter json) => _json = json;

    /// <summary>The id derived from a command's content in form v1, e.g. <c>sha256:9b218c987672af5c8dae7c516ec3c2b7</c>.</summary>
    public static string Derive(CommandInput input) =>
        Prefix + Convert.ToHexStringLower(SHA256.HashData(Canonical(input)).AsSpan(0, 16));

    /// <summary>The canonical bytes of a command in form v1 (UTF-8 JSON, no whitespace).</summary>
    public static byte[] Canonical(CommandInput input)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            var writer = new CommandIdWriter(json);
            json.WriteStartObject();
            json.WriteString("command", input.Command);
            input.WriteIdFields(writer);
            writer.Text("meetingId", input.MeetingId);
            writer.Text("reportedAt", input.ReportedAt);
            writer.Object("source", input.Source);
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A text field; nothing when absent.</summary>
    public void Text(string name, string? value)
    {
        if (value is not null)
        {
            _json.WriteString(name, value);
        }
    }

    /// <summary>A list of text; nothing when absent, <c>[]</c> when empty.</summary>
    public void TextList(string name, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return;
        }
        _json.WriteStartArray(name);
        foreach (var value in values)
        {
            _json.WriteStringValue(value);
        }
        _json.WriteEndArray();
    }

    /// <summary>A nested object; nothing when absent.</summary>
    public void Object<T>(string name, T? value)
        where T : class, ICanonicalFields
    {
        if (value is not null)
        {
            _json.WritePropertyName(name);
            Write(value);
        }
    }

    /// <summary>A list of objects; nothing when absent, <c>[]</c> when empty.</summary>
    public void ObjectList<T>(string name, IReadOnlyList<T>? values)
        where T : class, ICanonicalFields
    {
        if (values is null)
        {
            return;
        }
        _json.WriteStartArray(name);
        foreach (var value in values)
        {
            Write(value);
        }
        _json.WriteEndArray();
    }

    private void Write(ICanonicalFields value)
    {
        _json.WriteStartObject();
        value.WriteIdFields(this);
        _json.WriteEndObject();
    }
}
