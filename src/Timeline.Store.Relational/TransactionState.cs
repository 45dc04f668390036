using Timeline.Core.Storage;

namespace Timeline.Store.Relational;

/// <summary>
/// Where an <see cref="IEventTransaction"/> of an ADO.NET store stands, and what each state refuses: open; failed (an
/// append failed, so only a rollback is left); committed; disposed. One place for both stores' rules and messages.
/// </summary>
public sealed class TransactionState
{
    /// <summary>An append (or, on PostgreSQL, any statement) failed: nothing of the transaction will be written.</summary>
    public bool Failed { get; set; }

    public bool Committed { get; private set; }

    public bool Disposed { get; private set; }

    /// <summary>Refuses every use once committed, failed or disposed.</summary>
    /// <exception cref="InvalidOperationException">It is committed, or an append of it failed.</exception>
    /// <exception cref="ObjectDisposedException">It is disposed.</exception>
    public void EnsureOpen(object owner)
    {
        if (Committed || Failed)
        {
            throw new InvalidOperationException(
                Committed ? "this transaction is committed; begin another to write more" : "an append of this transaction failed; nothing of it will be written, dispose it");
        }
        ObjectDisposedException.ThrowIf(Disposed, owner);
    }

    /// <summary>From now on it is committed (set before the commit is sent: a failed commit leaves only a rollback).</summary>
    public void Commit() => Committed = true;

    /// <summary>Marks it disposed; false when it already was, so that nothing is released twice.</summary>
    public bool Dispose()
    {
        if (Disposed)
        {
            return false;
        }
        Disposed = true;
        return true;
    }
}
