using Mediator;

namespace Timeline.Core.Index;

/// <summary>
/// Recomputes every index the store keeps from its log (<c>timeline rebuild</c>). The log is the only source of truth:
/// answers are the same before and after.
/// </summary>
public sealed record RebuildIndex : ICommand<IndexRebuild>;

internal sealed class RebuildIndexHandler(IMeetingStateIndex index) : ICommandHandler<RebuildIndex, IndexRebuild>
{
    public async ValueTask<IndexRebuild> Handle(RebuildIndex command, CancellationToken cancellationToken) =>
        await index.RebuildIndexAsync(cancellationToken).ConfigureAwait(false);
}
