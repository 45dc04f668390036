using Timeline.Benchmarks.Running;
using Timeline.Cli;
using Timeline.Core.Storage;

namespace Timeline.Benchmarks.Phases;

/// <summary>
/// What a query answered, reduced to what the product and its baseline must agree on: a count and a key (for
/// instance every meeting's id, status and version). A disagreement fails the run, so a faster answer is never a
/// wrong one.
/// </summary>
internal sealed record QueryAnswer(int Count, string Key);

/// <summary>One measured query: the product's request, and the baseline it stands beside.</summary>
/// <param name="Name">The phase's name (<c>query-windowed</c>).</param>
/// <param name="Figure">The report's row for it (one of <see cref="Report.Figures"/>).</param>
/// <param name="Counts">What its answer counts (<c>meetings</c>), for the report.</param>
/// <param name="Product">The product's entry point: a Mediator request over the real store.</param>
/// <param name="Baseline">The same question answered without the product's query path.</param>
/// <param name="SameAnswer">Whether the two must give the same key (Marten's time travel answers a different question).</param>
internal sealed record QueryBench(
    string Name,
    string Figure,
    string Counts,
    Func<QueryRun, Task<QueryAnswer>> Product,
    Func<QueryRun, Task<QueryAnswer>> Baseline,
    bool SameAnswer = true);

/// <summary>One query phase's services and choices.</summary>
internal sealed class QueryRun(Session session, BenchmarkPlan plan, CancellationToken cancellationToken)
{
    public Mediator.IMediator Mediator => session.Mediator;

    public IEventStore Store => session.Store();

    public BenchmarkPlan Plan => plan;

    public QueryChoices Choices => plan.Queries;

    public CancellationToken Cancellation => cancellationToken;

    /// <summary>The meetings of the product's last recorded-as-of answer: the ids a Marten user folds one by one.</summary>
    public IReadOnlyList<string> LastMeetings { get; set; } = [];
}
