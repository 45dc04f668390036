using Microsoft.Extensions.Time.Testing;
using Timeline.Core.Chain;
using Timeline.Core.Serialization;
using Timeline.Core.Storage;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;
using static Timeline.Store.Contract.Seed;

namespace Timeline.Store.Contract;

/// <summary>
/// <see cref="IStoreMaintenance"/>: migrate, count, and restore an export into an empty store. A restore must give back
/// exactly what was exported, sequences included, and must write nothing at all when it fails or is cancelled.
/// </summary>
public abstract partial class EventStoreContract
{
    /// <summary>
    /// An autumn of reports in five appends, the clock moving between them by odd amounts (so recordedAt differs
    /// from append to append and would show any rounding):
    /// <list type="number">
    /// <item>one command announcing two summits, g20 and apec (one command id across two streams), from Peskov;</item>
    /// <item>one command from Ushakov in Russian, recorded by a user with a Cyrillic name: Putin expected at g20, and
    /// asean announced with Putin possible (two events in one stream);</item>
    /// <item>an SQL-looking source reporting Putin expected at apec;</item>
    /// <item>every event type under one command id in sco, with no source;</item>
    /// <item>two months later, Putin confirmed at g20 and then, under another command, declined.</item>
    /// </list>
    /// </summary>
    private async Task<IReadOnlyList<StoredEvent>> AppendAnAutumnOfReportsAsync()
    {
        var log = new List<StoredEvent>();
        log.AddRange(await Store.AppendAsync(
            [
                Append(G20, 0, Pending(G20Announced, "2022-09-07", Peskov, "cmd-autumn-summits")),
                Append(Apec, 0, Pending(ApecAnnounced, "2022-09-07", Peskov, "cmd-autumn-summits")),
            ],
            Analyst,
            Cancel));
        Clock.Advance(TimeSpan.FromMinutes(7) + TimeSpan.FromTicks(3));
        log.AddRange(await Store.AppendAsync(
            [
                Append(G20, 1, Pending(PutinExpected, "2022-09-08T12:14:00+03:00", UshakovInRussian, "cmd-ushakov-ru")),
                Append(
                    Asean,
                    0,
                    Pending(AseanAnnounced, "2022-09-08", UshakovInRussian, "cmd-ushakov-ru"),
                    Pending(PutinPossible, "2022-09-08", UshakovInRussian, "cmd-ushakov-ru")),
            ],
            "Юлия Петрова",
            Cancel));
        Clock.Advance(TimeSpan.FromHours(5) + TimeSpan.FromTicks(11));
        log.AddRange(await Store.AppendAsync(
            [Append(Apec, 1, Pending(PutinExpected, "2022-09-09", InjectionLooking, "cmd-apec-expected"))],
            "importer (api key: newsroom-1)",
            Cancel));
        Clock.Advance(TimeSpan.FromSeconds(1) + TimeSpan.FromTicks(1));
        log.AddRange(await Store.AppendAsync(
            [Append(Sco, 0, [.. OneOfEachEventType.Select(e => Pending(e, "2022-09-08T10:30:00.1234567-05:30", Source.None, "cmd-sco-every-type"))])],
            Analyst,
            Cancel));
        Clock.Advance(TimeSpan.FromDays(62) + TimeSpan.FromTicks(29));
        log.AddRange(await Store.AppendAsync(
            [
                Append(
                    G20,
                    2,
                    Pending(PutinConfirmed, "2022-11-10", new Source(Outlet: "Reuters", Speaker: "Dmitry Peskov"), "cmd-g20-confirmed"),
                    Pending(PutinDeclined, "2022-11-10T18:00:00+08:00", Ushakov, "cmd-g20-declined")),
            ],
            Analyst,
            Cancel));
        return log;
    }

