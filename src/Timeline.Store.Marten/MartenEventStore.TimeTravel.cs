using System.Runtime.CompilerServices;
using Marten;

[assembly: InternalsVisibleTo("Timeline.Benchmarks")]

namespace Timeline.Store.Marten;

public sealed partial class MartenEventStore
{
    /// <summary>
    /// The Marten document store behind this event store, configured exactly as the store uses it (schema, event type
    /// names, serializer). The benchmark measures Marten's own time travel (<c>AggregateStreamAsync</c> with a
    /// timestamp) through it, against Timeline's recorded-as-of answers over the same data.
    /// </summary>
    internal IDocumentStore DocumentStore => _store;
}
