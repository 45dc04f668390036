using Timeline.Core.Storage;
using Timeline.Domain.Meetings;
using static Timeline.Store.Contract.Seed;

namespace Timeline.Store.Contract;

public abstract partial class EventStoreContract
{
    private const int Writers = 8;

    /// <summary>Runs <paramref name="writers"/> appends at once; true for each that won, false for each WriteConflict.</summary>
    private static async Task<bool[]> RaceAsync(int writers, Func<int, Task> append)
    {
        using var start = new SemaphoreSlim(0);
        var racers = Enumerable.Range(0, writers).Select(i => Task.Run(async () =>
        {
            await start.WaitAsync(Cancel);
            try
            {
                await append(i);
                return true;
            }
            catch (WriteConflict)
            {
                return false;
            }
        })).ToList();
        start.Release(writers);
        return await Task.WhenAll(racers);
    }

    [Fact]
    public async Task Of_writers_racing_for_the_same_stream_version_exactly_one_wins_and_the_others_get_a_write_conflict()
    {
        await AppendAsync(Append(G20, 0, Pending(G20Announced)));
        var attempts = Enumerable.Range(0, Writers)
            .Select(_ => new[] { Pending(PutinExpected), Pending(PutinConfirmed) })
            .ToList();

        var won = await RaceAsync(Writers, i => AppendAsync(Append(G20, 1, attempts[i])));

        var winner = attempts[Array.IndexOf(won, true)];
        Assert.Single(won, w => w);
        var stream = await Store.ReadStreamAsync(G20, Cancel);
        Assert.Equal([1L, 2L, 3L], stream.Select(e => e.StreamVersion));
        Assert.Equal(winner.Select(p => p.EventId), stream.Skip(1).Select(e => e.EventId));
        Assert.Equal(3, (await ReadAllAsync(EventQuery.All)).Count);
        Assert.Equal(
            winner.Select(p => p.CommandId).ToHashSet(),
            await Store.FindCommandsAsync(attempts.SelectMany(a => a.Select(p => p.CommandId)).ToList(), Cancel));
    }

    [Fact]
    public async Task Of_writers_racing_with_the_same_command_id_on_different_streams_exactly_one_wins()
    {
        var streams = Enumerable.Range(0, Writers).Select(i => MeetingId.Parse($"bilateral-{i}-2022")).ToList();

        var won = await RaceAsync(Writers, i => AppendAsync(Append(streams[i], 0, Pending(G20Announced, commandId: "cmd-shared"))));

        Assert.Single(won, w => w);
        var stored = Assert.Single(await ReadAllAsync(EventQuery.All));
        Assert.Equal(streams[Array.IndexOf(won, true)], stored.Stream);
    }

    [Fact]
    public async Task Writers_appending_to_different_streams_at_once_all_succeed_and_nothing_is_lost_or_doubled()
    {
        var streams = Enumerable.Range(0, 2 * Writers).Select(i => MeetingId.Parse($"visit-{i}-2022")).ToList();

        var won = await RaceAsync(streams.Count, async i =>
        {
            await AppendAsync(Append(streams[i], 0, Pending(G20Announced)));
            await AppendAsync(Append(streams[i], 1, Pending(PutinExpected), Pending(PutinConfirmed)));
        });

        Assert.All(won, Assert.True);
        var all = await ReadAllAsync(EventQuery.All);
        Assert.Equal(3 * streams.Count, all.Count);
        Assert.Equal(all.Count, all.Select(e => e.Sequence).Distinct().Count());
        Assert.Equal(all.OrderBy(e => e.Sequence).Select(e => e.Sequence), all.Select(e => e.Sequence));
        foreach (var stream in streams)
        {
            Assert.Equal([1L, 2L, 3L], (await Store.ReadStreamAsync(stream, Cancel)).Select(e => e.StreamVersion));
        }
    }

    [Fact]
    public async Task Readers_and_writers_can_work_at_the_same_time()
    {
        await AppendAsync(Append(G20, 0, Pending(G20Announced)));

        var writing = Task.Run(
            async () =>
            {
                for (var version = 1; version <= 20; version++)
                {
                    await AppendAsync(Append(G20, version, Pending(PutinExpected)));
                }
            },
            Cancel);
        var reading = Task.Run(
            async () =>
            {
                while (!writing.IsCompleted)
                {
                    var stream = await Store.ReadStreamAsync(G20, Cancel);
                    Assert.Equal(Enumerable.Range(1, stream.Count).Select(v => (long)v), stream.Select(e => e.StreamVersion));
                }
            },
            Cancel);
        await Task.WhenAll(writing, reading);

        Assert.Equal(21, (await Store.ReadStreamAsync(G20, Cancel)).Count);
    }
}
