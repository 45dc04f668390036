using FluentValidation;
using Timeline.Core.Storage;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Knowledge;

/// <summary>Shape checks shared by the queries.</summary>
internal static class QueryRules
{
    public static IRuleBuilderOptionsConditions<T, string?> PointInTime<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((value, context) =>
        {
            if (value is not null && !Cutoff.TryParse(value, out _, out var error))
            {
                context.AddFailure(error);
            }
        });

    public static Cutoff? CutoffOrNull(string? text) => text is null ? null : Cutoff.Parse(text);

    /// <summary>Reads the whole log as recorded by <paramref name="recordedAsOf"/>.</summary>
    public static async Task<List<StoredEvent>> ReadLogAsync(this IEventStore store, Cutoff? recordedAsOf, IReadOnlyCollection<MeetingId>? streams, CancellationToken cancellationToken)
    {
        var events = new List<StoredEvent>();
        var query = EventQuery.All with { Streams = streams, RecordedAtOrBefore = recordedAsOf?.Through() };
        await foreach (var e in store.ReadAllAsync(query, cancellationToken))
        {
            events.Add(e);
        }
        return events;
    }
}