    /// <summary>
    /// An event as an export holds it, every envelope field given: reported on the article's day by Ushakov, recorded
    /// by the analyst <paramref name="sequence"/> minutes after <see cref="ClockStartInMicroseconds"/>.
    /// </summary>
    protected static StoredEvent Exported(long sequence, MeetingId stream, long streamVersion, MeetingEvent @event, string? commandId = null, Guid? eventId = null) =>
        new(
            sequence,
            stream,
            streamVersion,
            eventId ?? Guid.NewGuid(),
            EventTypeMap.NameOf(@event),
            @event,
            ReportedAt.Parse("2022-09-08"),
            RecordedAt.Exactly(ClockStartInMicroseconds.AddMinutes(sequence)),
            Analyst,
            Ushakov,
            commandId ?? $"cmd-export-{sequence}");

    /// <summary>
    /// <paramref name="events"/> with the hashes a store gives them (<see cref="HashChain"/>), as a current export
    /// carries them.
    /// </summary>
    protected static IReadOnlyList<StoredEvent> Chained(IEnumerable<StoredEvent> events) => HashChain.Link(EventHash.Genesis, [.. events]);

    /// <summary>Yields the events one at a time, handing control back in between, as an export being read would.</summary>
    protected static async IAsyncEnumerable<StoredEvent> ExportOf(IEnumerable<StoredEvent> events, TimeSpan? pause = null)
    {
        foreach (var stored in events)
        {
            if (pause is { } wait)
            {
                await Task.Delay(wait, Cancel);
            }
            else
            {
                await Task.Yield();
            }
            yield return stored;
        }
    }

    /// <summary>
    /// After a refused restore: nothing of the export is stored, and the store is still empty and usable, so the
    /// same store then takes a good export in full.
    /// </summary>
    private async Task AssertNothingRestoredAsync(IReadOnlyCollection<StoredEvent> refused)
    {
        await AssertNothingStoredAsync([.. refused.Select(e => e.CommandId).Distinct()]);
        Assert.Equal(0, await Maintenance.CountAsync(Cancel));
        var good = Chained([Exported(1, G20, 1, G20Announced), Exported(2, G20, 2, PutinExpected)]);
        Assert.Equal(2, await Maintenance.RestoreAsync(ExportOf(good), Cancel));
        Assert.Equal(good, await ReadAllAsync(EventQuery.All));
    }

    [Fact]
    public async Task Migrating_a_new_store_and_then_again_says_the_schema_is_current_and_changes_nothing()
    {
        var first = await Maintenance.MigrateAsync(Cancel);
        var second = await Maintenance.MigrateAsync(Cancel);
        var third = await Maintenance.MigrateAsync(Cancel);

        Assert.False(string.IsNullOrWhiteSpace(first));
        Assert.All([first, second], line => Assert.DoesNotContain('\n', line));
        Assert.Contains("current", second, StringComparison.Ordinal);
        Assert.Equal(second, third);
        Assert.Equal(0, await Maintenance.CountAsync(Cancel));
        var stored = await AppendAsync(Append(G20, 0, Pending(G20Announced)));
        Assert.Equal(stored, await ReadAllAsync(EventQuery.All));
    }

    [Fact]
    public async Task Migrating_a_store_in_use_says_current_and_keeps_every_event_and_command()
    {
        var log = await AppendAnAutumnOfReportsAsync();

        var message = await Maintenance.MigrateAsync(Cancel);

        Assert.Contains("current", message, StringComparison.Ordinal);
        Assert.Equal(log, await ReadAllAsync(EventQuery.All));
        var commandIds = log.Select(e => e.CommandId).ToHashSet();
        Assert.Equal(commandIds, await Store.FindCommandsAsync(commandIds, Cancel));
    }

    [Fact]
    public async Task Count_is_0_for_a_new_store_and_then_the_number_of_events_not_of_commands()
    {
        Assert.Equal(0, await Maintenance.CountAsync(Cancel));

        var log = await AppendAnAutumnOfReportsAsync();

        Assert.Equal(log.Count, await Maintenance.CountAsync(Cancel));
        Assert.True(log.Select(e => e.CommandId).Distinct().Count() < log.Count, "the log should have commands of several events");
    }

