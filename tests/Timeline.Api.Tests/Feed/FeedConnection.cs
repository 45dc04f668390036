using System.Net;
using System.Text;
using Timeline.Api.Tests.Hosting;

namespace Timeline.Api.Tests.Feed;

/// <summary>One message of the change feed as it came over the wire: <c>id:</c>, <c>event:</c> and the <c>data:</c> lines joined.</summary>
public sealed record FeedMessage(string? Id, string? Event, string Data)
{
    public bool IsHeartbeat => Event == "heartbeat";

    public long Sequence => long.Parse(Id ?? throw new Xunit.Sdk.XunitException($"a message without an id: {this}"), System.Globalization.CultureInfo.InvariantCulture);

    public override string ToString() => $"id: {Id}, event: {Event}, data: {Data}";
}

/// <summary>
/// An open <c>GET /api/changes</c>, read one message at a time by a plain reader of the Server-Sent Events format, so
/// the tests see exactly what was sent (heartbeats included). Disposing it cuts the connection.
/// </summary>
public sealed class FeedConnection : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private FeedConnection(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    /// <summary>Connects with <paramref name="query"/> (<c>?after=0</c>) and, when given, a <c>Last-Event-ID</c> header.</summary>
    public static async Task<FeedConnection> OpenAsync(HttpClient client, string query = "", string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/changes" + query);
        if (lastEventId is not null)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        }
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Web.Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var stream = await response.Content.ReadAsStreamAsync(Web.Cancel);
        return new FeedConnection(response, new StreamReader(stream, Encoding.UTF8));
    }

    /// <summary>The next message, heartbeats included; null when the server ended the stream.</summary>
    public async Task<FeedMessage?> NextAsync()
    {
        string? id = null;
        string? type = null;
        var data = new List<string>();
        var any = false;
        while (await _reader.ReadLineAsync(Web.Cancel) is { } line)
        {
            if (line.Length == 0)
            {
                if (any)
                {
                    return new FeedMessage(id, type, string.Join('\n', data));
                }
                continue;
            }
            any = true;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? string.Empty : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "id":
                    id = value;
                    break;
                case "event":
                    type = value;
                    break;
                case "data":
                    data.Add(value);
                    break;
            }
        }
        return null;
    }

    /// <summary>The next <paramref name="count"/> events, skipping heartbeats; fails if the stream ends first.</summary>
    public async Task<IReadOnlyList<FeedMessage>> EventsAsync(int count)
    {
        var events = new List<FeedMessage>();
        while (events.Count < count)
        {
            var message = await NextAsync() ?? throw new Xunit.Sdk.XunitException($"the feed ended after {events.Count} of {count} events");
            if (!message.IsHeartbeat)
            {
                events.Add(message);
            }
        }
        return events;
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
