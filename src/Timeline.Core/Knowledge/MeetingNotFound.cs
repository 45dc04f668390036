namespace Timeline.Core.Knowledge;

/// <summary>The meeting asked for is not in the store (as of the time asked).</summary>
public sealed class MeetingNotFound(string meetingId, string? asOf)
    : Exception(asOf is null
        ? $"meeting '{meetingId}' is not in this store"
        : $"meeting '{meetingId}' was not known as of {asOf}")
{
    public string MeetingId { get; } = meetingId;
}
