using System.Text.Json.Serialization;

namespace Timeline.Core.Knowledge;

/// <summary>
/// A field of a meeting that <c>diff</c> compares and <c>conflicts</c> checks (docs/contract.md#diff-output). The last
/// three belong to one participant. Written as its camelCase name: <c>representedBy</c>.
/// </summary>
public enum MeetingField
{
    Title,
    Status,
    Dates,
    Location,
    Attendance,
    Mode,
    [JsonStringEnumMemberName("representedBy")]
    RepresentedBy,
}
