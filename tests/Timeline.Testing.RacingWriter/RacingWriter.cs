using System.Text.Json;
using Timeline.Core.Storage;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;
using Timeline.Store.Marten;

namespace Timeline.Testing.RacingWriter;

/// <summary>
/// A writer that appends to one meeting again and again, each time at the version it just read, counting what was
/// accepted and what lost a race with a <see cref="WriteConflict"/>. Any other exception escapes.
/// </summary>
public static class RacingWriter
{
    /// <summary>What a racing process is told, as JSON in its one argument.</summary>
    public sealed record Orders(string ConnectionString, string Schema, string Meeting, int Attempts, string Name, string GoFile);

    /// <summary>The event ids a racing writer got accepted, in its order, and how many of its appends got a WriteConflict.</summary>
    public sealed record Outcome(List<Guid> Accepted, int Conflicts);

    private static readonly MeetingEvent PutinExpected =
        new MeetingEvent.AttendanceAnnounced(ParticipantName.Parse("Vladimir Putin"), AttendanceLevel.Expected, null);

    public static async Task<Outcome> RaceAsync(IEventStore store, MeetingId meeting, int attempts, string name, CancellationToken cancellationToken)
    {
        var accepted = new List<Guid>();
        var conflicts = 0;
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            var version = (await store.ReadStreamAsync(meeting, cancellationToken).ConfigureAwait(false)).Count;
            var pending = new PendingEvent(Guid.NewGuid(), PutinExpected, ReportedAt.Parse("2022-09-08"), new Source(Speaker: "Yury Ushakov"), $"{name}-{attempt}");
            try
            {
                await store.AppendAsync([new StreamAppend(meeting, version, [pending])], name, cancellationToken).ConfigureAwait(false);
                accepted.Add(pending.EventId);
            }
            catch (WriteConflict)
            {
                conflicts++;
            }
        }
        return new Outcome(accepted, conflicts);
    }

    /// <summary>
    /// The racing process: opens the store, says <c>ready</c>, waits for the go file, races, prints the outcome as
    /// JSON and exits 0; on any other failure prints <c>crashed: …</c> and exits 3.
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        try
        {
            var orders = JsonSerializer.Deserialize<Orders>(args[0])!;
            await using var store = new MartenEventStore(orders.ConnectionString, TimeProvider.System, new() { Schema = orders.Schema });
            await store.CountAsync(CancellationToken.None).ConfigureAwait(false);
            Console.WriteLine("ready");
            while (!File.Exists(orders.GoFile))
            {
                await Task.Delay(5).ConfigureAwait(false);
            }
            var outcome = await RaceAsync(store, MeetingId.Parse(orders.Meeting), orders.Attempts, orders.Name, CancellationToken.None).ConfigureAwait(false);
            Console.WriteLine(JsonSerializer.Serialize(outcome));
            return 0;
        }
        catch (Exception e)
        {
            Console.WriteLine($"crashed: {e.GetType().Name}: {e.Message}");
            return 3;
        }
    }
}
