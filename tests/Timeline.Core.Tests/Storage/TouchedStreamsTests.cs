using Timeline.Core.Storage;
using Timeline.Core.Tests.Support;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Tests.Storage;

/// <summary>
/// What a write transaction keeps of the streams it appended to, so the as-of index is advanced at commit without
/// reading them again: a stream is kept whole only when every event before its append was handed over.
/// </summary>
public sealed class TouchedStreamsTests
{
    private static readonly RecordedAt Now = RecordedAt.Parse("2022-12-01T09:00:00.000000Z");
    private static readonly MeetingId G20 = MeetingId.Parse("g20-2022");
    private static readonly MeetingId Asean = MeetingId.Parse("asean-2022");

    private static PendingEvent Pending(MeetingEvent @event, string commandId) =>
        new(Guid.NewGuid(), @event, ReportedAt.Parse("2022-09-08"), Seed.Ushakov, commandId);

    /// <summary>Appends <paramref name="appends"/> as a store would, drawing sequences after <paramref name="after"/>.</summary>
    private static IReadOnlyList<StoredEvent> Store(TouchedStreams touched, long after, params StreamAppend[] appends)
    {
        var stored = StreamAppend.Stamp(appends, [.. Enumerable.Range(1, appends.Sum(a => a.Events.Count)).Select(i => after + i)], Now, "analyst");
        touched.Add(appends, stored);
        return stored;
    }

    [Fact]
    public void A_stream_handed_over_whole_is_kept_with_every_batch_appended_to_it_and_one_not_handed_over_is_read()
    {
        var touched = new TouchedStreams();
        var first = Store(touched, 0, new StreamAppend(G20, 0, [Pending(Seed.G20Announced, "cmd-a"), Pending(Seed.Expected(Seed.Putin), "cmd-a")]) { StoredBefore = [] });
        var second = Store(
            touched,
            2,
            new StreamAppend(G20, 2, [Pending(Seed.Confirmed(Seed.Putin), "cmd-b")]),
            new StreamAppend(Asean, 3, [Pending(Seed.Expected(Seed.Putin), "cmd-c")]));

        Assert.Equal([G20, Asean], touched.Streams);
        Assert.Equal([1L, 2, 3], touched.WholeStream(G20)!.Select(e => e.StreamVersion));
        Assert.Equal([.. first, second[0]], touched.WholeStream(G20));
        Assert.Null(touched.WholeStream(Asean));
    }

    [Fact]
    public void Events_handed_over_that_are_not_the_whole_stream_before_the_append_are_not_trusted()
    {
        var earlier = new TouchedStreams();
        var stored = Store(earlier, 0, new StreamAppend(G20, 0, [Pending(Seed.G20Announced, "cmd-a"), Pending(Seed.Expected(Seed.Putin), "cmd-a")]));
        var touched = new TouchedStreams();

        Store(
            touched,
            2,
            new StreamAppend(G20, 3, [Pending(Seed.Confirmed(Seed.Putin), "cmd-b")]) { StoredBefore = stored },
            new StreamAppend(Asean, 1, [Pending(Seed.Expected(Seed.Putin), "cmd-c")]) { StoredBefore = [stored[0]] });

        Assert.Null(touched.WholeStream(G20));
        Assert.Null(touched.WholeStream(Asean));
    }

    [Fact]
    public void A_stream_handed_over_whole_is_kept_and_streams_beyond_the_limit_are_read_again()
    {
        var earlier = new TouchedStreams();
        var before = Store(earlier, 0, new StreamAppend(G20, 0, [Pending(Seed.G20Announced, "cmd-a")]));
        var large = Enumerable.Range(0, TouchedStreams.KeptEventsLimit).Select(i => Pending(Seed.Expected(Seed.Putin), $"cmd-{i}")).ToList();
        var touched = new TouchedStreams();

        var stored = Store(
            touched,
            1,
            new StreamAppend(G20, 1, [Pending(Seed.Expected(Seed.Putin), "cmd-b")]) { StoredBefore = before },
            new StreamAppend(Asean, 0, large) { StoredBefore = [] });

        Assert.Equal([before[0], stored[0]], touched.WholeStream(G20));
        Assert.Null(touched.WholeStream(Asean));
    }
}
