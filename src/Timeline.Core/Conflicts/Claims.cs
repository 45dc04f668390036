using Timeline.Core.History;
using Timeline.Core.Knowledge;
using Timeline.Core.Serialization;
using Timeline.Core.Storage;
using Timeline.Domain.Meetings;
using static Timeline.Domain.Meetings.MeetingEvent;

namespace Timeline.Core.Conflicts;

/// <summary>What one report says about one fact, and who said it.</summary>
/// <param name="Value">An <see cref="AttendanceLevel"/>, an <see cref="AttendanceMode"/>, an <see cref="Domain.Dates.EdtfDate"/> or a <see cref="Location"/>.</param>
/// <param name="Source">The source's key (<see cref="Claims.SourceKey"/>).</param>
internal sealed record Claim(StoredEvent Report, MeetingField Fact, ParticipantName? Participant, object Value, string Source)
{
    public ConflictSide ToSide() => new(
        Report.Sequence,
        EventTypeMap.DisplayName(Report.EventType),
        Report.ReportedAt.Text,
        Report.Source,
        Value,
        EventSummary.Describe(Report.Event));
}

/// <summary>The claims reports make about the four facts conflicts checks, and how their sources are told apart.</summary>
internal static class Claims
{
    /// <summary>Every claim of the reports that have a source, in the order of <paramref name="reports"/>.</summary>
    public static IEnumerable<Claim> In(IEnumerable<StoredEvent> reports) =>
        from report in reports
        let source = SourceKey(report.Source)
        where source is not null
        from claim in Of(report.Event)
        select new Claim(report, claim.Fact, claim.Participant, claim.Value, source);

    /// <summary>
    /// Who made a statement: the speaker if there is one, else the outlet; null when neither is given. A name is taken up
    /// to its first comma (so "Dmitry Peskov, Kremlin spokesman" is "Dmitry Peskov"), with white space folded, and
    /// compared case-insensitively.
    /// </summary>
    public static string? SourceKey(Source source) => Name(source.Speaker) ?? Name(source.Outlet);

    private static string? Name(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        var name = string.Join(' ', (comma < 0 ? text : text[..comma]).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return name.Length == 0 ? null : name.ToLowerInvariant();
    }

    // An invitation says nothing about attending; a postponement without dates says nothing about the new ones.
    private static IEnumerable<(MeetingField Fact, ParticipantName? Participant, object Value)> Of(MeetingEvent @event) => @event switch
    {
        SummitAnnounced e => [(MeetingField.Dates, null, e.Dates), (MeetingField.Location, null, e.Location)],
        MeetingAnnounced e => [
            .. Given(MeetingField.Dates, e.Dates),
            .. Given(MeetingField.Location, e.Location),
            .. e.Participants.SelectMany(named => Standing(named.Name, named.Level, named.Mode))],
        AttendanceAnnounced e => Standing(e.Participant, e.Level, e.Mode),
        AttendanceConfirmed e => Standing(e.Participant, AttendanceLevel.Confirmed, e.Mode),
        AttendanceDeclined e => [(MeetingField.Attendance, e.Participant, AttendanceLevel.Declined)],
        MeetingPostponed e => Given(MeetingField.Dates, e.Dates),
        MeetingRescheduled e => [(MeetingField.Dates, null, e.Dates)],
        MeetingRelocated e => [(MeetingField.Location, null, e.Location)],
        MeetingHeld e => [
            .. Given(MeetingField.Dates, e.Dates),
            .. e.Attendees.SelectMany(attendee => Standing(attendee.Participant, AttendanceLevel.Attended, attendee.Mode))],
        _ => [],
    };

    private static IEnumerable<(MeetingField, ParticipantName?, object)> Given(MeetingField fact, object? value) =>
        value is null ? [] : [(fact, null, value)];

    private static IEnumerable<(MeetingField, ParticipantName?, object)> Standing(ParticipantName who, AttendanceLevel level, AttendanceMode? mode)
    {
        if (level != AttendanceLevel.Invited)
        {
            yield return (MeetingField.Attendance, who, level);
        }
        if (mode is { } said)
        {
            yield return (MeetingField.Mode, who, said);
        }
    }
}