    [Fact]
    public async Task A_store_restored_from_another_stores_export_reads_back_exactly_the_same_log()
    {
        var log = await AppendAnAutumnOfReportsAsync();
        // Years later by the new store's clock: a restore keeps recordedAt from the export, it never stamps it.
        var target = NewStore(new FakeTimeProvider(ClockStart.AddYears(3)));

        var restored = await target.RestoreAsync(Store.ReadAllAsync(EventQuery.All, Cancel), Cancel);

        Assert.Equal(log.Count, restored);
        var read = await target.ReadAllAsync(EventQuery.All, Cancel).ToListAsync(Cancel);
        // The envelope first, field by field, so a failure names what was lost; then whole records, events included.
        Assert.Equal(log.Select(e => e.Sequence), read.Select(e => e.Sequence));
        Assert.Equal(log.Select(e => (e.Stream, e.StreamVersion)), read.Select(e => (e.Stream, e.StreamVersion)));
        Assert.Equal(log.Select(e => e.EventId), read.Select(e => e.EventId));
        Assert.Equal(log.Select(e => e.CommandId), read.Select(e => e.CommandId));
        Assert.Equal(log.Select(e => e.RecordedAt), read.Select(e => e.RecordedAt));
        Assert.Equal(log.Select(e => e.RecordedBy), read.Select(e => e.RecordedBy));
        Assert.Equal(log.Select(e => e.ReportedAt.Text), read.Select(e => e.ReportedAt.Text));
        Assert.Equal(log.Select(e => e.Source), read.Select(e => e.Source));
        Assert.Equal(log.Select(e => EventTypeMap.Serialize(e.Event)), read.Select(e => EventTypeMap.Serialize(e.Event)));
        Assert.Equal(log, read);
        foreach (var stream in log.Select(e => e.Stream).Distinct())
        {
            Assert.Equal(log.Where(e => e.Stream == stream), await target.ReadStreamAsync(stream, Cancel));
        }
        Assert.Equal(log.Count, await target.CountAsync(Cancel));
        Assert.Equal(log, await ReadAllAsync(EventQuery.All));
    }

    [Fact]
    public async Task After_a_restore_appends_continue_after_the_highest_sequence_and_each_streams_last_version()
    {
        var log = await AppendAnAutumnOfReportsAsync();
        var targetClock = new FakeTimeProvider(ClockStart.AddYears(1));
        var target = NewStore(targetClock);
        await target.RestoreAsync(Store.ReadAllAsync(EventQuery.All, Cancel), Cancel);
        var g20Version = log.Where(e => e.Stream == G20).Max(e => e.StreamVersion);

        var next = await target.AppendAsync(
            [Append(G20, g20Version, Pending(PutinExpected, "2022-11-12")), Append(Csto, 0, Pending(new MeetingEvent.MeetingCancelled(null)))],
            Analyst,
            Cancel);

        Assert.All(next, e => Assert.True(e.Sequence > log.Max(l => l.Sequence), $"sequence {e.Sequence} should come after every restored one"));
        Assert.True(next[0].Sequence < next[1].Sequence);
        Assert.Equal([g20Version + 1, 1L], next.Select(e => e.StreamVersion));
        Assert.All(next, e => Assert.Equal(ClockStartInMicroseconds.AddYears(1), e.RecordedAt.Instant));
        Assert.Equal([.. log, .. next], await target.ReadAllAsync(EventQuery.All, Cancel).ToListAsync(Cancel));
        var conflict = await Assert.ThrowsAsync<WriteConflict>(
            () => target.AppendAsync([Append(Apec, 0, Pending(ApecAnnounced))], Analyst, Cancel));
        Assert.Equal(Apec, conflict.Stream);
        Assert.Equal(2, conflict.ActualVersion);
    }

