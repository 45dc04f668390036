using Timeline.Core.Knowledge;
using Timeline.Core.Schedule;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Diff;

/// <summary>Which fields of one meeting differ between two pictures of it: the one rule of what a change is.</summary>
internal static class MeetingComparison
{
    /// <summary>
    /// The fields that differ: title, status, dates, location, then attendance, mode and representedBy of each
    /// participant (those of the later picture in its order, then those only the earlier one names). A side that is
    /// null has no value for any field. With <paramref name="only"/>, other participants are left out.
    /// </summary>
    public static IReadOnlyList<FieldChange> Fields(ScheduledMeeting? before, ScheduledMeeting? after, ParticipantName? only)
    {
        var fields = new List<FieldChange>();
        Add(fields, MeetingField.Title, null, before?.Title, after?.Title);
        Add(fields, MeetingField.Status, null, before?.Status, after?.Status);
        Add(fields, MeetingField.Dates, null, before?.Dates, after?.Dates);
        Add(fields, MeetingField.Location, null, before?.Location, after?.Location);
        var names = NamesIn(after).Concat(NamesIn(before)).Distinct().Where(name => only is null || name.Equals(only.Value));
        foreach (var name in names)
        {
            var was = Find(before, name);
            var now = Find(after, name);
            var who = (now ?? was)!.Name;
            Add(fields, MeetingField.Attendance, who, was?.Attendance, now?.Attendance);
            Add(fields, MeetingField.Mode, who, was?.Mode, now?.Mode);
            Add(fields, MeetingField.RepresentedBy, who, was?.RepresentedBy, now?.RepresentedBy);
        }
        return fields;
    }

    private static void Add(List<FieldChange> fields, MeetingField field, string? participant, object? before, object? after)
    {
        if (!Equals(before, after))
        {
            fields.Add(new FieldChange(field, participant, before, after));
        }
    }

    private static IEnumerable<ParticipantName> NamesIn(ScheduledMeeting? meeting) =>
        meeting?.Participants.Select(p => ParticipantName.Parse(p.Name)) ?? [];

    private static ScheduledParticipant? Find(ScheduledMeeting? meeting, ParticipantName name) =>
        meeting?.Participants.FirstOrDefault(p => ParticipantName.Parse(p.Name).Equals(name));
}
