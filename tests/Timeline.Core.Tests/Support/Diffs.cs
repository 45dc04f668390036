using Timeline.Core.Diff;
using Timeline.Core.Knowledge;

namespace Timeline.Core.Tests.Support;

/// <summary>Short ways to find one meeting's change, one field and one report in a diff.</summary>
internal static class Diffs
{
    public static MeetingChange Change(this DiffDocument diff, string meetingId) => Assert.Single(diff.Changes, c => c.MeetingId == meetingId);

    public static FieldChange Field(this MeetingChange change, MeetingField field, string? participant = null) =>
        Assert.Single(change.Fields, f => f.Field == field && f.Participant == participant);

    public static IEnumerable<string> MeetingIds(this DiffDocument diff) => diff.Changes.Select(c => c.MeetingId);

    /// <summary>Each field as "field participant: before → after", for whole-list comparisons.</summary>
    public static IEnumerable<string> Lines(this MeetingChange change) =>
        change.Fields.Select(f => $"{f.Field}{(f.Participant is null ? string.Empty : $" {f.Participant}")}: {f.Before ?? "-"} → {f.After ?? "-"}");
}
