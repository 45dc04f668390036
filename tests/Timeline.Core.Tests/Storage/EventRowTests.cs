using Timeline.Core.Serialization;
using Timeline.Core.Storage;
using Timeline.Core.Tests.Support;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Tests.Storage;

/// <summary>The one mapping from a store's row of plain values to a stored event, and its one message when a row does not map.</summary>
public sealed class EventRowTests
{
    private const string Store = "the Timeline store '/data/timeline.db'";

    private static readonly EventRow Row = new(
        42,
        "g20-2022",
        3,
        Guid.Parse("00000000-0000-7000-8000-00000000002a"),
        "attendance-announced.v1",
        EventTypeMap.Serialize(Seed.Expected(Seed.Putin)),
        "2022-09-08T12:14+03:00",
        RecordedAt.Parse("2022-12-01T09:00:00.000001Z"),
        "analyst",
        "TASS",
        null,
        "2022-09-08",
        "Yury Ushakov",
        null,
        "cmd-42");

    [Fact]
    public void A_row_maps_to_the_event_with_its_whole_envelope()
    {
        var stored = EventRow.Read(Store, 42, Row, row => row);

        Assert.Equal(
            new StoredEvent(
                42,
                MeetingId.Parse("g20-2022"),
                3,
                Row.EventId,
                "attendance-announced.v1",
                Seed.Expected(Seed.Putin),
                ReportedAt.Parse("2022-09-08T12:14+03:00"),
                RecordedAt.Parse("2022-12-01T09:00:00.000001Z"),
                "analyst",
                new Source(Outlet: "TASS", PublishedAt: "2022-09-08", Speaker: "Yury Ushakov"),
                "cmd-42"),
            stored);
    }

    public static TheoryData<string, EventRow> Broken => new()
    {
        { "not-a-slug!", Row with { Stream = "not-a-slug!" } },
        { "it has no reportedAt", Row with { ReportedAt = null } },
        { "yesterday", Row with { ReportedAt = "yesterday" } },
        { "it has no recordedBy", Row with { RecordedBy = null } },
        { "it has no command id", Row with { CommandId = null } },
        { "meeting-postponed.v9", Row with { EventType = "meeting-postponed.v9" } },
        { "attendance-announced.v1", Row with { Data = "{\"participant\": 7}" } },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_row_that_does_not_hold_an_event_is_invalid_data_naming_the_store_the_sequence_and_what_is_wrong(string problem, EventRow row)
    {
        var error = Assert.Throws<InvalidDataException>(() => EventRow.Read(Store, row.Sequence, row, r => r));

        Assert.StartsWith($"event 42 in {Store} cannot be read: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_the_store_cannot_convert_is_reported_the_same_way()
    {
        var error = Assert.Throws<InvalidDataException>(() => EventRow.Read(Store, 42, "2022-12-01 09:00", text => Row with { RecordedAt = RecordedAt.Parse(text) }));

        Assert.StartsWith($"event 42 in {Store} cannot be read: '2022-12-01 09:00'", error.Message, StringComparison.Ordinal);
    }
}
