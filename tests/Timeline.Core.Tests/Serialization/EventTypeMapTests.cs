using Timeline.Core.Serialization;
using Timeline.Core.Tests.Support;
using Timeline.Domain.Meetings;
using static Timeline.Core.Tests.Support.Seed;
using static Timeline.Domain.Meetings.MeetingEvent;

namespace Timeline.Core.Tests.Serialization;

/// <summary>docs/development.md#events-are-stored-contracts: events are stored contracts, each under a stable stored name.</summary>
public sealed class EventTypeMapTests
{
    /// <summary>One event of every type, with every field set.</summary>
    private static readonly IReadOnlyList<MeetingEvent> Samples =
    [
        G20Announced,
        new MeetingAnnounced(
            "Putin-Xi talks",
            MeetingKind.Bilateral,
            [new(Putin), new(Xi, AttendanceLevel.Expected, AttendanceMode.InPerson)],
            Samarkand,
            Edtf("2022-09-15/2022-09-16"),
            MeetingId.Parse("sco-2022")),
        new ParticipantInvited(Putin, "Joko Widodo"),
        new AttendanceAnnounced(Putin, AttendanceLevel.Expected, AttendanceMode.Virtual),
        new AttendanceConfirmed(Putin, AttendanceMode.InPerson),
        new AttendanceDeclined(Putin, Lavrov, "busy schedule"),
        new MeetingPostponed(Edtf("2022-12~"), "the host asked for a delay"),
        new MeetingRescheduled(Edtf("2022-11-23")),
        new MeetingRelocated(new Location("Jakarta", "Indonesia")),
        new MeetingCancelled("flooding"),
        new MeetingHeld(Edtf("2022-11-16"), [new Attendee(Lavrov, AttendanceMode.InPerson), new Attendee(Putin, AttendanceMode.Virtual, Lavrov)]),
        new ReportRetracted("typo-g20-putin", "entry error"),
    ];

    private static IEnumerable<Type> EventTypes =>
        typeof(MeetingEvent).GetNestedTypes().Where(t => t.IsSubclassOf(typeof(MeetingEvent)));

    public static TheoryData<string> StoredNames => TestCases.Named([.. Samples.Select(EventTypeMap.NameOf)]);

    [Fact]
    public void Every_event_type_has_its_own_stored_name_in_version_1()
    {
        var names = EventTypes.Select(EventTypeMap.NameOf).ToList();

        Assert.Equal(12, names.Count);
        Assert.Distinct(names);
        Assert.All(names, name => Assert.Matches("^[a-z]+(-[a-z]+)*\\.v1$", name));
        Assert.Equal(names.Order(StringComparer.Ordinal), EventTypeMap.StoredNames.Order(StringComparer.Ordinal));
    }

    // Stored names are in every store: none may ever change.
    [Fact]
    public void The_stored_names_are_those_of_version_1()
    {
        Assert.Equal(
            [
                "summit-announced.v1", "meeting-announced.v1", "participant-invited.v1", "attendance-announced.v1",
                "attendance-confirmed.v1", "attendance-declined.v1", "meeting-postponed.v1", "meeting-rescheduled.v1",
                "meeting-relocated.v1", "meeting-cancelled.v1", "meeting-held.v1", "report-retracted.v1",
            ],
            MeetingCases.Events.Select(EventTypeMap.NameOf));
    }

    [Fact]
    public void The_samples_cover_every_event_type()
    {
        Assert.Equal(EventTypes.Order(TypeByName.Instance), Samples.Select(s => s.GetType()).Order(TypeByName.Instance));
    }

    [Theory]
    [MemberData(nameof(StoredNames))]
    public void An_event_round_trips_through_its_stored_form_with_every_field(string storedName)
    {
        var sample = Samples.Single(s => EventTypeMap.NameOf(s) == storedName);

        var data = EventTypeMap.Serialize(sample);
        var read = EventTypeMap.Deserialize(storedName, data);

        Assert.IsType(sample.GetType(), read);
        Assert.Equal(sample, read);
        Assert.Equal(data, EventTypeMap.Serialize(read));
    }

