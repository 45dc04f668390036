using System.Text.Json;

namespace Timeline.Cli.Input;

/// <summary>
/// Reads the elements of a top-level JSON array from a stream one at a time, through a buffer that holds one element
/// at most (and grows only for an element larger than it), with the 1-based line each element starts on.
/// </summary>
/// <remarks>
/// Malformed JSON throws <see cref="JsonException"/> with the line and column in the whole stream, as a reader of the
/// whole text would. Comments are skipped; nesting deeper than 32 levels is refused.
/// </remarks>
internal sealed class JsonArrayReader(Stream stream)
{
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 };
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32, CommentHandling = JsonCommentHandling.Skip };

    private byte[] _buffer = new byte[64 * 1024];
    private int _offset;
    private int _filled;
    private bool _eof;
    private bool _started;
    private bool _ended;
    private int _line = 1;
    private JsonReaderState _state = new(ReaderOptions);

    /// <summary>The next element and its line; null after the array's end, once the rest of the stream was found empty.</summary>
    /// <exception cref="JsonException">The stream is not well-formed JSON.</exception>
    /// <exception cref="NotAnArray">The stream holds JSON whose top-level value is not an array.</exception>
    public async ValueTask<(JsonElement Element, int Line)?> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var found = Next(out var element, out var line);
            if (found is Step.Element)
            {
                return (element, line);
            }
            if (found is Step.End)
            {
                return null;
            }
            await FillAsync(cancellationToken);
        }
    }

    private enum Step
    {
        Element,
        End,
        MoreData,
    }

    private Step Next(out JsonElement element, out int line)
    {
        element = default;
        line = 0;
        var reader = new Utf8JsonReader(_buffer.AsSpan(_offset, _filled - _offset), _eof, _state);
        if (!_started)
        {
            if (_offset == 0 && _filled >= 3 && _buffer.AsSpan(0, 3).SequenceEqual("\uFEFF"u8))
            {
                // A byte order mark, as editors on Windows write: the JSON reader would take it for a value.
                _offset = 3;
                return Next(out element, out line);
            }
            if (!reader.Read())
            {
                return Step.MoreData;
            }
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new NotAnArray();
            }
            _started = true;
            Consume(ref reader);
            return Next(out element, out line);
        }
        while (true)
        {
            var before = reader.CurrentState;
            var consumedBefore = (int)reader.BytesConsumed;
            if (!reader.Read())
            {
                Consume(consumedBefore, before);
                return _ended && _eof ? Step.End : Step.MoreData;
            }
            if (_ended || reader.TokenType == JsonTokenType.EndArray)
            {
                // After the array only whitespace and comments may follow; the reader itself refuses anything else.
                _ended = true;
                continue;
            }
            var start = (int)reader.TokenStartIndex;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
            {
                Consume(consumedBefore, before);
                return Step.MoreData;
            }
            var end = (int)reader.BytesConsumed;
            line = _line + _buffer.AsSpan(_offset, start).Count((byte)'\n');
            using (var document = JsonDocument.Parse(_buffer.AsMemory(_offset + start, end - start), DocumentOptions))
            {
                element = document.RootElement.Clone();
            }
            Consume(ref reader);
            return Step.Element;
        }
    }

    private void Consume(ref Utf8JsonReader reader) => Consume((int)reader.BytesConsumed, reader.CurrentState);

    private void Consume(int bytes, JsonReaderState state)
    {
        _line += _buffer.AsSpan(_offset, bytes).Count((byte)'\n');
        _offset += bytes;
        _state = state;
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_eof)
        {
            // The reader saw the final block and still asked for more: only an empty stream gets here.
            throw new JsonException("The input does not contain any JSON tokens. Expected the input to start with a valid JSON token, while isFinalBlock is true.", null, 0, 0);
        }
        if (_offset > 0)
        {
            _buffer.AsSpan(_offset, _filled - _offset).CopyTo(_buffer);
            _filled -= _offset;
            _offset = 0;
        }
        if (_filled == _buffer.Length)
        {
            // One element larger than the buffer: make room for it.
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        var read = await stream.ReadAsync(_buffer.AsMemory(_filled), cancellationToken);
        if (read == 0)
        {
            _eof = true;
        }
        _filled += read;
    }

    /// <summary>The stream's top-level value is not an array; the caller reads it whole to say what it is.</summary>
    public sealed class NotAnArray : Exception;
}
