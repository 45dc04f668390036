namespace Timeline.Core.Serialization;

/// <summary>
/// An answer whose size grows with the log (a ledger, an audit, a calendar), given as it is read: the store's rows are
/// shaped one at a time and written as they come, so that writing it takes the memory of a row, not of the answer.
/// Its rows are read from the store when it is written, once.
/// </summary>
/// <typeparam name="TDocument">The document it is (docs/contract.md), for those who need it whole.</typeparam>
public interface IStreamedAnswer<TDocument>
{
    /// <summary>
    /// Writes the document as <see cref="TimelineJson.Output"/> writes <typeparamref name="TDocument"/>, and a line
    /// break: the same bytes. A store that fails before the first rows leaves <paramref name="sink"/> untouched; one
    /// that fails later leaves it with part of a document, and the exception says so to the caller.
    /// </summary>
    Task WriteJsonAsync(AnswerSink sink, CancellationToken cancellationToken);

    /// <summary>Reads every row into the whole document (for a table that measures its columns over every row).</summary>
    Task<TDocument> ToDocumentAsync(CancellationToken cancellationToken);
}
