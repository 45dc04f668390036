namespace Timeline.Cli.Input;

/// <summary>How far the reading of command files has got, in bytes, for a progress display.</summary>
internal sealed class ReadProgress
{
    private long _done;
    private Stream? _reading;

    /// <summary>The size of every file to read; 0 when unknown (standard input).</summary>
    public long TotalBytes { get; private set; }

    /// <summary>The bytes read so far, of every file.</summary>
    public long BytesRead => _done + (_reading?.CanSeek == true ? _reading.Position : 0);

    public void Expect(long bytes) => TotalBytes += bytes;

    public void Reading(Stream stream) => _reading = stream;

    public void Done(Stream stream)
    {
        _done += stream.CanSeek ? stream.Length : 0;
        _reading = null;
    }
}
