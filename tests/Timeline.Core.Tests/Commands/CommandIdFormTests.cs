using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Timeline.Core.Commands;
using Timeline.Core.Tests.Support;
using static Timeline.Core.Tests.Commands.Submitting;

namespace Timeline.Core.Tests.Commands;

/// <summary>
/// Command-id form v1 (docs/command-ids.md): the canonical text a derived id hashes is written field by field under
/// fixed names, so it is exactly the documented text whatever the CLR properties are called.
/// </summary>
public sealed class CommandIdFormTests
{
    private const string PutinXi = """
        {"command": "AnnounceMeeting", "meetingId": "putin-xi-2022", "reportedAt": "2022-09-08", "title": "Putin-Xi talks", "kind": "bilateral", "participants": ["Vladimir Putin", {"name": "Xi Jinping", "level": "expected", "mode": "in-person"}], "location": {"city": "Samarkand", "country": "Uzbekistan"}, "dates": "2022-09-15/2022-09-16", "sidelinesOf": "sco-2022", "source": {"speaker": "Yury Ushakov", "quote": "talks between our president and PRC President Xi Jinping that are planned"}, "commandId": "tass-1", "expectedVersion": 0}
        """;

    // The worked example of docs/command-ids.md.
    private const string PutinXiForm =
        """{"command":"AnnounceMeeting","title":"Putin-Xi talks","kind":"bilateral","participants":[{"name":"Vladimir Putin"},{"name":"Xi Jinping","level":"expected","mode":"in-person"}],"location":{"city":"Samarkand","country":"Uzbekistan"},"dates":"2022-09-15/2022-09-16","sidelinesOf":"sco-2022","meetingId":"putin-xi-2022","reportedAt":"2022-09-08","source":{"speaker":"Yury Ushakov","quote":"talks between our president and PRC President Xi Jinping that are planned"}}""";

    public static TheoryData<string> PinnedCases => CommandIdsTests.PinnedCases;

    [Fact]
    public void The_canonical_form_is_the_documented_text_and_the_id_is_the_documented_hash_of_it()
    {
        var input = Input(PutinXi);

        Assert.Equal(PutinXiForm, Encoding.UTF8.GetString(CommandIdWriter.Canonical(input)));
        Assert.Equal(
            "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(PutinXiForm))[..16]),
            CommandIds.Derived(input));
        Assert.Equal("sha256:caeea388a7c606b51cc5a8bc09452faa", CommandIds.Derived(input));
    }

    [Fact]
    public void Text_escapes_only_what_json_needs_and_characters_outside_the_allowed_set()
    {
        var input = Input(
            """{"command": "CancelMeeting", "meetingId": "m", "reportedAt": "2022-10-15", "reason": "\"q\" \\ <b>&' Путин é\n\t\u0001 \u00a0 \u2028 \ue000 😐"}""");

        Assert.Equal(
            """{"command":"CancelMeeting","reason":"\"q\" \\ <b>&' Путин é\n\t\u0001 \u00A0 \u2028 \uE000 \uD83D\uDE10","meetingId":"m","reportedAt":"2022-10-15"}""",
            Encoding.UTF8.GetString(CommandIdWriter.Canonical(input)));
    }

    [Theory]
    [MemberData(nameof(PinnedCases))]
    public void The_canonical_form_is_itself_the_same_command(string name)
    {
        var input = Input(CommandIdsTests.Json(name));

        var again = Input(Encoding.UTF8.GetString(CommandIdWriter.Canonical(input)));

        Assert.Equal(input.GetType(), again.GetType());
        Assert.Equal(CommandIdWriter.Canonical(input), CommandIdWriter.Canonical(again));
        Assert.Equal(CommandIds.Derived(input), CommandIds.Derived(again));
    }

    // An explicit writer can forget a field; then two different commands would share an id and the second would be dropped.
    [Theory]
    [MemberData(nameof(PinnedCases))]
    public void Leaving_out_any_field_or_list_item_changes_the_id(string name)
    {
        var json = CommandIdsTests.Json(name);
        var id = CommandIds.Derived(Input(json));

        var variants = Trimmed(JsonNode.Parse(json)!).ToList();

        Assert.NotEmpty(variants);
        Assert.All(variants, variant => Assert.NotEqual(id, CommandIds.Derived(Input(variant.Json))));
    }

    [Fact]
    public void The_pinned_cases_set_every_field_of_every_input_at_least_once()
    {
        var inputs = CommandIdsTests.PinnedJson.Select(json => (object)Input(json)).ToList();
        var set = new HashSet<string>(StringComparer.Ordinal);
        Collect(inputs, set);

        var fields = typeof(CommandInput).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false } && (t.IsSubclassOf(typeof(CommandInput)) || typeof(ICanonicalFields).IsAssignableFrom(t)))
            .SelectMany(t => t.GetProperties().Where(p => p.CanWrite).Select(p => $"{p.DeclaringType!.Name}.{p.Name}"))
            .Where(f => !f.EndsWith(".CommandId", StringComparison.Ordinal) && !f.EndsWith(".ExpectedVersion", StringComparison.Ordinal));

        Assert.Empty(fields.Except(set).Order(StringComparer.Ordinal));
    }

    private static void Collect(IEnumerable<object> values, HashSet<string> set)
    {
        foreach (var value in values)
        {
            foreach (var property in value.GetType().GetProperties().Where(p => p.CanWrite))
            {
                var field = property.GetValue(value);
                if (field is null)
                {
                    continue;
                }
                set.Add($"{property.DeclaringType!.Name}.{property.Name}");
                if (field is ICanonicalFields nested)
                {
                    Collect([nested], set);
                }
                else if (field is System.Collections.IEnumerable items and not string)
                {
                    Collect(items.OfType<ICanonicalFields>(), set);
                }
            }
        }
    }

    /// <summary>The command with one field (at any depth) or one list item left out, for every field and item but the command's name and those outside the form.</summary>
    private static IEnumerable<(string Path, string Json)> Trimmed(JsonNode root)
    {
        foreach (var path in Paths(root, string.Empty))
        {
            var copy = root.DeepClone();
            Remove(copy, path);
            yield return (path, copy.ToJsonString());
        }
    }

    private static IEnumerable<string> Paths(JsonNode node, string prefix)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                if (prefix.Length == 0 && key is "command" or "commandId" or "expectedVersion")
                {
                    continue;
                }
                var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
                yield return path;
                foreach (var inner in value is null ? [] : Paths(value, path))
                {
                    yield return inner;
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                yield return $"{prefix}[{i}]";
                foreach (var inner in Paths(array[i]!, $"{prefix}[{i}]"))
                {
                    yield return inner;
                }
            }
        }
    }

    private static void Remove(JsonNode root, string path)
    {
        var steps = path.Replace("[", ".[", StringComparison.Ordinal).Split('.');
        var node = root;
        foreach (var step in steps[..^1])
        {
            node = step.StartsWith('[') ? node[int.Parse(step[1..^1], System.Globalization.CultureInfo.InvariantCulture)]! : node[step]!;
        }
        var last = steps[^1];
        if (last.StartsWith('['))
        {
            node.AsArray().RemoveAt(int.Parse(last[1..^1], System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            node.AsObject().Remove(last);
        }
    }
}
