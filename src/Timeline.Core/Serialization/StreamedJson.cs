using System.Buffers;
using System.Text.Json;

namespace Timeline.Core.Serialization;

/// <summary>Where a streamed answer's bytes go: the response body, standard output.</summary>
/// <param name="utf8">UTF-8 text that ends on a whole character; the sink may not keep it after it returns.</param>
/// <param name="cancellationToken">Stops the write.</param>
public delegate ValueTask AnswerSink(ReadOnlyMemory<byte> utf8, CancellationToken cancellationToken);

/// <summary>
/// Writes one output document, with the bytes of <see cref="TimelineJson.Output"/> followed by a line break (as the CLI
/// and the API write every document), while its one array is still being read: the fields before the array, then each
/// row as it comes, then the fields after. What is held at any time is one row and a buffer of at most about
/// <see cref="FlushBytes"/>, whatever the number of rows. Nothing reaches the sink before the buffer fills or the
/// document ends, so a failure before the first rows (a store that cannot be read) leaves the output untouched.
/// </summary>
public sealed class StreamedJson : IDisposable
{
    /// <summary>The buffered bytes that make a write to the sink.</summary>
    public const int FlushBytes = 16 * 1024;

    private static readonly JsonSerializerOptions Options = TimelineJson.Output;
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushBytes * 2);
    private readonly Utf8JsonWriter _writer;
    private readonly AnswerSink _sink;

    private StreamedJson(AnswerSink sink)
    {
        _sink = sink;
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions
        {
            Encoder = Options.Encoder,
            Indented = Options.WriteIndented,
            IndentCharacter = Options.IndentCharacter,
            IndentSize = Options.IndentSize,
            NewLine = Options.NewLine,
            MaxDepth = Options.MaxDepth,
            SkipValidation = false,
        });
    }

    /// <summary>Writes one object: <paramref name="body"/> writes its fields, then the object and a line break are closed and flushed.</summary>
    public static async Task WriteAsync(AnswerSink sink, Func<StreamedJson, CancellationToken, Task> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var json = new StreamedJson(sink);
        json._writer.WriteStartObject();
        await body(json, cancellationToken).ConfigureAwait(false);
        json._writer.WriteEndObject();
        json._writer.Flush();
        json._buffer.Write("\n"u8);
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One field, named as the document's property <paramref name="property"/> is (camelCase), with its value.</summary>
    public void Field<T>(string property, T value)
    {
        _writer.WritePropertyName(Name(property));
        JsonSerializer.Serialize(_writer, value, Options);
    }

    /// <summary>One array field, written a row at a time as <paramref name="rows"/> yields them.</summary>
    public async Task ArrayAsync<T>(string property, IAsyncEnumerable<T> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _writer.WritePropertyName(Name(property));
        _writer.WriteStartArray();
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            JsonSerializer.Serialize(_writer, row, Options);
            if (_writer.BytesPending + _buffer.WrittenCount >= FlushBytes)
            {
                _writer.Flush();
                await FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        _writer.WriteEndArray();
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();

    private static string Name(string property) => Options.PropertyNamingPolicy?.ConvertName(property) ?? property;

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _sink(_buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        _buffer.ResetWrittenCount();
    }
}
