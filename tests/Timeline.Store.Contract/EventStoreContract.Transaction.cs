using Timeline.Core.Chain;
using Timeline.Core.Index;
using Timeline.Core.Storage;
using static Timeline.Store.Contract.Seed;

namespace Timeline.Store.Contract;

/// <summary>Write transactions (<see cref="IEventTransaction"/>): many batches, one commit, all or nothing.</summary>
public abstract partial class EventStoreContract
{
    [Fact]
    public async Task Batches_of_one_transaction_are_read_back_inside_it_and_seen_by_others_only_after_the_commit()
    {
        var announced = Pending(G20Announced);
        var expected = Pending(PutinExpected);
        var apec = Pending(ApecAnnounced);
        await using var transaction = await Store.BeginTransactionAsync(Analyst, Cancel);

        var first = await transaction.AppendAsync([Append(G20, 0, announced)], Cancel);
        Clock.Advance(TimeSpan.FromHours(1));
        var second = await transaction.AppendAsync([Append(G20, 1, expected), Append(Apec, 0, apec)], Cancel);

        Assert.Equal([.. first, second[0]], await transaction.ReadStreamAsync(G20, Cancel));
        Assert.Equal([announced.CommandId, apec.CommandId], (await transaction.FindCommandsAsync([announced.CommandId, apec.CommandId, "cmd-other"], Cancel)).Order());
        await AssertNothingStoredAsync(announced.CommandId, expected.CommandId, apec.CommandId);

        await transaction.CommitAsync(Cancel);

        Assert.Equal([.. first, .. second], await ReadAllAsync(EventQuery.All));
        Assert.Equal([2L, 3L], second.Select(e => e.Sequence - first[0].Sequence + 1));
        // One transaction, one system time: the clock is read once, when it began.
        Assert.All(await ReadAllAsync(EventQuery.All), e => Assert.Equal(ClockStartInMicroseconds, e.RecordedAt.Instant));
        Assert.All(await ReadAllAsync(EventQuery.All), e => Assert.Equal(Analyst, e.RecordedBy));
    }

    [Fact]
    public async Task Batches_of_one_transaction_are_chained_and_indexed_as_one_append_would_be()
    {
        await AppendAsync(Append(Asean, 0, Pending(AseanAnnounced)));
        await using (var transaction = await Store.BeginTransactionAsync(Analyst, Cancel))
        {
            var first = await transaction.AppendAsync([Append(G20, 0, Pending(G20Announced)), Append(Asean, 1, Pending(PutinPossible))], Cancel);
            // A meeting written by an earlier batch: its index rows are recomputed from every batch's events.
            var second = await transaction.AppendAsync([Append(G20, 1, Pending(PutinExpected)), Append(Apec, 0, Pending(ApecAnnounced))], Cancel);
            await transaction.AppendAsync([Append(G20, 2, Pending(PutinConfirmed))], Cancel);
            Assert.Equal([first[0], second[0]], (await transaction.ReadStreamAsync(G20, Cancel)).Take(2));
            await transaction.CommitAsync(Cancel);
        }

        var log = await ReadAllAsync(EventQuery.All);
        Assert.Equal(HashChain.Link(EventHash.Genesis, [.. log.Select(e => e with { Hash = null })]), log);
        Assert.Equal(new VerifyDocument(true, 6, null), await VerifyAsync());
        var rows = log.GroupBy(e => e.Stream).SelectMany(s => MeetingStates.Of([.. s])).ToList();
        Assert.Equal(
            MeetingStates.Select(rows, StateQuery.Now).Select(MeetingStates.Write),
            (await Store.ReadStatesAsync(StateQuery.Now, Cancel)).Select(MeetingStates.Write));
        Assert.Equal(3, (await Store.ReadStatesAsync(StateQuery.Now, Cancel)).Count);
    }

    [Fact]
    public async Task A_transaction_disposed_without_a_commit_writes_nothing_of_any_batch()
    {
        var ids = new List<string>();
        await using (var transaction = await Store.BeginTransactionAsync(Analyst, Cancel))
        {
            for (var version = 0; version < 5; version++)
            {
                var pending = Pending(version == 0 ? G20Announced : PutinExpected);
                ids.Add(pending.CommandId);
                await transaction.AppendAsync([Append(G20, version, pending)], Cancel);
            }
            Assert.Equal(5, (await transaction.ReadStreamAsync(G20, Cancel)).Count);
        }

        await AssertNothingStoredAsync([.. ids]);
        // The writer lock went with it: the next append goes through at once.
        Assert.Single(await AppendAsync(Append(G20, 0, Pending(G20Announced))));
    }

    [Theory]
    [InlineData("stale version")]
    [InlineData("stored command id")]
    public async Task A_failed_batch_after_good_ones_leaves_a_transaction_that_can_only_be_disposed_and_writes_nothing(string failure)
    {
        var announced = Pending(G20Announced);
        var apec = Pending(ApecAnnounced);
        await using (var transaction = await Store.BeginTransactionAsync(Analyst, Cancel))
        {
            await transaction.AppendAsync([Append(G20, 0, announced)], Cancel);
            await transaction.AppendAsync([Append(Apec, 0, apec)], Cancel);

            var bad = failure == "stale version"
                ? Append(G20, 0, Pending(PutinExpected))
                : Append(G20, 1, Pending(PutinExpected, commandId: apec.CommandId));
            await Assert.ThrowsAsync<WriteConflict>(() => transaction.AppendAsync([bad], Cancel));

            await Assert.ThrowsAsync<InvalidOperationException>(() => transaction.AppendAsync([Append(Asean, 0, Pending(AseanAnnounced))], Cancel));
            await Assert.ThrowsAsync<InvalidOperationException>(() => transaction.CommitAsync(Cancel));
        }

        await AssertNothingStoredAsync(announced.CommandId, apec.CommandId);
    }

    [Fact]
    public async Task A_transaction_whose_commit_is_cancelled_writes_nothing()
    {
        var announced = Pending(G20Announced);
        using var cancelled = new CancellationTokenSource();
        await using (var transaction = await Store.BeginTransactionAsync(Analyst, Cancel))
        {
            await transaction.AppendAsync([Append(G20, 0, announced)], Cancel);
            await cancelled.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => transaction.CommitAsync(cancelled.Token));
        }

        await AssertNothingStoredAsync(announced.CommandId);
    }

    [Fact]
    public async Task Another_writer_waits_for_an_open_transaction_and_appends_after_its_events()
    {
        await using var transaction = await Store.BeginTransactionAsync(Analyst, Cancel);
        var inside = await transaction.AppendAsync([Append(G20, 0, Pending(G20Announced))], Cancel);

        var outside = AppendAsync(Append(Apec, 0, Pending(ApecAnnounced)));
        // Not a timing assertion: the other append may not finish while the lock is held, however long this waits.
        await Task.Delay(TimeSpan.FromMilliseconds(300), Cancel);
        Assert.False(outside.IsCompleted);

        await transaction.CommitAsync(Cancel);
        var after = await outside;

        Assert.True(after[0].Sequence > inside[0].Sequence);
        Assert.Equal([G20, Apec], (await ReadAllAsync(EventQuery.All)).Select(e => e.Stream));
    }
}
