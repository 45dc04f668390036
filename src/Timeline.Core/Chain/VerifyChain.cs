using FluentValidation;
using Mediator;
using Timeline.Core.Storage;

namespace Timeline.Core.Chain;

/// <summary>
/// Checks every event's hash and the chain, in sequence order; with <paramref name="Digest"/>, also that the log still
/// extends that earlier head (<c>timeline verify</c>).
/// </summary>
/// <param name="Digest"><c>HASH@SEQ</c> as <c>timeline digest</c> printed it, or null.</param>
public sealed record VerifyChain(string? Digest = null) : IQuery<VerifyDocument>;

/// <summary>The verify output (docs/contract.md#verify-output).</summary>
/// <param name="Ok">True when every event checked out (and the log extends the digest, when one was given).</param>
/// <param name="Checked">How many events were checked before the first bad one (all of them when ok).</param>
/// <param name="FirstBad">The first event found altered, or null.</param>
public sealed record VerifyDocument(bool Ok, long Checked, BadEvent? FirstBad);

/// <summary>The first place where the log is not what was hashed.</summary>
/// <param name="Sequence">The sequence of the event that does not check out (or where the digest points).</param>
/// <param name="Problem">What is wrong, in one sentence.</param>
public sealed record BadEvent(long Sequence, string Problem);

internal sealed class VerifyChainValidator : AbstractValidator<VerifyChain>
{
    public VerifyChainValidator() =>
        RuleFor(q => q.Digest).Custom((value, context) =>
        {
            if (value is not null && !Chain.Digest.TryParse(value, out _, out var error))
            {
                context.AddFailure(error);
            }
        });
}

internal sealed class VerifyChainHandler(IEventStore store) : IQueryHandler<VerifyChain, VerifyDocument>
{
    public async ValueTask<VerifyDocument> Handle(VerifyChain query, CancellationToken cancellationToken) =>
        await ChainCheck.VerifyAsync(store, query.Digest is null ? null : Digest.Parse(query.Digest), cancellationToken);
}

/// <summary>The checks of <c>verify</c> and the head of <c>digest</c>, on any store.</summary>
public static class ChainCheck
{
    /// <summary>
    /// Reads the whole log in sequence order and recomputes every hash from the start: the first event whose stored
    /// hash differs, that cannot be read, or (with <paramref name="digest"/>) where the log no longer holds the
    /// digest's hash, is the verdict's <see cref="VerifyDocument.FirstBad"/>.
    /// </summary>
    public static async Task<VerifyDocument> VerifyAsync(IEventStore store, Digest? digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var previous = EventHash.Genesis;
        long previousSequence = 0;
        long count = 0;
        BadEvent? bad = null;
        var events = store.ReadAllAsync(EventQuery.All, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (events)
        {
            while (bad is null)
            {
                var (e, unreadable) = await NextAsync(events);
                if (unreadable is not null || e is null)
                {
                    bad = unreadable;
                    break;
                }
                if (digest is not null && previousSequence < digest.Sequence && e.Sequence > digest.Sequence)
                {
                    bad = new BadEvent(digest.Sequence, $"the digest names the event at sequence {digest.Sequence}, which the log no longer holds");
                    break;
                }
                var expected = HashChain.Next(previous, e);
                if (e.Hash is not { } stored)
                {
                    bad = new BadEvent(e.Sequence, "it has no hash");
                }
                else if (stored != expected)
                {
                    bad = new BadEvent(
                        e.Sequence,
                        $"its hash is {stored.Short} but its fields, chained from {(previousSequence == 0 ? "the start" : $"sequence {previousSequence}")}, give {expected.Short}: "
                        + "it, or the event before it, was changed, removed, inserted or moved");
                }
                else if (digest is not null && e.Sequence == digest.Sequence && stored != digest.Hash)
                {
                    bad = new BadEvent(
                        e.Sequence,
                        $"the digest says {digest.Hash.Short} at sequence {digest.Sequence}, but the log now gives {stored.Short}: events up to it were changed and their hashes recomputed");
                }
                else
                {
                    previous = stored;
                    previousSequence = e.Sequence;
                    count++;
                }
            }
        }
        if (bad is null && digest is not null && digest.Sequence > previousSequence)
        {
            bad = new BadEvent(digest.Sequence, $"the digest names the event at sequence {digest.Sequence}, but the log ends at sequence {previousSequence}");
        }
        else if (bad is null && digest is { Sequence: 0 } && digest.Hash != EventHash.Genesis)
        {
            bad = new BadEvent(0, "a digest at sequence 0 must be the hash of the empty log, 64 zeros");
        }
        return new VerifyDocument(bad is null, count, bad);
    }

    /// <summary>The head of the chain: the last event's sequence and hash; 0 and <see cref="EventHash.Genesis"/> for an empty log.</summary>
    /// <exception cref="InvalidDataException">The last event has no hash, or cannot be read.</exception>
    public static async Task<DigestDocument> DigestAsync(IEventStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var last = await store.ReadLastAsync(cancellationToken);
        var digest = last is null
            ? new Digest(EventHash.Genesis, 0)
            : new Digest(
                last.Hash ?? throw new InvalidDataException($"the event at sequence {last.Sequence} has no hash, so there is no digest; run 'timeline verify'"),
                last.Sequence);
        return new DigestDocument(digest.Sequence, digest.Hash.Hex, digest.ToString());
    }

    /// <summary>The next event, or what makes it unreadable; neither at the end of the log.</summary>
    private static async Task<(StoredEvent?, BadEvent?)> NextAsync(IAsyncEnumerator<StoredEvent> events)
    {
        try
        {
            return await events.MoveNextAsync() ? (events.Current, null) : (null, null);
        }
        catch (InvalidDataException e) when (EventRow.UnreadableSequenceOf(e) is { } sequence)
        {
            // A row that no longer parses was changed too: name it like any other alteration.
            return (null, new BadEvent(sequence, e.Message));
        }
    }
}
