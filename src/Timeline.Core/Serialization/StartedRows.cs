using System.Runtime.CompilerServices;

namespace Timeline.Core.Serialization;

/// <summary>Starting a store's read inside the request that asks for it, and leaving the rest of its rows for the writer.</summary>
internal static class StartedRows
{
    /// <summary>
    /// Runs <paramref name="rows"/> up to its first row now: the store's query is sent, and fails if it is going to
    /// (unavailable, refused, cancelled), while the request is handled, so the failure is the request's own and nothing
    /// has been written; the store's activity is a child of the request's. The sequence returned yields that row and
    /// the rest, read as they are pulled; it must be enumerated once, which ends the store's read.
    /// </summary>
    public static async ValueTask<IAsyncEnumerable<T>> StartAsync<T>(this IAsyncEnumerable<T> rows, CancellationToken cancellationToken)
    {
        var reader = rows.GetAsyncEnumerator(cancellationToken);
        try
        {
            return Rest(reader, await reader.MoveNextAsync().ConfigureAwait(false), new StrongBox<bool>());
        }
        catch
        {
            await reader.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async IAsyncEnumerable<T> Rest<T>(IAsyncEnumerator<T> reader, bool any, StrongBox<bool> taken)
    {
        if (taken.Value)
        {
            throw new InvalidOperationException("a started read yields its rows once; this one was enumerated already");
        }
        taken.Value = true;
        await using (reader.ConfigureAwait(false))
        {
            for (var more = any; more; more = await reader.MoveNextAsync().ConfigureAwait(false))
            {
                yield return reader.Current;
            }
        }
    }
}
