using FluentValidation;
using Mediator;
using Timeline.Core.Commands;
using Timeline.Core.Index;
using Timeline.Core.Knowledge;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Schedule;

/// <summary>One meeting as the schedule shows it, as of <see cref="AsOf"/> and recorded by <see cref="RecordedAsOf"/>.</summary>
/// <exception cref="MeetingNotFound">The meeting does not exist within the bounds.</exception>
public sealed record GetMeeting(string MeetingId, string? AsOf = null, string? RecordedAsOf = null) : IQuery<ScheduledMeeting>;

internal sealed class GetMeetingValidator : AbstractValidator<GetMeeting>
{
    public GetMeetingValidator()
    {
        RuleFor(q => q.MeetingId).Required().Slug();
        RuleFor(q => q.AsOf).PointInTime();
        RuleFor(q => q.RecordedAsOf).PointInTime();
    }
}

internal sealed class GetMeetingHandler(IMeetingStateIndex index, TimeProvider clock) : IQueryHandler<GetMeeting, ScheduledMeeting>
{
    public async ValueTask<ScheduledMeeting> Handle(GetMeeting query, CancellationToken cancellationToken)
    {
        var schedule = new GetSchedule(query.AsOf, query.RecordedAsOf);
        var states = await index.ReadStatesAsync(
            GetScheduleHandler.StatesOf(schedule) with { Meetings = [MeetingId.Parse(query.MeetingId)] }, cancellationToken);
        return GetScheduleHandler.Document(states, schedule, Overdue.Today(clock)).Meetings.SingleOrDefault()
            ?? throw new MeetingNotFound(query.MeetingId, query.AsOf ?? query.RecordedAsOf);
    }
}
