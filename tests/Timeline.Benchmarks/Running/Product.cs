using Timeline.Cli;
using Timeline.Cli.Output;
using Timeline.Core.Storage;
using Timeline.Store.Selection;

namespace Timeline.Benchmarks.Running;

/// <summary>
/// The product as the <c>timeline</c> command line composes it: the CLI's own <see cref="Session"/> (store, clock,
/// recorder, Mediator with its validation behaviour), or the CLI itself for imports.
/// </summary>
internal static class Product
{
    /// <summary>Who the benchmark records as (<c>recordedBy</c>).</summary>
    public const string User = "benchmark";

    /// <summary>The process as the CLI sees it, with the given output streams and the real clock.</summary>
    public static CliEnvironment Environment(TextWriter output, TextWriter error) => new(
        output,
        error,
        () => Stream.Null,
        name => name == "TIMELINE_USER" ? User : System.Environment.GetEnvironmentVariable(name),
        Directory.GetCurrentDirectory(),
        TimeProvider.System,
        IsInteractive: false);

    /// <summary>Opens the services one <c>timeline</c> invocation has, on the plan's store.</summary>
    public static Session Open(BenchmarkPlan plan) =>
        Session.Open(Environment(TextWriter.Null, TextWriter.Null), StoreLocation.Parse(plan.StoreText, Directory.GetCurrentDirectory()), OutputFormat.Json);

    /// <summary>The store of a session as it is opened: events, maintenance, keys and the index through one type.</summary>
    public static IStore Store(this Session session) =>
        (IStore)session.Services.GetService(typeof(IStore))!;
}
