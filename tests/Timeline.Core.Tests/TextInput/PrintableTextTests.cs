using System.Text.Json;
using Timeline.Core.Commands;
using Timeline.Core.Commands.ApplyCommands;
using Timeline.Core.Validation;
using Microsoft.Extensions.Time.Testing;
using static Timeline.Core.Tests.Commands.Submitting;

namespace Timeline.Core.Tests.TextInput;

/// <summary>
/// The one character rule (InputRules.Unprintable) as every entry point meets it: through the validation behaviour.
/// Control characters and invisible formatting characters are refused in ids, names, titles, reasons and quotes, the
/// message naming the field and the code point; the letters of every script pass.
/// </summary>
public sealed class PrintableTextTests
{
    private const string AnnounceTalks = """
        {"command": "AnnounceMeeting", "meetingId": "putin-xi-2022", "reportedAt": "2022-09-08", "title": "Putin-Xi talks",
         "kind": "bilateral", "participants": ["Vladimir Putin", "Xi Jinping"], "location": {"city": "Samarkand", "country": "Uzbekistan"},
         "source": {"outlet": "TASS", "speaker": "Dmitry Peskov", "quote": "They will meet."}, "commandId": "tass-0908-1"}
        """;

    private const string Decline = """
        {"command": "DeclineAttendance", "meetingId": "g20-2022", "reportedAt": "2022-11-10", "participant": "Vladimir Putin", "reason": "schedule"}
        """;

    private const string Retract = """
        {"command": "RetractReport", "meetingId": "g20-2022", "reportedAt": "2022-11-10", "retracts": "tass-0908-1", "reason": "misquoted"}
        """;

    public static TheoryData<string, string, string, string> Refused => new()
    {
        // command, the field's JSON path, the text with the character, the code point and name the message gives
        { AnnounceTalks, "participants[0]", "Vladimir\u202E Putin", "U+202E (right-to-left override), an invisible formatting character" },
        { AnnounceTalks, "title", "Putin\u2066-Xi\u2069 talks", "U+2066 (left-to-right isolate), an invisible formatting character" },
        { AnnounceTalks, "title", "Putin\u200B-Xi talks", "U+200B (zero width space), an invisible formatting character" },
        { AnnounceTalks, "title", "Putin-Xi\ntalks", "U+000A (line feed), a control character" },
        { AnnounceTalks, "title", "Putin-Xi\u2028talks", "U+2028 (line separator), a line separator" },
        { AnnounceTalks, "meetingId", "putin-xi-2022\u200D", "U+200D (zero width joiner), an invisible formatting character" },
        { AnnounceTalks, "commandId", "tass\u00AD0908", "U+00AD (soft hyphen), an invisible formatting character" },
        { AnnounceTalks, "location.city", "Samar\u200Fkand", "U+200F (right-to-left mark), an invisible formatting character" },
        { AnnounceTalks, "source.quote", "They will\u202B meet.", "U+202B (right-to-left embedding), an invisible formatting character" },
        { AnnounceTalks, "source.speaker", "Dmitry\uFEFF Peskov", "U+FEFF (zero width no-break space), an invisible formatting character" },
        { AnnounceTalks, "title", "Putin-Xi \U000E0041 talks", "U+E0041, an invisible formatting character" },
        { Decline, "participant", "Vladimir\u0007Putin", "U+0007, a control character" },
        { Decline, "reason", "sched\u202Dule", "U+202D (left-to-right override), an invisible formatting character" },
        { Retract, "retracts", "tass-0908-1\u2060", "U+2060 (word joiner), an invisible formatting character" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task An_invisible_or_control_character_is_refused_naming_the_field_and_the_code_point(string command, string field, string text, string named)
    {
        var problem = await Problem(Set(command, field, text));

        Assert.Equal(field == "participants[0]" ? "participants[0].name" : field, problem.Field);
        Assert.EndsWith($"contains {named}", problem.Message, StringComparison.Ordinal);
        // The message escapes what it quotes, so the refused character cannot reorder the line it is printed on.
        Assert.DoesNotContain(text, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Half_of_a_surrogate_pair_is_refused()
    {
        Assert.Equal("contains U+D83D, half of a surrogate pair, which is no character", InputRules.Unprintable("Putin \ud83d talks"));
        Assert.Equal("contains U+DE00, half of a surrogate pair, which is no character", InputRules.Unprintable("\ude00"));
        Assert.Null(InputRules.Unprintable("Putin \ud83d\ude00 talks"));

        // Written as a JSON escape, it cannot even be read as text: the command is refused as a whole.
        var error = ReadError(AnnounceTalks.Replace("Putin-Xi talks", "Putin \\ud83d talks", StringComparison.Ordinal));
        Assert.Equal("holds a \\u escape that is half of a surrogate pair, which is no character", error.Message);
    }

    [Theory]
    [InlineData("Владимир Путин", "Встреча в Самарканде")]
    [InlineData("习近平", "中俄元首会晤")]
    [InlineData("محمد بن سلمان", "قمة الرياض")]
    [InlineData("Recep Tayyip Erdoğan", "Réunion à Genève, Zürich Café")]
    [InlineData("नरेन्द्र मोदी", "शिखर सम्मेलन 🇮🇳")]
    public async Task The_letters_and_marks_of_ordinary_scripts_pass(string name, string title)
    {
        var command = Set(Set(Set(AnnounceTalks, "participants[0]", name), "title", title), "location.city", title);
        var multiline = Set(Set(Decline, "participant", name), "reason", $"{title}\r\n\t{name}");
        var request = new ApplyCommands([new SubmittedCommand(Input(command), Origin), new SubmittedCommand(Input(multiline), Origin with { Index = 1 })]);
        var behaviour = new ValidationBehavior<ApplyCommands, ApplyReport>([new ApplyCommandsValidator(new FakeTimeProvider(Now))]);
        var report = new ApplyReport([], 0, new Dictionary<string, long>());

        Assert.Same(report, await behaviour.Handle(request, (_, _) => ValueTask.FromResult(report), TestContext.Current.CancellationToken));
        Assert.Null(InputRules.Unprintable(name));
        Assert.Null(InputRules.Unprintable(title));
    }

    // Sets a field given by a path of names and one optional index (participants[0], location.city).
    private static string Set(string json, string path, string text)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        var parts = path.Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            node = node[part]!;
        }
        var last = parts[^1];
        if (last.EndsWith(']'))
        {
            var open = last.IndexOf('[', StringComparison.Ordinal);
            node[last[..open]]![int.Parse(last[(open + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)] = text;
        }
        else
        {
            node[last] = text;
        }
        return root.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
