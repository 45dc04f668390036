using Timeline.Core.Knowledge;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Conflicts;

/// <summary>When two claims about one fact disagree (docs/contract.md#when-sources-disagree).</summary>
internal static class Disagreement
{
    /// <summary>Two claims about one fact that disagree, in report order.</summary>
    public sealed record Pair(Claim First, Claim Second, int DaysApart);

    /// <summary>
    /// The disagreements among the claims of one fact of one meeting, given in (reportedAt, sequence) order: for each
    /// two sources, the pair of their standing claims that disagree and are at most <paramref name="within"/> days apart,
    /// the closest in time (then the latest). A claim stands unless its own source later said something else.
    /// </summary>
    public static IEnumerable<Pair> Among(IReadOnlyList<Claim> claims, int within)
    {
        var standing = Standing(claims);
        var pairs = new List<Pair>();
        for (var i = 0; i < standing.Count; i++)
        {
            for (var j = i + 1; j < standing.Count; j++)
            {
                var days = standing[j].Report.ReportedAt.Day.DayNumber - standing[i].Report.ReportedAt.Day.DayNumber;
                if (days > within)
                {
                    break;
                }
                if (standing[i].Source != standing[j].Source && Disagree(standing[i].Fact, standing[i].Value, standing[j].Value))
                {
                    pairs.Add(new Pair(standing[i], standing[j], days));
                }
            }
        }
        return pairs
            .GroupBy(p => string.CompareOrdinal(p.First.Source, p.Second.Source) < 0 ? (p.First.Source, p.Second.Source) : (p.Second.Source, p.First.Source))
            .Select(sources => sources
                .OrderBy(p => p.DaysApart)
                .ThenByDescending(p => p.Second.Report.ReportedAt.Instant)
                .ThenByDescending(p => p.Second.Report.Sequence)
                .First());
    }

    /// <summary>
    /// Whether two values of a fact disagree. Attendance: a statement that someone will attend (possible, expected,
    /// planned, confirmed) disagrees with a decline, and a decline with attended; the levels of intent differ only in
    /// certainty, and attended is what they foretold. Mode: in-person and virtual. Dates: unless one's span holds the
    /// other's (2022-11 holds 2022-11-15/2022-11-16). Location: another country, or another city where both give one.
    /// </summary>
    public static bool Disagree(MeetingField fact, object first, object second) => (fact, first, second) switch
    {
        (MeetingField.Attendance, AttendanceLevel a, AttendanceLevel b) => Stance(a) + Stance(b) is Intends + WillNot or WillNot + Did,
        (MeetingField.Mode, AttendanceMode a, AttendanceMode b) => a != b,
        (MeetingField.Dates, EdtfDate a, EdtfDate b) => !Holds(a, b) && !Holds(b, a),
        (MeetingField.Location, Location a, Location b) => !string.Equals(a.Country, b.Country, StringComparison.OrdinalIgnoreCase)
            || (a.City is not null && b.City is not null && !string.Equals(a.City, b.City, StringComparison.OrdinalIgnoreCase)),
        _ => throw new ArgumentOutOfRangeException(nameof(fact), $"{nameof(Disagreement)} cannot compare {fact} claims of {first.GetType().Name} and {second.GetType().Name}"),
    };

    // Stances as bits, so that a pair of them is their sum: one of each side of a disagreement.
    private const int Intends = 1;
    private const int WillNot = 2;
    private const int Did = 4;

    private static int Stance(AttendanceLevel level) => level switch
    {
        AttendanceLevel.Declined => WillNot,
        AttendanceLevel.Attended => Did,
        _ => Intends,
    };

    private static bool Holds(EdtfDate outer, EdtfDate inner) => outer.Earliest <= inner.Earliest && inner.Latest <= outer.Latest;

    // Oldest first; a claim is dropped when a later claim of its source gives another value.
    private static List<Claim> Standing(IReadOnlyList<Claim> claims)
    {
        var laterValues = new Dictionary<string, (object Value, bool Mixed)>(StringComparer.Ordinal);
        var standing = new List<Claim>();
        for (var i = claims.Count - 1; i >= 0; i--)
        {
            var claim = claims[i];
            if (!laterValues.TryGetValue(claim.Source, out var later))
            {
                standing.Add(claim);
                laterValues[claim.Source] = (claim.Value, false);
                continue;
            }
            if (!later.Mixed && Equals(later.Value, claim.Value))
            {
                standing.Add(claim);
            }
            else
            {
                laterValues[claim.Source] = (later.Value, true);
            }
        }
        standing.Reverse();
        return standing;
    }
}