    [Fact]
    public async Task After_a_restore_its_command_ids_are_still_stored_so_a_repeated_command_is_a_write_conflict()
    {
        var log = await AppendAnAutumnOfReportsAsync();
        var target = NewStore(new FakeTimeProvider(ClockStart.AddYears(1)));
        await target.RestoreAsync(Store.ReadAllAsync(EventQuery.All, Cancel), Cancel);
        var commandIds = log.Select(e => e.CommandId).ToHashSet();

        Assert.Equal(commandIds, await target.FindCommandsAsync([.. commandIds, "cmd-never-sent"], Cancel));
        var conflict = await Assert.ThrowsAsync<WriteConflict>(
            () => target.AppendAsync([Append(Csto, 0, Pending(PutinExpected, commandId: "cmd-ushakov-ru"))], Analyst, Cancel));
        Assert.Contains("cmd-ushakov-ru", conflict.Message, StringComparison.Ordinal);
        Assert.Empty(await target.ReadStreamAsync(Csto, Cancel));
        Assert.Equal(log.Count, await target.CountAsync(Cancel));
    }

    [Fact]
    public async Task Gapped_sequences_are_restored_exactly_and_appends_go_on_after_the_last()
    {
        var export = Chained(
        [
            Exported(1, G20, 1, G20Announced),
            Exported(2, Apec, 1, ApecAnnounced),
            Exported(5, G20, 2, PutinExpected),
            Exported(9, Asean, 1, AseanAnnounced),
        ]);

        Assert.Equal(4, await Maintenance.RestoreAsync(ExportOf(export), Cancel));

        Assert.Equal(export, await ReadAllAsync(EventQuery.All));
        Assert.Equal([5L, 9L], await SequencesOfAsync(new EventQuery { AfterSequence = 2 }));
        Assert.Equal(9, (await Store.ReadLastAsync(Cancel))?.Sequence);
        var next = await AppendAsync(Append(G20, 2, Pending(PutinConfirmed)));
        Assert.True(next[0].Sequence > 9, $"sequence {next[0].Sequence} should come after 9");
        Assert.Equal(3, next[0].StreamVersion);
    }

    [Fact]
    public async Task The_commands_of_a_restore_are_one_per_command_id_even_when_a_command_spans_events_and_streams()
    {
        IReadOnlyList<StoredEvent> export =
        [
            Exported(1, G20, 1, G20Announced, commandId: "cmd-autumn"),
            Exported(2, Apec, 1, ApecAnnounced, commandId: "cmd-autumn"),
            Exported(3, G20, 2, PutinExpected, commandId: "cmd-autumn"),
            Exported(4, G20, 3, PutinConfirmed, commandId: "cmd-confirmed"),
        ];

        await Maintenance.RestoreAsync(ExportOf(export), Cancel);

        Assert.Equal(new HashSet<string> { "cmd-autumn", "cmd-confirmed" }, await Store.FindCommandsAsync(["cmd-autumn", "cmd-confirmed", "cmd-other"], Cancel));
        await Assert.ThrowsAsync<WriteConflict>(() => AppendAsync(Append(Asean, 0, Pending(AseanAnnounced, commandId: "cmd-confirmed"))));
    }

    [Fact]
    public async Task Restoring_an_empty_export_into_an_empty_store_restores_nothing_and_appends_start_as_usual()
    {
        Assert.Equal(0, await Maintenance.RestoreAsync(ExportOf([]), Cancel));

        Assert.Equal(0, await Maintenance.CountAsync(Cancel));
        var first = await AppendAsync(Append(G20, 0, Pending(G20Announced)));
        Assert.True(first[0].Sequence >= 1);
        Assert.Equal(1, first[0].StreamVersion);
    }

    [Fact]
    public async Task Restoring_into_a_store_that_holds_events_is_refused_and_changes_nothing()
    {
        await AppendAsync(Append(G20, 0, Pending(G20Announced)));
        var before = await ReadAllAsync(EventQuery.All);
        IReadOnlyList<StoredEvent> export = [Exported(1, Apec, 1, ApecAnnounced), Exported(2, G20, 1, G20Announced)];

        await Assert.ThrowsAsync<StoreNotEmpty>(() => Maintenance.RestoreAsync(ExportOf(export), Cancel));

        Assert.Equal(before, await ReadAllAsync(EventQuery.All));
        Assert.Empty(await Store.FindCommandsAsync([.. export.Select(e => e.CommandId)], Cancel));
        Assert.Equal(1, await Maintenance.CountAsync(Cancel));
    }

