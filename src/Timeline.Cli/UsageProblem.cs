namespace Timeline.Cli;

/// <summary>A problem with what the user typed or pointed at (a missing file, a bad store), reported as exit 2.</summary>
public sealed class UsageProblem(string message) : Exception(message);
