namespace Timeline.Domain.Meetings;

/// <summary>What sort of gathering a meeting is. Stored as its lowercase name.</summary>
public enum MeetingKind
{
    Summit,
    Bilateral,
    Trilateral,
    Forum,
    Visit,
    Other,
}