    [Fact]
    public async Task Restoring_twice_into_one_store_is_refused_the_second_time()
    {
        var export = Chained([Exported(1, G20, 1, G20Announced), Exported(2, G20, 2, PutinExpected)]);
        await Maintenance.RestoreAsync(ExportOf(export), Cancel);

        await Assert.ThrowsAsync<StoreNotEmpty>(() => Maintenance.RestoreAsync(ExportOf(export), Cancel));

        Assert.Equal(export, await ReadAllAsync(EventQuery.All));
    }

    [Fact]
    public async Task Of_two_restores_racing_into_one_empty_store_exactly_one_succeeds_and_the_store_holds_only_its_events()
    {
        IReadOnlyList<StoredEvent>[] exports =
        [
            Chained(Enumerable.Range(1, 15).Select(i => Exported(i, G20, i, PutinExpected))),
            Chained(Enumerable.Range(1, 15).Select(i => Exported(i, Apec, i, PutinPossible))),
        ];
        using var start = new SemaphoreSlim(0);

        var racers = exports.Select(export => Task.Run(
            async () =>
            {
                await start.WaitAsync(Cancel);
                try
                {
                    await Maintenance.RestoreAsync(ExportOf(export, TimeSpan.FromMilliseconds(2)), Cancel);
                    return true;
                }
                catch (StoreNotEmpty)
                {
                    return false;
                }
            },
            Cancel)).ToList();
        start.Release(exports.Length);
        var outcomes = await Task.WhenAll(racers);

        Assert.Single(outcomes, won => won);
        Assert.Equal(exports[Array.IndexOf(outcomes, true)], await ReadAllAsync(EventQuery.All));
    }

    [Theory]
    [InlineData(new long[] { 101, 102, 104, 103 }, 103)]
    [InlineData(new long[] { 101, 102, 102 }, 102)]
    [InlineData(new long[] { 101, 102, 103, 99 }, 99)]
    [InlineData(new long[] { -7, 1 }, -7)]
    public async Task Sequences_that_do_not_increase_strictly_are_refused_naming_the_sequence_and_nothing_is_written(long[] sequences, long offending)
    {
        IReadOnlyList<StoredEvent> export = [.. sequences.Select((s, i) => Exported(s, MeetingId.Parse($"visit-{i}-2022"), 1, G20Announced, commandId: $"cmd-export-{i}"))];

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Maintenance.RestoreAsync(ExportOf(export), Cancel));

        Assert.Contains(offending.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        await AssertNothingRestoredAsync(export);
    }

    [Theory]
    [InlineData(new long[] { 1, 2, 4 }, 203)]
    [InlineData(new long[] { 2, 3 }, 201)]
    [InlineData(new long[] { 1, 2, 2 }, 203)]
    [InlineData(new long[] { 1, 2, 3, 1 }, 204)]
    public async Task A_streams_versions_that_do_not_run_1_2_3_are_refused_naming_the_sequence_and_nothing_is_written(long[] versions, long offending)
    {
        IReadOnlyList<StoredEvent> export = [.. versions.Select((v, i) => Exported(201 + i, G20, v, PutinExpected))];

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Maintenance.RestoreAsync(ExportOf(export), Cancel));

        Assert.Contains(offending.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Contains("g20-2022", error.Message, StringComparison.Ordinal);
        await AssertNothingRestoredAsync(export);
    }

    [Fact]
    public async Task Versions_are_counted_per_stream_so_a_gap_in_one_stream_among_others_is_found()
    {
        IReadOnlyList<StoredEvent> export =
        [
            Exported(301, G20, 1, G20Announced),
            Exported(302, Apec, 1, ApecAnnounced),
            Exported(303, G20, 2, PutinExpected),
            Exported(304, Apec, 3, PutinExpected),
            Exported(305, Asean, 1, AseanAnnounced),
        ];

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Maintenance.RestoreAsync(ExportOf(export), Cancel));

