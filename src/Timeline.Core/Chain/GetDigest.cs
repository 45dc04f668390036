using Mediator;
using Timeline.Core.Storage;

namespace Timeline.Core.Chain;

/// <summary>The head of the hash chain, to keep somewhere else (<c>timeline digest</c>, <c>GET /api/digest</c>).</summary>
public sealed record GetDigest : IQuery<DigestDocument>;

/// <summary>The digest output (docs/contract.md#digest-output).</summary>
/// <param name="Sequence">The last event's sequence; 0 for an empty log.</param>
/// <param name="Hash">Its hash, 64 lowercase hex digits; 64 zeros for an empty log.</param>
/// <param name="Digest">Both as <c>HASH@SEQ</c>, the form <c>verify --digest</c> takes.</param>
public sealed record DigestDocument(long Sequence, string Hash, string Digest);

internal sealed class GetDigestHandler(IEventStore store) : IQueryHandler<GetDigest, DigestDocument>
{
    public async ValueTask<DigestDocument> Handle(GetDigest query, CancellationToken cancellationToken) =>
        await ChainCheck.DigestAsync(store, cancellationToken);
}
