using FluentValidation;
using Mediator;
using Timeline.Core.Commands;
using Timeline.Core.Storage;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Feed;

/// <summary>
/// Follows the log (docs/contract.md#the-change-feed): the events after a sequence that match, then each new one as it
/// lands. Sent once; the answer is a <see cref="ChangeFeed"/> to enumerate until cancelled.
/// </summary>
/// <param name="After">
/// Only events after this sequence (0 replays the whole log); null starts at the end of the log, so only events
/// appended from now on come.
/// </param>
/// <param name="Meeting">Only this meeting's events.</param>
/// <param name="Participant">Only events of meetings that name this person (case-insensitive).</param>
public sealed record FollowLog(long? After = null, string? Meeting = null, string? Participant = null) : IQuery<ChangeFeed>;

internal sealed class FollowLogValidator : AbstractValidator<FollowLog>
{
    public FollowLogValidator()
    {
        RuleFor(q => q.After).GreaterThanOrEqualTo(0).WithMessage(q => $"'{q.After}' is not a sequence (0 or more)");
        RuleFor(q => q.Meeting).Slug();
        RuleFor(q => q.Participant).PersonName();
    }
}

internal sealed class FollowLogHandler(IEventStore store, LogAppends appends, TimeProvider clock) : IQueryHandler<FollowLog, ChangeFeed>
{
    public async ValueTask<ChangeFeed> Handle(FollowLog query, CancellationToken cancellationToken)
    {
        var after = query.After ?? (await store.ReadLastAsync(cancellationToken))?.Sequence ?? 0;
        return new ChangeFeed(
            store,
            appends,
            clock,
            after,
            query.Meeting is null ? null : MeetingId.Parse(query.Meeting),
            query.Participant is null ? null : ParticipantName.Parse(query.Participant));
    }
}
