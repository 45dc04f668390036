namespace Timeline.Domain.Meetings;

/// <summary>The names of the rules a command can break. Each is stable: users, tests and the API see them.</summary>
public static class MeetingRules
{
    /// <summary>An announcement reuses an id, with different content, of a meeting that already exists.</summary>
    public const string AlreadyAnnounced = "meeting-already-announced";

    /// <summary>The meeting does not exist as of the command's reportedAt.</summary>
    public const string NotAnnounced = "meeting-not-announced";

    /// <summary>The meeting is cancelled: nothing about it may change but a retraction.</summary>
    public const string Cancelled = "meeting-cancelled";

    /// <summary>The meeting was held: it cannot be postponed, rescheduled or cancelled.</summary>
    public const string Held = "meeting-held";

    /// <summary>AnnounceAttendance takes only possible, expected or planned.</summary>
    public const string LevelNotAnnounceable = "attendance-level-not-announceable";

    /// <summary>A retraction names no entry of this meeting that is on record and not yet retracted.</summary>
    public const string RetractionTargetUnknown = "retraction-target-unknown";

    /// <summary>A meeting cannot take place on its own sidelines.</summary>
    public const string SidelinesOfItself = "sidelines-of-itself";
}

/// <summary>A command broke a rule; <see cref="Rule"/> is one of <see cref="MeetingRules"/>.</summary>
public sealed class MeetingRuleViolation : Exception
{
    public MeetingRuleViolation(string rule, string message)
        : base(message) => Rule = rule;

    /// <summary>The rule's stable name, e.g. <c>meeting-cancelled</c>.</summary>
    public string Rule { get; }
}
