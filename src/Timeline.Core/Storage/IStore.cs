namespace Timeline.Core.Storage;

/// <summary>
/// A whole store, as an edge opens it: the event log (<see cref="IEventStore"/>), what operators do to it
/// (<see cref="IStoreMaintenance"/>), the API keys kept beside the events (<see cref="IKeyStore"/>) and the as-of index
/// derived from the log (<see cref="Index.IMeetingStateIndex"/>). Every backend is one, and the store contract suite
/// checks every part on each.
/// </summary>
/// <remarks>
/// Opening touches nothing: the first call connects (and creates the schema when allowed). Dispose the store when done;
/// that releases its connections. Any call may throw <see cref="StoreUnavailable"/> when the store cannot be reached
/// or used now.
/// </remarks>
public interface IStore : IEventStore, IStoreMaintenance, IKeyStore, Index.IMeetingStateIndex, IAsyncDisposable;
