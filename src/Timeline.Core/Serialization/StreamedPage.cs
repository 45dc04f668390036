using System.Runtime.CompilerServices;

namespace Timeline.Core.Serialization;

/// <summary>Cutting a streamed answer to its page: the store is asked for one row more than the limit, to know whether a next page follows.</summary>
internal static class StreamedPage
{
    /// <summary>
    /// The first <paramref name="limit"/> of <paramref name="rows"/> (all when null); when another row follows them,
    /// <paramref name="cut"/> gets the last row of the page, whose position the next page starts after.
    /// </summary>
    public static async IAsyncEnumerable<T> FirstAsync<T>(
        IAsyncEnumerable<T> rows, int? limit, Action<T> cut, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (count, last) = (0, default(T));
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (++count > limit)
            {
                cut(last!);
                yield break;
            }
            last = row;
            yield return row;
        }
    }
}
