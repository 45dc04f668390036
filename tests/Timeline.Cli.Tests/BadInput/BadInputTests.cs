using Timeline.Cli.Tests.Harness;

namespace Timeline.Cli.Tests.BadInput;

/// <summary>
/// Bad input, one case per test. Each exits 2 (bad input) or 3 (a rule said no); the message names the file, the
/// command's index, the field and quotes the value; no stack trace is printed; nothing reaches standard output; and
/// the store is unchanged: its audit is the same before and after, and a store that did not exist still does not.
/// </summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private const string ConfirmPutinAtSamarkand = """{ "command": "ConfirmAttendance", "meetingId": "sco-2022", "reportedAt": "2022-09-13", "participant": "Vladimir Putin" }""";
    private const string DeclinePutinAtApec = """{ "command": "DeclineAttendance", "meetingId": "apec-2022", "reportedAt": "2022-11-18", "participant": "Vladimir Putin", "representedBy": "Andrei Belousov" }""";

    private readonly CliWorkspace _workspace = new();
    private string _auditBefore = null!;

    public async ValueTask InitializeAsync()
    {
        (await _workspace.OnStore("import", Seeds.Article)).Succeeded();
        _auditBefore = await Audit();
        _workspace.Clock.Advance(TimeSpan.FromHours(1));
    }

    public ValueTask DisposeAsync()
    {
        _workspace.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<string> Audit() => (await _workspace.OnStore("audit", "--format", "json")).Succeeded().Out;

    private string NewStorePath => _workspace.PathOf("never-created.db");

    /// <summary>Writes a file of one JSON array of <paramref name="commands"/> and returns its name.</summary>
    private string File(string name, params string[] commands)
    {
        _workspace.Write(name, "[\n" + string.Join(",\n", commands) + "\n]\n");
        return name;
    }

    private static void FailedCleanly(CliRun run, int exitCode, string[] fragments)
    {
        Assert.True(run.ExitCode == exitCode, $"expected exit {exitCode}; {run}");
        Assert.Empty(run.Out);
        Assert.Empty(run.StackTraceLines);
        Assert.DoesNotContain("unexpected failure", run.Error, StringComparison.Ordinal);
        foreach (var fragment in fragments)
        {
            Assert.True(run.Error.Contains(fragment, StringComparison.Ordinal), $"stderr does not contain <{fragment}>; {run}");
        }
    }

    /// <summary>Runs <c>timeline --store … ARGS</c> on the store holding the article: it must fail and leave the store as it was.</summary>
    private async Task<CliRun> Fails(int exitCode, string[] args, params string[] fragments)
    {
        var run = await _workspace.OnStore(args);
        FailedCleanly(run, exitCode, fragments);
        Assert.Equal(_auditBefore, await Audit());
        return run;
    }

    /// <summary>
    /// Imports <paramref name="files"/> into the store holding the article, then into a store that does not exist:
    /// both must fail with exit 2 and the same message, and write nothing.
    /// </summary>
    private async Task<CliRun> ImportIsBadInput(string[] files, params string[] fragments)
    {
        var run = await Fails(2, ["import", .. files], fragments);
        var intoNewStore = await _workspace.Run(["--store", $"sqlite:{NewStorePath}", "import", .. files]);
        FailedCleanly(intoNewStore, 2, fragments);
        Assert.Equal(run.Error, intoNewStore.Error);
        Assert.False(_workspace.StoreFilesExist(NewStorePath), "a failed import created the store it was given");
        return run;
    }

    private Task<CliRun> ImportIsBadInput(string file, params string[] fragments) => ImportIsBadInput([file], fragments);

    [Fact]
    public async Task Malformed_json_is_reported_by_line_and_column()
    {
        _workspace.Write("broken.json", "[\n  { \"command\": \"ConfirmAttendance\",\n    \"meetingId\": }\n]\n");

        await ImportIsBadInput("broken.json", "broken.json", "malformed JSON", "line 3", "column 18");
    }

    [Theory]
    [InlineData("json")]
    [InlineData("ndjson")]
    [InlineData("yaml")]
    public async Task A_file_that_is_not_utf8_is_refused_naming_the_line_and_the_byte_offset(string format)
    {
        var text = format switch
        {
            "json" => $"[\n{ConfirmPutinAtSamarkand}\n]\n",
            "ndjson" => $"{DeclinePutinAtApec}\n{ConfirmPutinAtSamarkand}\n",
            _ => "- command: ConfirmAttendance\n  meetingId: sco-2022\n  reportedAt: 2022-09-13\n  participant: Vladimir Putin\n",
        };
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var offset = text.LastIndexOf("Putin", StringComparison.Ordinal);
        bytes[offset] = 0xC3; // then 'u': a two-byte sequence cut short
        var name = $"latin1.{format}";
        System.IO.File.WriteAllBytes(_workspace.PathOf(name), bytes);
        var line = text[..offset].Count(c => c == '\n') + 1;

        await ImportIsBadInput(name, $"error: {name}: is not valid UTF-8: byte 0xC3 at line {line} (byte offset {offset})");
    }

    [Fact]
    public async Task Utf16_without_a_byte_order_mark_is_refused_as_such_and_with_one_is_read()
    {
        var text = $"[\n{ConfirmPutinAtSamarkand}\n]\n";
        System.IO.File.WriteAllBytes(_workspace.PathOf("utf16.json"), System.Text.Encoding.Unicode.GetBytes(text));

        await ImportIsBadInput("utf16.json", "error: utf16.json: holds a zero byte at line 1 (byte offset 1): it looks like UTF-16 without a byte order mark");

        System.IO.File.WriteAllBytes(_workspace.PathOf("utf16-bom.json"), [.. System.Text.Encoding.Unicode.GetPreamble(), .. System.Text.Encoding.Unicode.GetBytes(text)]);
        var run = await _workspace.OnStore("import", "utf16-bom.json");
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public async Task A_name_with_a_right_to_left_override_is_refused_naming_the_field_and_the_code_point()
    {
        var file = File("bidi.json", ConfirmPutinAtSamarkand.Replace("Vladimir Putin", "Vladimir\\u202e Putin", StringComparison.Ordinal));

        await ImportIsBadInput(file, "bidi.json[0] (line 2): ConfirmAttendance: participant: 'Vladimir\\u202e Putin' contains U+202E (right-to-left override), an invisible formatting character");
    }

    [Theory]
    [InlineData("schedule", "--from", "2023", "--to", "2022-12", "error: --from: '2023' is after to ('2022-12')")]
    [InlineData("audit", "--reported-from", "2022-09-14", "--reported-to", "2022-09-13", "error: --reported-from: '2022-09-14' is after reportedTo ('2022-09-13')")]
    [InlineData("diff", "--from", "2022-09-14", "--to", "2022-09-13", "error: --from: '2022-09-14' is after to ('2022-09-13')")]
    [InlineData("diff", "--recorded-from", "2026-11-30", "--recorded-to", "2026-11-29", "error: --recorded-from: '2026-11-30' is after recordedTo ('2026-11-29')")]
    public async Task A_from_after_to_is_bad_input_on_every_verb_that_takes_both(string verb, string fromOption, string from, string toOption, string to, string message) =>
        await Fails(2, [verb, fromOption, from, toOption, to], message);

    [Fact]
    public async Task A_json_file_that_is_not_an_array_is_refused()
    {
        _workspace.Write("text.json", "\"ConfirmAttendance\"\n");

        await ImportIsBadInput("text.json", "text.json", "expected a JSON array of commands, found string");
    }

    [Fact]
    public async Task An_unknown_command_is_named_and_the_known_ones_listed()
    {
        var file = File("foo.json", """{ "command": "Foo", "meetingId": "g20-2022", "reportedAt": "2022-09-09" }""");

        await ImportIsBadInput(file, "foo.json[0]", "command", "'Foo' is not a command", "ConfirmAttendance");
    }

    [Fact]
    public async Task A_command_in_the_wrong_case_gets_a_did_you_mean()
    {
        var file = File("case.json", """{ "command": "confirmAttendance", "meetingId": "g20-2022", "reportedAt": "2022-09-09", "participant": "Vladimir Putin" }""");

        await ImportIsBadInput(file, "case.json[0]", "command", "'confirmAttendance'", "did you mean 'ConfirmAttendance'?");
    }

    [Fact]
    public async Task A_missing_meeting_id_is_required()
    {
        var file = File("no-meeting.json", ConfirmPutinAtSamarkand, """{ "command": "ConfirmAttendance", "reportedAt": "2022-09-13", "participant": "Xi Jinping" }""");

        await ImportIsBadInput(file, "no-meeting.json[1]", "ConfirmAttendance", "meetingId: is required");
    }

    [Fact]
    public async Task An_invalid_edtf_date_is_quoted()
    {
        var file = File("month-13.json", """{ "command": "RescheduleMeeting", "meetingId": "g20-2022", "reportedAt": "2022-09-09", "dates": "2022-13-45" }""");

        await ImportIsBadInput(file, "month-13.json[0]", "RescheduleMeeting", "dates: '2022-13-45' is not an EDTF date");
    }

    [Fact]
    public async Task An_interval_that_ends_before_it_starts_is_refused()
    {
        var file = File("backwards.json", """{ "command": "RescheduleMeeting", "meetingId": "g20-2022", "reportedAt": "2022-09-09", "dates": "2022-11-16/2022-11-15" }""");

        await ImportIsBadInput(file, "backwards.json[0]", "dates: '2022-11-16/2022-11-15'", "ends before it starts");
    }

    [Fact]
    public async Task A_reported_instant_without_an_offset_is_refused()
    {
        var file = File("no-offset.json", """{ "command": "ConfirmAttendance", "meetingId": "sco-2022", "reportedAt": "2022-09-13T10:00:00", "participant": "Vladimir Putin" }""");

        await ImportIsBadInput(file, "no-offset.json[0]", "reportedAt: '2022-09-13T10:00:00'", "offset");
    }

    [Fact]
    public async Task A_report_from_the_future_of_the_clock_is_refused()
    {
        // The fake clock stands at 2026-11-29T13:00Z: the next day has not come yet.
        var file = File("future.json", """{ "command": "ConfirmAttendance", "meetingId": "sco-2022", "reportedAt": "2026-11-30", "participant": "Vladimir Putin" }""");

        await ImportIsBadInput(file, "future.json[0]", "reportedAt: '2026-11-30'", "in the future");
    }

    [Fact]
    public async Task A_command_on_a_meeting_never_announced_is_rejected_by_rule()
    {
        var file = File("nope.json", """{ "command": "ConfirmAttendance", "meetingId": "nope-2099", "reportedAt": "2022-09-13", "participant": "Vladimir Putin" }""");

        await Fails(3, ["import", file], "nope.json[0]", "ConfirmAttendance", "meeting-not-announced", "'nope-2099'", "Nothing was written.");
    }

    [Fact]
    public async Task Fields_of_the_wrong_type_are_each_named_with_what_was_found()
    {
        var file = File("types.json", """
            { "command": "AnnounceMeeting", "meetingId": "lavrov-wang-2022", "reportedAt": "2022-09-09", "kind": "bilateral",
              "title": 42, "participants": "Putin", "dates": {} }
            """);

        await ImportIsBadInput(
            file,
            "types.json[0]",
            "title: expected text, found number 42",
            "participants: expected a list, found text 'Putin'",
            "dates: expected text, found an object");
    }

    [Fact]
    public async Task An_over_long_title_is_measured_not_echoed()
    {
        var title = new string('x', 100_000);
        var file = File("long.json", $$"""{ "command": "AnnounceMeeting", "meetingId": "long-2022", "reportedAt": "2022-09-09", "kind": "other", "participants": [], "title": "{{title}}" }""");

        var run = await ImportIsBadInput(file, "long.json[0]", "title", "100000 characters");

        Assert.DoesNotContain(new string('x', 50), run.Error, StringComparison.Ordinal);
        Assert.True(run.Error.Length < 1_000, $"the message is {run.Error.Length} characters long");
    }

    [Fact]
    public async Task An_injection_looking_meeting_id_is_refused_and_quoted()
    {
        var file = File("injection.json", """{ "command": "ConfirmAttendance", "meetingId": "g20'; DROP TABLE events;--", "reportedAt": "2022-09-09", "participant": "Vladimir Putin" }""");

        await ImportIsBadInput(file, "injection.json[0]", "meetingId: 'g20'; DROP TABLE events;--' is not a meeting id");
    }

    [Fact]
    public async Task An_injection_looking_participant_is_a_valid_name_stored_harmlessly()
    {
        const string Robert = "Robert'); DROP TABLE events;--";
        var file = File("robert.json", $$"""{ "command": "ConfirmAttendance", "meetingId": "g20-2022", "reportedAt": "2022-09-09", "participant": "{{Robert}}" }""");

        (await _workspace.OnStore("import", file)).Succeeded();

        var schedule = (await _workspace.OnStore("schedule", "--participant", Robert, "--format", "json")).Succeeded().Json();
        var g20 = Assert.Single(schedule.Items("meetings"));
        Assert.Equal("confirmed", Json.Participant(g20, Robert).Text("attendance"));
        var ledger = (await _workspace.OnStore("attendance", "--participant", Robert.ToUpperInvariant(), "--format", "json")).Succeeded().Json();
        Assert.Equal(Robert, Assert.Single(ledger.Items("rows")).Text("participant"));
        var audit = (await _workspace.OnStore("audit", "--format", "json")).Succeeded().Json().Items("events");
        Assert.Equal(Seeds.ArticleCommands + 1, audit.Count);
        Assert.Equal(Robert, audit[^1].GetProperty("data").Text("participant"));
    }

    [Fact]
    public async Task A_bad_command_in_the_middle_of_a_file_is_named_by_index_and_nothing_is_written()
    {
        var file = File(
            "middle.json",
            ConfirmPutinAtSamarkand,
            """{ "command": "ConfirmAttendance", "meetingId": "sco-2022", "reportedAt": "2022-09-13", "participant": "Xi Jinping" }""",
            """{ "command": "ConfirmAttendance", "meetingId": "putin-xi-2022", "reportedAt": "2022-09-13", "participant": 42 }""",
            DeclinePutinAtApec);

        var run = await ImportIsBadInput(file, "middle.json[2]", "participant: expected text, found number 42");

        Assert.DoesNotContain("middle.json[0]", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("middle.json[1]", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("middle.json[3]", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rule_violation_in_the_middle_of_a_multi_file_import_writes_nothing_from_any_file()
    {
        var first = File("first.json", """{ "command": "AnnounceMeeting", "meetingId": "lavrov-wang-2022", "reportedAt": "2022-09-09", "kind": "bilateral", "title": "Lavrov-Wang talks", "participants": ["Sergey Lavrov", "Wang Yi"] }""");
        // The forum ended on 8 Sep: it cannot be postponed on the 9th.
        var second = File("second.json", ConfirmPutinAtSamarkand, """{ "command": "PostponeMeeting", "meetingId": "eef-2022", "reportedAt": "2022-09-09" }""");
        var third = File("third.json", DeclinePutinAtApec);

        await Fails(3, ["import", first, second, third], "second.json[1]", "PostponeMeeting", "rejected", "Nothing was written.");
    }

    [Fact]
    public async Task An_unknown_field_gets_a_did_you_mean()
    {
        var file = File("field.json", """{ "command": "ConfirmAttendance", "meetingId": "sco-2022", "reportedat": "2022-09-13", "participant": "Vladimir Putin" }""");

        await ImportIsBadInput(file, "field.json[0]", "reportedat: is not a field of this command; did you mean 'reportedAt'?");
    }

    [Fact]
    public async Task A_field_given_twice_is_refused()
    {
        var file = File("twice.json", """{ "command": "ConfirmAttendance", "meetingId": "sco-2022", "meetingId": "g20-2022", "reportedAt": "2022-09-13", "participant": "Vladimir Putin" }""");

        await ImportIsBadInput(file, "twice.json[0]", "meetingId: is given more than once");
    }

    [Fact]
    public async Task A_yaml_file_with_a_syntax_error_is_reported_by_line()
    {
        _workspace.Write("bad.yaml", """
            - command: ConfirmAttendance
              meetingId: "sco-2022
              reportedAt: 2022-09-13
              participant: Vladimir Putin
            """);

        await ImportIsBadInput("bad.yaml", "bad.yaml", "malformed YAML", "line 2");
    }

    [Fact]
    public async Task A_malformed_ndjson_line_is_named_by_index_and_line()
    {
        _workspace.Write("commands.ndjson", ConfirmPutinAtSamarkand + "\n\n{ \"command\": \"ConfirmAttendance\", \"meetingId\": \n");

        await ImportIsBadInput("commands.ndjson", "commands.ndjson[1] (line 3)", "malformed JSON");
    }

    [Fact]
    public async Task A_missing_file_is_named()
    {
        await ImportIsBadInput("missing.json", "missing.json: no such file");
    }

    [Fact]
    public async Task A_file_with_no_commands_is_refused()
    {
        _workspace.Write("empty.json", "[]");

        await ImportIsBadInput("empty.json", "there are no commands to apply");
    }

    [Fact]
    public async Task An_unknown_format_is_a_usage_error()
    {
        await Fails(2, ["schedule", "--format", "xml"], "'xml'", "--format");
    }

    [Fact]
    public async Task As_of_yesterday_is_not_a_date()
    {
        await Fails(2, ["schedule", "--as-of", "yesterday"], "'yesterday'");
    }

    [Fact]
    public async Task The_history_of_an_unknown_meeting_is_bad_input()
    {
        await Fails(2, ["history", "nope"], "'nope'", "not in this store");
    }

    [Fact]
    public async Task Audit_of_a_bogus_command_lists_the_known_ones()
    {
        await Fails(2, ["audit", "--command", "Bogus"], "'Bogus'", "PostponeMeeting");
    }

    [Fact]
    public async Task Audit_with_a_limit_of_zero_is_refused()
    {
        await Fails(2, ["audit", "--limit", "0"], "'0'");
    }

    [Fact]
    public async Task An_unclosed_yaml_flow_list_is_a_syntax_error_not_an_unexpected_failure()
    {
        _workspace.Write("unclosed.yaml", """
            - command: AnnounceMeeting
              meetingId: putin-xi-2022
              participants: [Vladimir Putin, Xi Jinping
              title: Talks: Putin and Xi
            """);

        await ImportIsBadInput("unclosed.yaml", "unclosed.yaml", "malformed YAML");
    }

    [Fact]
    public async Task Yaml_nested_deeper_than_json_allows_is_bad_input_not_an_unexpected_failure()
    {
        _workspace.Write("deep.yaml", "- command: AnnounceMeeting\n  title: " + new string('[', 100) + new string(']', 100) + "\n");

        await ImportIsBadInput("deep.yaml", "deep.yaml", "nests deeper than 32 levels");
    }

    [Fact]
    public async Task A_yaml_alias_is_refused()
    {
        _workspace.Write("alias.yaml", "- command: AnnounceMeeting\n  meetingId: bomb-2022\n  title: &t Bomb\n  kind: *t\n");

        await ImportIsBadInput("alias.yaml", "alias.yaml", "alias");
    }

    [Theory]
    [InlineData("bom.json")]
    [InlineData("bom.yaml")]
    public async Task A_file_starting_with_a_utf8_byte_order_mark_is_read(string name)
    {
        var text = name.EndsWith(".json", StringComparison.Ordinal)
            ? "[" + ConfirmPutinAtSamarkand + "]"
            : "- command: ConfirmAttendance\n  meetingId: sco-2022\n  reportedAt: 2022-09-13\n  participant: Vladimir Putin\n";
        System.IO.File.WriteAllText(_workspace.PathOf(name), text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var run = await _workspace.OnStore("import", name);

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public async Task Json_on_standard_input_starting_with_a_byte_order_mark_is_read()
    {
        var run = await _workspace.RunWithInput("\uFEFF[" + ConfirmPutinAtSamarkand + "]", "--store", _workspace.Store, "import", "-");

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public async Task A_rule_rejection_on_a_store_that_did_not_exist_leaves_no_store_behind()
    {
        var file = File("nope.json", """{ "command": "ConfirmAttendance", "meetingId": "nope-2099", "reportedAt": "2022-09-13", "participant": "Vladimir Putin" }""");

        var run = await _workspace.Run("--store", $"sqlite:{NewStorePath}", "import", file);

        FailedCleanly(run, 3, ["nope.json[0]", "meeting-not-announced", "Nothing was written."]);
        Assert.False(_workspace.StoreFilesExist(NewStorePath), "a rejected import created the store it was given");
        Assert.Equal(2, (await _workspace.Run("--store", $"sqlite:{NewStorePath}", "schedule")).ExitCode);
    }

    [Theory]
    [InlineData("no-such-folder/t.db")]
    [InlineData(".")]
    public async Task A_store_path_that_cannot_be_created_makes_the_store_unavailable_not_an_unexpected_failure(string path)
    {
        var run = await _workspace.Run("--store", $"sqlite:{path}", "import", Seeds.Article);

        FailedCleanly(run, 4, [Path.GetFullPath(path, _workspace.Folder), "is unavailable: it cannot be opened"]);
    }

    [Fact]
    public async Task Malformed_json_gives_one_line_and_column_not_two_contradicting_ones()
    {
        _workspace.Write("broken.json", "[\n  { \"command\": \"ConfirmAttendance\",\n    \"meetingId\": }\n]\n");

        var run = await ImportIsBadInput("broken.json", "line 3, column 18");

        Assert.DoesNotContain("LineNumber", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("schedule", "--format", "xml")]
    [InlineData("audit", "--limit", "abc")]
    public async Task Usage_errors_do_not_name_dotnet_types(params string[] args)
    {
        var run = await Fails(2, args);

        Assert.DoesNotContain("System.", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Timeline.Cli", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--as-of", new[] { "schedule", "--as-of", "yesterday" })]
    [InlineData("--command", new[] { "audit", "--command", "Bogus" })]
    [InlineData("--limit", new[] { "audit", "--limit", "0" })]
    [InlineData("--from", new[] { "diff", "--from", "2022-11-12", "--to", "2022-09-10" })]
    [InlineData("--to", new[] { "diff", "--from", "2022-09-10", "--to", "10/11/2022" })]
    [InlineData("--recorded-from", new[] { "diff", "--recorded-from", "2026-12-01", "--recorded-to", "2026-11-30T12:00:00Z" })]
    [InlineData("--within", new[] { "conflicts", "--within", "4000" })]
    public async Task Query_errors_name_the_option_and_do_not_speak_of_writing(string option, string[] args)
    {
        var run = await Fails(2, args, option);

        Assert.DoesNotContain("Nothing was written", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_diff_from_after_its_to_is_refused_naming_both_bounds()
    {
        await Fails(2, ["diff", "--from", "2022-11-12", "--to", "2022-09-10"], "error: --from: '2022-11-12' is after to ('2022-09-10')");
    }

    [Theory]
    [InlineData(new[] { "diff" }, "error: --from: is required")]
    [InlineData(new[] { "diff", "--to", "2022-11-12" }, "error: --to: needs from")]
    [InlineData(new[] { "diff", "--from", "2022-09-10", "--recorded-from", "2026-11-29" }, "error: --recorded-from: cannot go with from")]
    [InlineData(new[] { "diff", "--from", "2022-09-10", "--as-of", "2022-11-12" }, "error: --as-of: applies between two system times")]
    [InlineData(new[] { "diff", "--recorded-from", "2026-11-29", "--recorded-as-of", "2026-11-30" }, "error: --recorded-as-of: applies between two knowledge times")]
    [InlineData(new[] { "diff", "--recorded-to", "2026-11-30" }, "error: --recorded-to: needs recordedFrom")]
    public async Task A_diff_compares_two_knowledge_times_or_two_system_times_never_a_mixture(string[] args, string message)
    {
        await Fails(2, args, message);
    }

    [Fact]
    public async Task A_json_object_wrapping_the_commands_is_refused_as_not_an_array()
    {
        _workspace.Write("wrapped.json", "{ \"commands\": [" + ConfirmPutinAtSamarkand + "] }");

        await ImportIsBadInput("wrapped.json", "wrapped.json", "expected a JSON array of commands");
    }
}
