namespace Timeline.Core.Storage;

/// <summary>What an API key may do. Stored as its lowercase name.</summary>
public enum KeyRole
{
    /// <summary>Read every answer.</summary>
    Reader,

    /// <summary>Read, and post commands.</summary>
    Editor,

    /// <summary>Everything, including managing keys over the API.</summary>
    Admin,
}
