using System.Text.Json;
using Timeline.Core.Audit;
using Timeline.Core.Serialization;

namespace Timeline.Core.Feed;

/// <summary>
/// One followed event as one line of JSON: its audit entry (docs/contract.md#audit-output) written like every output
/// (<see cref="TimelineJson.Output"/>) but without indentation. The feed's <c>data:</c> and <c>timeline watch --format
/// json</c> write exactly this, so the two are byte for byte the same.
/// </summary>
public static class FeedLine
{
    private static readonly JsonSerializerOptions Compact = new(TimelineJson.Output) { WriteIndented = false };

    public static string Of(AuditEvent entry) => JsonSerializer.Serialize(entry, Compact);
}
