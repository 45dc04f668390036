namespace Timeline.Core.Storage;

/// <summary>A restore was pointed at a store that already holds events.</summary>
public sealed class StoreNotEmpty(string message) : Exception(message);
