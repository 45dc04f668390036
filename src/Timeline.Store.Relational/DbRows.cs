using System.Data.Common;
using System.Runtime.CompilerServices;

namespace Timeline.Store.Relational;

/// <summary>
/// Streaming the rows of one query, for the ADO.NET backends: the connection, command and reader stay open exactly as
/// long as the caller enumerates, and a failure to run the query or to fetch a row is translated by the backend, with
/// everything it opened disposed first.
/// </summary>
public static class DbRows
{
    /// <summary>Opens a connection, lets <paramref name="prepare"/> write the command, and yields each row as <paramref name="read"/> makes it.</summary>
    /// <param name="open">Opens a connection of the backend.</param>
    /// <param name="prepare">Sets the command's text and parameters.</param>
    /// <param name="read">Turns the current row into a value.</param>
    /// <param name="translate">The backend's own exception for a failure to run the query, or null to let it through.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    public static async IAsyncEnumerable<T> StreamAsync<TCommand, TReader, T>(
        Func<CancellationToken, Task<DbConnection>> open,
        Action<TCommand> prepare,
        Func<TReader, T> read,
        Func<Exception, Exception?> translate,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TCommand : DbCommand
        where TReader : DbDataReader
    {
        var (connection, command, reader) = await ExecuteAsync(open, prepare, translate, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        await using (command.ConfigureAwait(false))
        await using (reader.ConfigureAwait(false))
        {
            while (await NextAsync(reader, translate, cancellationToken).ConfigureAwait(false))
            {
                yield return read((TReader)reader);
            }
        }
    }

    /// <summary>Every row of the query, as a list.</summary>
    public static async Task<List<T>> ListAsync<TCommand, TReader, T>(
        Func<CancellationToken, Task<DbConnection>> open,
        Action<TCommand> prepare,
        Func<TReader, T> read,
        Func<Exception, Exception?> translate,
        CancellationToken cancellationToken)
        where TCommand : DbCommand
        where TReader : DbDataReader
    {
        var rows = new List<T>();
        await foreach (var row in StreamAsync(open, prepare, read, translate, cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>
    /// Every row of the query run on an open <paramref name="connection"/> in <paramref name="transaction"/> (a write
    /// transaction's own reads, which see its uncommitted rows); the connection stays open.
    /// </summary>
    public static async Task<List<T>> ListInAsync<TCommand, TReader, T>(
        DbConnection connection,
        DbTransaction transaction,
        Action<TCommand> prepare,
        Func<TReader, T> read,
        Func<Exception, Exception?> translate,
        CancellationToken cancellationToken)
        where TCommand : DbCommand
        where TReader : DbDataReader
    {
        ArgumentNullException.ThrowIfNull(connection);
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            prepare((TCommand)command);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(read((TReader)reader));
            }
            return rows;
        }
        catch (Exception e) when (translate(e) is { } translated)
        {
            throw translated;
        }
    }

    // Outside the iterator, since an iterator cannot yield from a try block that catches.
    private static async Task<bool> NextAsync(DbDataReader reader, Func<Exception, Exception?> translate, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (translate(e) is { } translated)
        {
            throw translated;
        }
    }

    private static async Task<(DbConnection, DbCommand, DbDataReader)> ExecuteAsync<TCommand>(
        Func<CancellationToken, Task<DbConnection>> open,
        Action<TCommand> prepare,
        Func<Exception, Exception?> translate,
        CancellationToken cancellationToken)
        where TCommand : DbCommand
    {
        DbConnection? connection = null;
        DbCommand? command = null;
        try
        {
            connection = await open(cancellationToken).ConfigureAwait(false);
            command = connection.CreateCommand();
            prepare((TCommand)command);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return (connection, command, reader);
        }
        catch (Exception e)
        {
            if (command is not null)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
            if (translate(e) is { } translated)
            {
                throw translated;
            }
            throw;
        }
    }
}
