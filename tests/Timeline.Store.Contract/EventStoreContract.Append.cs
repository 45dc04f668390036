using Timeline.Core.Serialization;
using Timeline.Core.Storage;
using static Timeline.Store.Contract.Seed;

namespace Timeline.Store.Contract;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task A_stream_that_does_not_exist_reads_as_empty()
    {
        Assert.Empty(await Store.ReadStreamAsync(G20, Cancel));
    }

    [Fact]
    public async Task Appending_to_a_new_stream_at_expected_version_0_stores_its_events_at_versions_1_to_n()
    {
        var announced = Pending(G20Announced);
        var expected = Pending(PutinExpected);

        var stored = await AppendAsync(Append(G20, 0, announced, expected));

        Assert.Equal([1L, 2L], stored.Select(e => e.StreamVersion));
        Assert.Equal([announced.EventId, expected.EventId], stored.Select(e => e.EventId));
        Assert.All(stored, e => Assert.Equal(G20, e.Stream));
        Assert.Equal(["summit-announced.v1", "attendance-announced.v1"], stored.Select(e => e.EventType));
    }

    [Fact]
    public async Task What_an_append_returns_is_exactly_what_is_read_back()
    {
        var stored = await AppendAsync(Append(G20, 0, Pending(G20Announced), Pending(PutinExpected)), Append(Apec, 0, Pending(ApecAnnounced)));

        var g20 = await Store.ReadStreamAsync(G20, Cancel);
        var apec = await Store.ReadStreamAsync(Apec, Cancel);

        Assert.Equal(stored, [.. g20, .. apec]);
        Assert.Equal(stored, await ReadAllAsync(EventQuery.All));
    }

    [Fact]
    public async Task Appending_at_the_current_version_extends_the_stream()
    {
        await AppendAsync(Append(G20, 0, Pending(G20Announced)));

        var stored = await AppendAsync(Append(G20, 1, Pending(PutinExpected), Pending(PutinConfirmed)));

        Assert.Equal([2L, 3L], stored.Select(e => e.StreamVersion));
        Assert.Equal([1L, 2L, 3L], (await Store.ReadStreamAsync(G20, Cancel)).Select(e => e.StreamVersion));
    }

    [Fact]
    public async Task A_stream_reads_in_stream_order_even_when_other_streams_were_appended_in_between()
    {
        await AppendAsync(Append(G20, 0, Pending(G20Announced)));
        await AppendAsync(Append(Apec, 0, Pending(ApecAnnounced)));
        await AppendAsync(Append(G20, 1, Pending(PutinExpected)));

        var g20 = await Store.ReadStreamAsync(G20, Cancel);

        Assert.Equal([G20Announced, PutinExpected], g20.Select(e => e.Event));
        Assert.Equal([1L, 2L], g20.Select(e => e.StreamVersion));
        Assert.True(g20[0].Sequence < g20[1].Sequence);
    }

    [Fact]
    public async Task Global_sequence_starts_at_1_or_more_and_increases_strictly_across_streams_in_append_order()
    {
        var first = await AppendAsync(Append(G20, 0, Pending(G20Announced), Pending(PutinExpected)), Append(Apec, 0, Pending(ApecAnnounced)));
        var second = await AppendAsync(Append(Asean, 0, Pending(AseanAnnounced)));
        var third = await AppendAsync(Append(Apec, 1, Pending(PutinExpected)), Append(G20, 2, Pending(PutinConfirmed)));

        var sequences = first.Concat(second).Concat(third).Select(e => e.Sequence).ToList();

        Assert.True(sequences[0] >= 1);
        Assert.All(sequences.Zip(sequences.Skip(1)), pair => Assert.True(pair.First < pair.Second, $"{pair.First} is not before {pair.Second}"));
        Assert.Equal(sequences, await SequencesOfAsync(EventQuery.All));
    }

    [Fact]
    public async Task Appending_with_a_stale_expected_version_is_a_write_conflict_that_names_the_stream_and_both_versions()
    {
        await AppendAsync(Append(G20, 0, Pending(G20Announced), Pending(PutinExpected)));
        var late = Pending(PutinConfirmed);

        var conflict = await Assert.ThrowsAsync<WriteConflict>(() => AppendAsync(Append(G20, 1, late)));

        Assert.Equal(G20, conflict.Stream);
        Assert.Equal(1, conflict.ExpectedVersion);
        Assert.Equal(2, conflict.ActualVersion);
        Assert.Contains("g20-2022", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await Store.ReadStreamAsync(G20, Cancel)).Count);
        Assert.Empty(await Store.FindCommandsAsync([late.CommandId], Cancel));
    }

    [Fact]
    public async Task Appending_at_version_0_to_a_stream_that_exists_is_a_write_conflict()
    {
        await AppendAsync(Append(G20, 0, Pending(G20Announced)));

        var conflict = await Assert.ThrowsAsync<WriteConflict>(() => AppendAsync(Append(G20, 0, Pending(G20Announced))));

        Assert.Equal(0, conflict.ExpectedVersion);
        Assert.Single(await Store.ReadStreamAsync(G20, Cancel));
    }

    [Fact]
    public async Task Appending_with_an_expected_version_ahead_of_the_stream_is_a_write_conflict()
    {
        await AppendAsync(Append(G20, 0, Pending(G20Announced)));

        var conflict = await Assert.ThrowsAsync<WriteConflict>(() => AppendAsync(Append(G20, 5, Pending(PutinExpected))));

        Assert.Equal(5, conflict.ExpectedVersion);
        Assert.Single(await Store.ReadStreamAsync(G20, Cancel));
    }

    [Fact]
    public async Task A_version_conflict_on_one_stream_writes_nothing_to_the_other_streams_of_the_same_append()
    {
        await AppendAsync(Append(Apec, 0, Pending(ApecAnnounced)));
        var before = await ReadAllAsync(EventQuery.All);
        var g20 = Pending(G20Announced);
        var asean = Pending(AseanAnnounced);
        var apec = Pending(PutinExpected);

        var conflict = await Assert.ThrowsAsync<WriteConflict>(
            () => AppendAsync(Append(G20, 0, g20), Append(Asean, 0, asean), Append(Apec, 0, apec)));

        Assert.Equal(Apec, conflict.Stream);
        Assert.Equal(before, await ReadAllAsync(EventQuery.All));
        Assert.Empty(await Store.FindCommandsAsync([g20.CommandId, asean.CommandId, apec.CommandId], Cancel));
    }

    [Fact]
    public async Task A_command_id_already_stored_is_a_write_conflict_that_names_it_and_nothing_is_written()
    {
        await AppendAsync(Append(G20, 0, Pending(G20Announced, commandId: "import-2022-09-08-line-7")));
        var before = await ReadAllAsync(EventQuery.All);

        var conflict = await Assert.ThrowsAsync<WriteConflict>(
            () => AppendAsync(Append(Apec, 0, Pending(ApecAnnounced, commandId: "import-2022-09-08-line-7"))));

        Assert.Contains("import-2022-09-08-line-7", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(before, await ReadAllAsync(EventQuery.All));
        Assert.Empty(await Store.ReadStreamAsync(Apec, Cancel));
    }

    [Fact]
    public async Task A_stored_command_id_in_the_second_stream_of_an_append_rolls_back_the_first_stream_too()
    {
        await AppendAsync(Append(Apec, 0, Pending(ApecAnnounced, commandId: "cmd-apec")));
        var g20 = Pending(G20Announced);

        await Assert.ThrowsAsync<WriteConflict>(
            () => AppendAsync(Append(G20, 0, g20), Append(Apec, 1, Pending(PutinExpected, commandId: "cmd-apec"))));

        Assert.Empty(await Store.ReadStreamAsync(G20, Cancel));
        Assert.Single(await Store.ReadStreamAsync(Apec, Cancel));
        Assert.Empty(await Store.FindCommandsAsync([g20.CommandId], Cancel));
    }

    [Fact]
    public async Task Several_events_of_one_command_are_appended_together_under_its_one_command_id()
    {
        var stored = await AppendAsync(Append(
            G20,
            0,
            Pending(G20Announced, commandId: "cmd-g20"),
            Pending(PutinExpected, commandId: "cmd-g20"),
            Pending(PutinConfirmed, reportedAt: "2022-11-10", commandId: "cmd-confirm")));

        Assert.Equal(["cmd-g20", "cmd-g20", "cmd-confirm"], stored.Select(e => e.CommandId));
        Assert.Equal(new HashSet<string> { "cmd-g20", "cmd-confirm" }, await Store.FindCommandsAsync(["cmd-g20", "cmd-confirm"], Cancel));
        var conflict = await Assert.ThrowsAsync<WriteConflict>(() => AppendAsync(Append(G20, 3, Pending(PutinDeclined, commandId: "cmd-g20"))));
        Assert.Contains("cmd-g20", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_part_way_through_an_append_writes_nothing()
    {
        var g20 = Pending(G20Announced);
        var apec = Pending(ApecAnnounced);
        // The same event id twice: the second insert fails after the first stream was written.
        var duplicate = Pending(AseanAnnounced) with { EventId = g20.EventId };

        await Assert.ThrowsAnyAsync<Exception>(() => AppendAsync(Append(G20, 0, g20), Append(Apec, 0, apec), Append(Asean, 0, duplicate)));

        await AssertNothingStoredAsync(g20.CommandId, apec.CommandId, duplicate.CommandId);
    }

    [Fact]
    public async Task An_append_cancelled_before_it_commits_writes_nothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var g20 = Pending(G20Announced);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.AppendAsync([Append(G20, 0, g20)], Analyst, cancelled.Token));

        await AssertNothingStoredAsync(g20.CommandId);
    }

    [Fact]
    public async Task RecordedAt_is_the_store_clock_in_UTC_cut_to_whole_microseconds_and_RecordedBy_is_kept()
    {
        var stored = await Store.AppendAsync([Append(G20, 0, Pending(G20Announced))], "Юлия O'Brien (api key: newsroom-1)", Cancel);

        var read = Assert.Single(await Store.ReadStreamAsync(G20, Cancel));
        Assert.Equal(ClockStartInMicroseconds, stored[0].RecordedAt.Instant);
        Assert.Equal(ClockStartInMicroseconds, read.RecordedAt.Instant);
        Assert.Equal(ClockStartInMicroseconds.UtcTicks, read.RecordedAt.Instant.UtcTicks);
        Assert.Equal(TimeSpan.Zero, read.RecordedAt.Instant.Offset);
        Assert.Equal("2022-09-08T10:30:00.123456Z", read.RecordedAt.ToString());
        Assert.Equal("Юлия O'Brien (api key: newsroom-1)", read.RecordedBy);
    }

    [Fact]
    public async Task RecordedAt_is_read_once_per_append_and_follows_the_clock_between_appends()
    {
        var first = await AppendAsync(Append(G20, 0, Pending(G20Announced), Pending(PutinExpected)), Append(Apec, 0, Pending(ApecAnnounced)));
        Clock.Advance(TimeSpan.FromDays(63) + TimeSpan.FromTicks(5));
        var second = await AppendAsync(Append(G20, 2, Pending(PutinConfirmed, reportedAt: "2022-11-10")));

        Assert.All(first, e => Assert.Equal(ClockStartInMicroseconds, e.RecordedAt.Instant));
        Assert.Equal(new DateTimeOffset(2022, 11, 10, 10, 30, 0, TimeSpan.Zero).AddTicks(1_234_570), second[0].RecordedAt.Instant);
        Assert.Equal(
            [ClockStartInMicroseconds, ClockStartInMicroseconds, ClockStartInMicroseconds, second[0].RecordedAt.Instant],
            (await ReadAllAsync(EventQuery.All)).Select(e => e.RecordedAt.Instant));
    }

    [Theory]
    [InlineData("2022-09-08")]
    [InlineData("2022-09-08T10:30:00+03:00")]
    [InlineData("2022-09-08T07:30:00Z")]
    [InlineData("2022-09-08T10:30+03:00")]
    [InlineData("2022-09-08T10:30:00.1234567-05:30")]
    public async Task ReportedAt_is_kept_exactly_as_given(string reportedAt)
    {
        await AppendAsync(Append(G20, 0, Pending(G20Announced, reportedAt: reportedAt)));

        var read = Assert.Single(await Store.ReadStreamAsync(G20, Cancel));
        Assert.Equal(reportedAt, read.ReportedAt.Text);
        Assert.Equal(Timeline.Domain.Dates.ReportedAt.Parse(reportedAt).Instant, read.ReportedAt.Instant);
    }

    [Fact]
    public async Task Every_event_type_round_trips_with_all_its_fields()
    {
        var events = OneOfEachEventType.Concat(WithOptionalFieldsLeftOut).ToList();
        var pending = events.Select(e => Pending(e)).ToArray();

        await AppendAsync(Append(G20, 0, pending));

        var read = await Store.ReadStreamAsync(G20, Cancel);
        Assert.Equal(events, read.Select(e => e.Event));
        // Names compare case-insensitively, so compare the stored JSON too: spelling must survive exactly.
        Assert.Equal(events.Select(EventTypeMap.Serialize), read.Select(e => EventTypeMap.Serialize(e.Event)));
        Assert.Equal(events.Select(EventTypeMap.NameOf), read.Select(e => e.EventType));
        Assert.Equal(pending.Select(p => p.EventId), read.Select(e => e.EventId));
        Assert.Equal(pending.Select(p => p.CommandId), read.Select(e => e.CommandId));
        Assert.Equal(EventTypeMap.StoredNames.Order(), read.Select(e => e.EventType).Distinct().Order());
    }

    [Fact]
    public async Task Source_fields_round_trip_including_unicode_and_text_that_looks_like_SQL()
    {
        await AppendAsync(Append(
            G20,
            0,
            Pending(G20Announced, source: Ushakov),
            Pending(PutinExpected, source: UshakovInRussian),
            Pending(PutinPossible, source: InjectionLooking),
            Pending(PutinConfirmed, source: Source.None),
            Pending(PutinDeclined, source: new Source(Speaker: "Dmitry Peskov"))));

        var read = await Store.ReadStreamAsync(G20, Cancel);

        Assert.Equal([Ushakov, UshakovInRussian, InjectionLooking, Source.None, new Source(Speaker: "Dmitry Peskov")], read.Select(e => e.Source));
    }

    [Fact]
    public async Task Ids_and_names_that_look_like_SQL_are_stored_as_plain_text()
    {
        const string CommandId = "'; DROP TABLE events; --";
        const string RecordedBy = "admin'); DELETE FROM commands; --";

        await Store.AppendAsync([Append(G20, 0, Pending(G20Announced, source: InjectionLooking, commandId: CommandId))], RecordedBy, Cancel);

        var read = Assert.Single(await ReadAllAsync(EventQuery.All));
        Assert.Equal(CommandId, read.CommandId);
        Assert.Equal(RecordedBy, read.RecordedBy);
        Assert.Equal(new HashSet<string> { CommandId }, await Store.FindCommandsAsync([CommandId, "' OR '1'='1"], Cancel));
        Assert.Single(await ReadAllAsync(new EventQuery { RecordedBy = RecordedBy }));
        Assert.Empty(await ReadAllAsync(new EventQuery { RecordedBy = "' OR '1'='1" }));
        Assert.Empty(await ReadAllAsync(new EventQuery { EventTypes = ["x') OR 1=1 --"] }));
        Assert.Empty(await ReadAllAsync(new EventQuery { Speaker = "' OR speaker_key IS NULL OR '" }));
    }

    [Fact]
    public async Task FindCommands_returns_exactly_the_ids_already_stored()
    {
        await AppendAsync(Append(G20, 0, Pending(G20Announced, commandId: "cmd-g20")), Append(Apec, 0, Pending(ApecAnnounced, commandId: "cmd-apec")));

        Assert.Equal(new HashSet<string> { "cmd-g20" }, await Store.FindCommandsAsync(["cmd-g20", "cmd-asean", "CMD-APEC"], Cancel));
        Assert.Empty(await Store.FindCommandsAsync([], Cancel));
    }

    [Fact]
    public async Task FindCommands_takes_thousands_of_ids_at_once()
    {
        await AppendAsync(Append(G20, 0, Pending(G20Announced, commandId: "cmd-g20")), Append(Apec, 0, Pending(ApecAnnounced, commandId: "cmd-apec")));
        var ids = Enumerable.Range(0, 5_000).Select(i => $"cmd-unknown-{i}").Append("cmd-apec").Prepend("cmd-g20").ToList();

        Assert.Equal(new HashSet<string> { "cmd-g20", "cmd-apec" }, await Store.FindCommandsAsync(ids, Cancel));
    }
}
