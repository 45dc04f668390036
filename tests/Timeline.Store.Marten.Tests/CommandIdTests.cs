using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Timeline.Core.Storage;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;
using static Timeline.Store.Contract.Seed;

namespace Timeline.Store.Marten.Tests;

/// <summary>A command id is unique because PostgreSQL says so, whichever store or process writes it.</summary>
public sealed class CommandIdTests(MartenStoreFixture database) : IClassFixture<MartenStoreFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static PendingEvent Pending(MeetingEvent @event, string commandId) =>
        new(Guid.NewGuid(), @event, ReportedAt.Parse("2022-09-08"), Ushakov, commandId);

    [Fact]
    public async Task The_database_itself_refuses_a_second_row_for_a_command_id()
    {
        var schema = database.NewSchema();
        await using var store = await database.CreateStoreAsync(TimeProvider.System, new() { Schema = schema });
        await store.AppendAsync([new StreamAppend(G20, 0, [Pending(G20Announced, "cmd-g20")])], "analyst", Cancel);

        var connection = await database.RequireAsync();
        var error = await Assert.ThrowsAsync<PostgresException>(() => PostgresSql.ScalarAsync<object>(
            connection, $"INSERT INTO {schema}.timeline_commands VALUES ('cmd-g20', now(), 'someone else')"));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, error.SqlState);
    }

    [Fact]
    public async Task Of_two_stores_racing_the_same_command_id_onto_different_meetings_one_wins_and_the_other_gets_a_write_conflict()
    {
        var schema = database.NewSchema();
        var clock = new FakeTimeProvider(new DateTimeOffset(2022, 9, 8, 10, 30, 0, TimeSpan.Zero));
        await using var first = await database.CreateStoreAsync(clock, new() { Schema = schema });
        await using var second = await database.CreateStoreAsync(clock, new() { Schema = schema });
        await first.MigrateAsync(Cancel);

        for (var round = 0; round < 10; round++)
        {
            var commandId = $"cmd-race-{round}";
            using var start = new SemaphoreSlim(0);
            var racers = new[] { (first, G20), (second, Apec) }.Select(racer => Task.Run(async () =>
            {
                await start.WaitAsync(Cancel);
                var stream = MeetingId.Parse($"{racer.Item2}-{round}");
                try
                {
                    await racer.Item1.AppendAsync([new StreamAppend(stream, 0, [Pending(G20Announced, commandId)])], "analyst", Cancel);
                    return (Won: true, Message: string.Empty);
                }
                catch (WriteConflict conflict)
                {
                    return (Won: false, conflict.Message);
                }
            })).ToList();
            start.Release(2);
            var outcomes = await Task.WhenAll(racers);

            Assert.Single(outcomes, o => o.Won);
            Assert.Contains(commandId, Assert.Single(outcomes, o => !o.Won).Message, StringComparison.Ordinal);
            Assert.Single(await first.ReadAllAsync(new EventQuery { AfterSequence = 0 }, Cancel).Where(e => e.CommandId == commandId).ToListAsync(Cancel));
        }
    }
}
