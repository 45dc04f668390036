using System.Globalization;

namespace Timeline.Cli.Input;

/// <summary>
/// Describes a running import at most once per <paramref name="every"/> of <paramref name="clock"/>: the commands
/// decided, the bytes read of all there are, the rate since the start and the time left at that rate.
/// </summary>
/// <param name="read">How far the reading has got.</param>
/// <param name="clock">The clock that paces the lines and measures the rate.</param>
/// <param name="show">Gets each description.</param>
/// <param name="every">The least time between two descriptions.</param>
internal sealed class ImportProgress(ReadProgress read, TimeProvider clock, Action<string> show, TimeSpan every) : IProgress<int>
{
    private readonly DateTimeOffset _started = clock.GetUtcNow();
    private DateTimeOffset _next = clock.GetUtcNow() + every;

    /// <summary>Told the number of commands decided so far.</summary>
    public void Report(int value)
    {
        var now = clock.GetUtcNow();
        if (now < _next)
        {
            return;
        }
        _next = now + every;
        show(Describe(value, read.BytesRead, read.TotalBytes, now - _started));
    }

    /// <summary>One line: <c>import: 120,000 commands; 12.0 of 48.0 MiB read (25%); 8,000 commands/s; about 0:00:36 left</c>.</summary>
    public static string Describe(long commands, long bytesRead, long totalBytes, TimeSpan elapsed)
    {
        var rate = elapsed > TimeSpan.Zero ? commands / elapsed.TotalSeconds : 0;
        var text = string.Create(CultureInfo.InvariantCulture, $"import: {commands:N0} commands");
        if (totalBytes > 0)
        {
            var fraction = Math.Clamp((double)bytesRead / totalBytes, 0, 1);
            text += string.Create(CultureInfo.InvariantCulture, $"; {bytesRead / 1048576.0:N1} of {totalBytes / 1048576.0:N1} MiB read ({fraction * 100:N0}%)");
            text += string.Create(CultureInfo.InvariantCulture, $"; {rate:N0} commands/s");
            if (fraction > 0)
            {
                var left = TimeSpan.FromSeconds(Math.Round(elapsed.TotalSeconds * (1 - fraction) / fraction));
                text += string.Create(CultureInfo.InvariantCulture, $"; about {left:h\\:mm\\:ss} left");
            }
            return text;
        }
        return text + string.Create(CultureInfo.InvariantCulture, $"; {rate:N0} commands/s");
    }
}
