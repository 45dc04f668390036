namespace Timeline.Core.Storage;

/// <summary>
/// The store cannot be reached or used now, whatever was asked of it: the server refuses connections or does not
/// answer, refuses the login or a privilege, has no such database, or the file cannot be opened or written, or another
/// writer holds it locked past the busy timeout. Every backend turns its own errors of this kind into this one type;
/// the CLI exits 4 and the API answers 503. The same request may succeed once the store is back.
/// </summary>
/// <remarks>
/// <see cref="Exception.Message"/> is one line that names the store (its file, or host, port and database) and says
/// what is wrong. No part of it ever holds a password.
/// </remarks>
public sealed class StoreUnavailable : Exception
{
    /// <param name="store">Where the store is, for people: its file, or its database, host and port.</param>
    /// <param name="reason">What is wrong, without the store's location, e.g. <c>cannot connect: Connection refused</c>.</param>
    /// <param name="innerException">The backend's own error, for logs.</param>
    public StoreUnavailable(string store, string reason, Exception? innerException = null)
        : base($"{OneLine(store)} is unavailable: {OneLine(reason)}", innerException)
    {
        Store = OneLine(store);
        Reason = OneLine(reason);
    }

    /// <summary>Where the store is, as given.</summary>
    public string Store { get; }

    /// <summary>What is wrong, without where the store is: for answers to clients that need not learn its location.</summary>
    public string Reason { get; }

    // Backend messages may span lines; the CLI and the API each promise one.
    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