        Assert.Contains("304", error.Message, StringComparison.Ordinal);
        Assert.Contains("apec-2022", error.Message, StringComparison.Ordinal);
        await AssertNothingRestoredAsync(export);
    }

    [Fact]
    public async Task An_event_id_given_twice_is_refused_naming_the_sequence_and_nothing_is_written()
    {
        var eventId = Guid.NewGuid();
        IReadOnlyList<StoredEvent> export =
        [
            Exported(401, G20, 1, G20Announced, eventId: eventId),
            Exported(402, Apec, 1, ApecAnnounced),
            Exported(403, Asean, 1, AseanAnnounced, eventId: eventId),
        ];

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Maintenance.RestoreAsync(ExportOf(export), Cancel));

        Assert.Contains("the event at sequence 403", error.Message, StringComparison.Ordinal);
        Assert.Contains("the event at sequence 401", error.Message, StringComparison.Ordinal);
        Assert.Contains(eventId.ToString(), error.Message, StringComparison.Ordinal);
        await AssertNothingRestoredAsync(export);
    }

    [Fact]
    public async Task An_event_type_that_does_not_name_the_event_is_refused_naming_both_and_nothing_is_written()
    {
        IReadOnlyList<StoredEvent> export = [Exported(501, G20, 1, G20Announced), Exported(502, G20, 2, PutinExpected) with { EventType = "attendance-confirmed.v1" }];

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Maintenance.RestoreAsync(ExportOf(export), Cancel));

        Assert.Contains("sequence 502", error.Message, StringComparison.Ordinal);
        Assert.Contains("'attendance-confirmed.v1'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'attendance-announced.v1'", error.Message, StringComparison.Ordinal);
        await AssertNothingRestoredAsync(export);
    }

    [Fact]
    public async Task Every_refusal_of_a_restore_is_one_line_that_says_nothing_was_written()
    {
        IReadOnlyList<StoredEvent>[] refused =
        [
            [Exported(0, G20, 1, G20Announced)],
            [Exported(1, G20, 1, G20Announced), Exported(1, Apec, 1, ApecAnnounced)],
            [Exported(1, G20, 2, G20Announced)],
            [Exported(1, G20, 1, G20Announced) with { CommandId = "" }],
            [Exported(1, G20, 1, G20Announced) with { EventType = "meeting-held.v1" }],
        ];
        foreach (var export in refused)
        {
            var error = await Assert.ThrowsAsync<InvalidDataException>(() => Maintenance.RestoreAsync(ExportOf(export), Cancel));

            Assert.StartsWith("cannot restore into ", error.Message, StringComparison.Ordinal);
            Assert.EndsWith("; nothing was written", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', error.Message);
        }
        await AssertNothingRestoredAsync([.. refused.SelectMany(e => e)]);
    }

    [Fact]
    public async Task A_restore_cancelled_part_way_writes_nothing()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        IReadOnlyList<StoredEvent> export = [.. Enumerable.Range(1, 6).Select(i => Exported(i, G20, i, PutinExpected))];

        async IAsyncEnumerable<StoredEvent> CancelledAfterThree()
        {
            foreach (var stored in export)
            {
                if (stored.Sequence == 4)
                {
                    await cancellation.CancelAsync();
                }
                await Task.Yield();
                yield return stored;
            }
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Maintenance.RestoreAsync(CancelledAfterThree(), cancellation.Token));

        await AssertNothingRestoredAsync(export);
    }

    [Fact]
    public async Task An_export_that_fails_part_way_writes_nothing_and_its_error_comes_through()
    {
        IReadOnlyList<StoredEvent> export = [.. Enumerable.Range(1, 3).Select(i => Exported(i, G20, i, PutinExpected))];

        async IAsyncEnumerable<StoredEvent> TruncatedExport()
        {
            foreach (var stored in export)
            {
                await Task.Yield();
                yield return stored;
            }
            throw new IOException("the export ends in the middle of event 4");
        }

        var error = await Assert.ThrowsAsync<IOException>(() => Maintenance.RestoreAsync(TruncatedExport(), Cancel));

        Assert.Equal("the export ends in the middle of event 4", error.Message);
        await AssertNothingRestoredAsync(export);
    }
}