    [Theory]
    [InlineData("attendance-confirmed.v1", """{"participant":"Vladimir Putin","mode":"in-person"}""")]
    [InlineData("attendance-declined.v1", """{"participant":"Vladimir Putin","representedBy":"Sergey Lavrov","reason":"busy schedule"}""")]
    [InlineData("meeting-postponed.v1", """{"dates":"2022-12~","reason":"the host asked for a delay"}""")]
    [InlineData("meeting-relocated.v1", """{"location":{"city":"Jakarta","country":"Indonesia"}}""")]
    [InlineData("report-retracted.v1", """{"retracts":"typo-g20-putin","reason":"entry error"}""")]
    [InlineData(
        "meeting-held.v1",
        """{"dates":"2022-11-16","attendees":[{"participant":"Sergey Lavrov","mode":"in-person"},{"participant":"Vladimir Putin","mode":"virtual","representedBy":"Sergey Lavrov"}]}""")]
    [InlineData(
        "meeting-announced.v1",
        """{"title":"Putin-Xi talks","kind":"bilateral","participants":[{"name":"Vladimir Putin","level":"planned"},{"name":"Xi Jinping","level":"expected","mode":"in-person"}],"location":{"city":"Samarkand","country":"Uzbekistan"},"dates":"2022-09-15/2022-09-16","sidelinesOf":"sco-2022"}""")]
    public void Stored_data_keeps_its_field_names_and_vocabulary(string storedName, string data)
    {
        Assert.Equal(data, EventTypeMap.Serialize(Samples.Single(s => EventTypeMap.NameOf(s) == storedName)));
    }

    [Fact]
    public void Absent_optional_fields_are_left_out_of_stored_data_and_read_back_as_null()
    {
        var data = EventTypeMap.Serialize(new AttendanceConfirmed(Putin, null));

        Assert.Equal("""{"participant":"Vladimir Putin"}""", data);
        Assert.Equal(new AttendanceConfirmed(Putin, null), EventTypeMap.Deserialize("attendance-confirmed.v1", data));
    }

    [Theory]
    [InlineData("attendance-confirmed.v2")]
    [InlineData("AttendanceConfirmed")]
    [InlineData("Timeline.Domain.Meetings.MeetingEvent+AttendanceConfirmed")]
    [InlineData("ATTENDANCE-CONFIRMED.V1")]
    public void An_unknown_stored_name_cannot_be_read(string storedName)
    {
        var error = Assert.Throws<InvalidDataException>(() => EventTypeMap.Deserialize(storedName, """{"participant":"Vladimir Putin"}"""));

        Assert.Contains($"'{storedName}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"participant": 42}""")]
    [InlineData("""{"participant": "Vladimir Putin", "mode": "hologram"}""")]
    [InlineData("""{"participant": "Vladimir Putin", "mode": 0}""")]
    [InlineData("not json")]
    [InlineData("null")]
    public void Stored_data_that_does_not_fit_its_type_cannot_be_read(string data)
    {
        var error = Assert.Throws<InvalidDataException>(() => EventTypeMap.Deserialize("attendance-confirmed.v1", data));

        Assert.Contains("attendance-confirmed.v1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ConfirmAttendance", "attendance-confirmed.v1")]
    [InlineData("AttendanceConfirmed", "attendance-confirmed.v1")]
    [InlineData("attendance-confirmed", "attendance-confirmed.v1")]
    [InlineData("attendance-confirmed.v1", "attendance-confirmed.v1")]
    [InlineData("attendanceconfirmed", "attendance-confirmed.v1")]
    [InlineData("PostponeMeeting", "meeting-postponed.v1")]
    [InlineData("MeetingPostponed", "meeting-postponed.v1")]
    [InlineData("AnnounceSummit", "summit-announced.v1")]
    [InlineData("RecordMeetingHeld", "meeting-held.v1")]
    [InlineData("RetractReport", "report-retracted.v1")]
    [InlineData("report-retracted", "report-retracted.v1")]
    public void Resolve_accepts_command_names_event_names_and_stored_names(string name, string stored)
    {
        Assert.Equal(stored, EventTypeMap.Resolve(name));
    }

    [Theory]
    [InlineData("Postpone")]
    [InlineData("attendance-confirmed.v2")]
    [InlineData("")]
    public void Resolve_gives_null_for_a_name_that_names_nothing(string name)
    {
        Assert.Null(EventTypeMap.Resolve(name));
    }

    [Fact]
    public void Every_command_resolves_to_the_event_it_produces()
    {
        var resolved = Timeline.Core.Commands.CommandCatalog.Names.Select(name => EventTypeMap.Resolve(name) ?? $"nothing for {name}");

        Assert.Equal(EventTypeMap.StoredNames.Order(StringComparer.Ordinal), resolved.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_display_name_is_the_event_s_name_and_an_unknown_stored_name_is_shown_as_is()
    {
        Assert.Equal("AttendanceConfirmed", EventTypeMap.DisplayName("attendance-confirmed.v1"));
        Assert.Equal("attendance-confirmed.v9", EventTypeMap.DisplayName("attendance-confirmed.v9"));
    }

    private sealed class TypeByName : IComparer<Type>
    {
        public static readonly TypeByName Instance = new();

        public int Compare(Type? x, Type? y) => string.CompareOrdinal(x?.Name, y?.Name);
    }
}
