using System.Text.Json;

namespace Timeline.Cli.Tests.Harness;

/// <summary>One finished invocation: its arguments, exit code and what it wrote.</summary>
internal sealed record CliRun(IReadOnlyList<string> Args, int ExitCode, string Out, string Error)
{
    /// <summary>Asserts exit code 0 and returns the run; the message shows what the CLI said instead.</summary>
    public CliRun Succeeded()
    {
        Assert.True(ExitCode == 0, $"timeline {string.Join(' ', Args)} exited {ExitCode}:\n{Error}\n{Out}");
        return this;
    }

    /// <summary>Standard output parsed as JSON (the run must have used <c>--format json</c>).</summary>
    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Out);
        return document.RootElement.Clone();
    }

    /// <summary>Lines that look like a .NET stack trace.</summary>
    public IEnumerable<string> StackTraceLines =>
        (Out + "\n" + Error).Split('\n').Where(line => line.StartsWith("   at ", StringComparison.Ordinal));

    public override string ToString() => $"timeline {string.Join(' ', Args)} -> {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}";
}
