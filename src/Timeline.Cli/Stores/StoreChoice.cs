using Timeline.Store.Selection;

namespace Timeline.Cli.Stores;

/// <summary>The store of one invocation: <c>--store</c>, else <c>TIMELINE_STORE</c>, else <c>sqlite:timeline.db</c>.</summary>
internal static class StoreChoice
{
    public static StoreLocation Resolve(string? option, CliEnvironment environment)
    {
        var text = option ?? (environment.Variable("TIMELINE_STORE") is { Length: > 0 } fromEnvironment ? fromEnvironment : StoreLocation.Default);
        try
        {
            return StoreLocation.Parse(text, environment.WorkingDirectory);
        }
        catch (ArgumentException e)
        {
            throw new UsageProblem($"--store: {e.Message}");
        }
    }
}
