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

public sealed class GetDigestHandler(IEventStore store) : IQueryHandler<GetDigest, DigestDocument>
{
    public async ValueTask<DigestDocument> Handle(GetDigest query, CancellationToken cancellationToken)
    {
        var last = await store.ReadLastAsync(cancellationToken);
        var digest = last is null
            ? new Digest(EventHash.Genesis, 0)
            : new Digest(
                last.Hash ?? throw new InvalidDataException($"the event at sequence {last.Sequence} has no hash, so there is no digest; run 'timeline verify'"),
                last.Sequence);
        return new DigestDocument(digest.Sequence, digest.Hash.Hex, digest.ToString());
    }
}
