using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Timeline.Domain.Dates;

namespace Timeline.Core.Storage;

/// <summary>
/// System time: when a store appended an event, read from the store's injected clock, never given by a client.
/// </summary>
/// <remarks>
/// A UTC instant in whole microseconds, the finest that every store keeps (PostgreSQL's <c>timestamptz</c> included),
/// so a value survives every store and every export unchanged. It has one text form, written by
/// <see cref="ToString"/> and read by <see cref="Parse"/>: <c>2026-11-29T12:00:00.000000Z</c>, always 27 characters,
/// so text order is time order. Any instant of <see cref="DateTimeOffset"/> cut to the microsecond is a value.
/// </remarks>
public readonly record struct RecordedAt : IComparable<RecordedAt>
{
    private const string TextFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    private RecordedAt(DateTimeOffset instant) => Instant = instant;

    /// <summary>The instant, in UTC, with no part finer than a microsecond.</summary>
    public DateTimeOffset Instant { get; }

    /// <summary>What a store stamps on an append: the time by <paramref name="clock"/>, cut down to the microsecond.</summary>
    public static RecordedAt FromClock(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return CutDown(clock.GetUtcNow());
    }

    /// <summary>
    /// <paramref name="instant"/> cut down (never rounded up) to a whole microsecond. Since every stored value is whole
    /// microseconds, a stored value is at or before <paramref name="instant"/> exactly when it is at or before this.
    /// </summary>
    public static RecordedAt CutDown(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        return new RecordedAt(new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero));
    }

    /// <summary><paramref name="instant"/> exactly, as read back from a store.</summary>
    /// <exception cref="ArgumentException">The instant has a part finer than a microsecond, which no store keeps.</exception>
    public static RecordedAt Exactly(DateTimeOffset instant) =>
        instant.UtcTicks % TimeSpan.TicksPerMicrosecond == 0
            ? new RecordedAt(instant.ToUniversalTime())
            : throw new ArgumentException(
                $"{instant:O} is finer than the whole microseconds a store keeps, so it cannot be a recordedAt", nameof(instant));

    /// <summary>Reads the one text form back.</summary>
    public static bool TryParse(string? text, out RecordedAt value, [NotNullWhen(false)] out string? error)
    {
        if (text is { Length: 27 }
            && DateTime.TryParseExact(text, TextFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc))
        {
            value = new RecordedAt(new DateTimeOffset(utc, TimeSpan.Zero));
            error = null;
            return true;
        }
        value = default;
        error = $"'{EdtfDate.Quote(text ?? string.Empty)}' is not a UTC instant with microseconds (2026-11-29T12:00:00.000000Z)";
        return false;
    }

    /// <summary>Reads the one text form back.</summary>
    /// <exception cref="FormatException">The text is not in that form; the message quotes it.</exception>
    public static RecordedAt Parse(string text) => TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    /// <summary>The one text form: <c>2026-11-29T12:00:00.000000Z</c>.</summary>
    public override string ToString() => Instant.UtcDateTime.ToString(TextFormat, CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public int CompareTo(RecordedAt other) => Instant.CompareTo(other.Instant);

    public static bool operator <(RecordedAt left, RecordedAt right) => left.CompareTo(right) < 0;

    public static bool operator <=(RecordedAt left, RecordedAt right) => left.CompareTo(right) <= 0;

    public static bool operator >(RecordedAt left, RecordedAt right) => left.CompareTo(right) > 0;

    public static bool operator >=(RecordedAt left, RecordedAt right) => left.CompareTo(right) >= 0;
}
