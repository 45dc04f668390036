using Timeline.Core.Storage;
using Timeline.Domain.Dates;

namespace Timeline.Store.Marten;

/// <summary>
/// The parts of Timeline's envelope that Marten has no column for, kept in each event's <c>headers</c>. The keys
/// are stored contracts like event names: never rename one.
/// </summary>
internal static class Envelope
{
    /// <summary>reportedAt exactly as given (an EDTF day or an ISO instant).</summary>
    public const string ReportedAt = "reportedAt";

    /// <summary>reportedAt's instant as <see cref="EventQuery.ReportedAtKey"/> writes it, so text order (collation C) is time order.</summary>
    public const string ReportedAtUtc = "reportedAtUtc";

    public const string Outlet = "outlet";
    public const string OutletKey = "outletKey";
    public const string Url = "url";
    public const string PublishedAt = "publishedAt";
    public const string Speaker = "speaker";
    public const string SpeakerKey = "speakerKey";
    public const string Quote = "quote";

    /// <summary>The headers of one event; absent parts of the source are left out.</summary>
    public static Dictionary<string, object> Headers(ReportedAt reportedAt, Source source)
    {
        var headers = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [ReportedAt] = reportedAt.Text,
            [ReportedAtUtc] = EventQuery.ReportedAtKey(reportedAt.Instant),
        };
        Add(headers, Outlet, source.Outlet);
        Add(headers, OutletKey, EventQuery.SearchKey(source.Outlet));
        Add(headers, Url, source.Url);
        Add(headers, PublishedAt, source.PublishedAt);
        Add(headers, Speaker, source.Speaker);
        Add(headers, SpeakerKey, EventQuery.SearchKey(source.Speaker));
        Add(headers, Quote, source.Quote);
        return headers;
    }

    private static void Add(Dictionary<string, object> headers, string key, string? value)
    {
        if (value is not null)
        {
            headers[key] = value;
        }
    }
}
