using Timeline.Domain.Meetings;

namespace Timeline.Core.Storage;

/// <summary>
/// Which events to read from the whole log. Every filter is optional and they combine with AND; results are
/// always in <see cref="StoredEvent.Sequence"/> order. Every backend must give the same answer for the same query.
/// </summary>
public sealed record EventQuery
{
    /// <summary>Everything.</summary>
    public static readonly EventQuery All = new();

    /// <summary>Only these meetings' streams.</summary>
    public IReadOnlyCollection<MeetingId>? Streams { get; init; }

    /// <summary>Only events with a sequence greater than this (a position to resume from).</summary>
    public long AfterSequence { get; init; }

    /// <summary>Only events with a sequence at most this.</summary>
    public long? UpToSequence { get; init; }

    /// <summary>Only these stored event type names.</summary>
    public IReadOnlyCollection<string>? EventTypes { get; init; }

    /// <summary>Only the events of these commands (command ids, matched exactly).</summary>
    public IReadOnlyCollection<string>? CommandIds { get; init; }

    /// <summary>Only events recorded by this user, matched exactly.</summary>
    public string? RecordedBy { get; init; }

    /// <summary>Only events recorded at or before this instant (system time).</summary>
    public DateTimeOffset? RecordedAtOrBefore { get; init; }

    /// <summary>Only events whose reportedAt instant is at or after this.</summary>
    public DateTimeOffset? ReportedFrom { get; init; }

    /// <summary>Only events whose reportedAt instant is strictly before this.</summary>
    public DateTimeOffset? ReportedBefore { get; init; }

    /// <summary>Only events whose source speaker contains this text, compared after <see cref="SearchKey"/>.</summary>
    public string? Speaker { get; init; }

    /// <summary>Only events whose source outlet contains this text, compared after <see cref="SearchKey"/>.</summary>
    public string? Outlet { get; init; }

    /// <summary>At most this many events (the first ones in sequence order).</summary>
    public int? Limit { get; init; }

    /// <summary>
    /// The one normalisation used for speaker and outlet search, by every store: lower case, invariant culture.
    /// Stores keep this key beside the original text so the match is the same everywhere.
    /// </summary>
    public static string? SearchKey(string? text) => text?.ToLowerInvariant();

    /// <summary>
    /// The one text form of a reportedAt instant that stores keep beside reportedAt, and compare with the bounds of
    /// <see cref="ReportedFrom"/> and <see cref="ReportedBefore"/>: UTC, every tick, fixed width, so text order (ordinal,
    /// or PostgreSQL's collation C) is time order and filters are exact.
    /// </summary>
    public static string ReportedAtKey(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
