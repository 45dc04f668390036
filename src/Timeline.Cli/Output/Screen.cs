using System.Text;
using System.Text.Json;
using Spectre.Console;
using Timeline.Core.Serialization;

namespace Timeline.Cli.Output;

/// <summary>The output side of one invocation.</summary>
internal sealed class Screen(CliEnvironment environment, OutputFormat format)
{
    public OutputFormat Format { get; } = format;

    public IAnsiConsole Console { get; } = CreateConsole(environment);

    public void Json<T>(T document) => environment.Out.WriteLine(JsonSerializer.Serialize(document, TimelineJson.Output));

    /// <summary>Writes <paramref name="answer"/> as <see cref="Json{T}"/> would write its whole document, a chunk at a time as its rows are read.</summary>
    public Task JsonAsync<TDocument>(IStreamedAnswer<TDocument> answer, CancellationToken cancellationToken) =>
        answer.WriteJsonAsync(async (utf8, ct) => await environment.Out.WriteAsync(Encoding.UTF8.GetString(utf8.Span).AsMemory(), ct), cancellationToken);

    private static IAnsiConsole CreateConsole(CliEnvironment environment)
    {
        var colour = environment.IsInteractive && environment.Variable("NO_COLOR") is null;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(environment.Out),
            Ansi = colour ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = environment.IsInteractive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!environment.IsInteractive)
        {
            // Redirected output has no terminal width; keep tables wide enough not to wrap names mid-word.
            console.Profile.Width = 160;
        }
        return console;
    }
}
