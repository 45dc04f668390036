using Timeline.Core.Storage;
using Timeline.Core.Tests.Support;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Tests.Storage;

/// <summary>
/// What a store holds of an append once it has drawn the sequences, before it writes anything: the complete events,
/// made in one place for every store.
/// </summary>
public sealed class StampingAppendsTests
{
    private static readonly RecordedAt Now = RecordedAt.Parse("2022-12-01T09:00:00.000000Z");

    private static PendingEvent Pending(MeetingEvent @event, string commandId) =>
        new(Guid.NewGuid(), @event, ReportedAt.Parse("2022-09-08"), Seed.Ushakov, commandId);

    [Fact]
    public void Each_stream_continues_from_its_expected_version_and_each_event_takes_its_drawn_sequence()
    {
        var g20 = MeetingId.Parse("g20-2022");
        var asean = MeetingId.Parse("asean-2022");
        StreamAppend[] appends =
        [
            new(g20, 4, [Pending(Seed.Expected(Seed.Putin), "cmd-a"), Pending(Seed.Confirmed(Seed.Putin), "cmd-b")]),
            new(asean, 0, [Pending(Seed.AseanAnnounced, "cmd-a")]),
        ];

        var stored = StreamAppend.Stamp(appends, [17, 18, 21], Now, "analyst");

        Assert.Equal([(17L, g20, 5L), (18L, g20, 6L), (21L, asean, 1L)], stored.Select(e => (e.Sequence, e.Stream, e.StreamVersion)));
        Assert.Equal(["attendance-announced.v1", "attendance-confirmed.v1", "summit-announced.v1"], stored.Select(e => e.EventType));
        Assert.Equal(appends.SelectMany(a => a.Events.Select(p => (p.EventId, p.Event, p.ReportedAt, p.Source, p.CommandId))),
            stored.Select(e => (e.EventId, e.Event, e.ReportedAt, e.Source, e.CommandId)));
        Assert.All(stored, e => Assert.Equal((Now, "analyst"), (e.RecordedAt, e.RecordedBy)));
    }

    [Theory]
    [InlineData(new long[] { 1 })]
    [InlineData(new long[] { 1, 2, 3 })]
    public void A_sequence_for_each_event_is_required(long[] sequences)
    {
        StreamAppend[] appends = [new(MeetingId.Parse("g20-2022"), 0, [Pending(Seed.G20Announced, "cmd-a"), Pending(Seed.Expected(Seed.Putin), "cmd-a")])];

        Assert.Throws<ArgumentException>(() => StreamAppend.Stamp(appends, sequences, Now, "analyst"));
    }
}
