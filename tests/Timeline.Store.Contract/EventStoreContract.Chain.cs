using Timeline.Core.Chain;
using Timeline.Core.Storage;
using static Timeline.Store.Contract.Seed;

namespace Timeline.Store.Contract;

/// <summary>What someone with write access to the database does behind the store's back, one row at a time.</summary>
public enum Tampering
{
    /// <summary>The event's meeting becomes <c>asean-2022</c> (whose only event is version 1).</summary>
    MeetingId,
    StreamVersion,
    EventId,

    /// <summary>The stored event name becomes <c>attendance-confirmed.v1</c>; the data still reads as one.</summary>
    EventType,

    /// <summary>The participant in the data becomes Xi Jinping.</summary>
    Data,
    ReportedAt,

    /// <summary>One microsecond later.</summary>
    RecordedAt,
    RecordedBy,
    Outlet,
    Url,
    PublishedAt,
    Speaker,
    Quote,
    CommandId,

    /// <summary>The stored hash itself becomes 64 zeros.</summary>
    Hash,

    /// <summary>The event's row is deleted (with its hash).</summary>
    Deleted,

    /// <summary>The event and the next one trade sequences (each keeping its hash).</summary>
    SwappedWithNext,

    /// <summary>
    /// A copy of the event, as a new meeting <c>inserted-meeting</c> with a new event id and command id, is inserted in
    /// the free sequence just before it, carrying the event's own hash.
    /// </summary>
    InsertedBefore,
}

/// <summary>
/// The hash chain: every stored event carries a hash chained in sequence order, so that <c>verify</c> names the first
/// event changed, removed, inserted or moved by SQL, and a digest kept earlier catches even an alteration whose author
/// recomputed every later hash.
/// </summary>
public abstract partial class EventStoreContract
{
    /// <summary>Alters the event at <paramref name="sequence"/> by SQL, as <paramref name="tampering"/> says.</summary>
    protected abstract Task TamperAsync(Tampering tampering, long sequence);

    /// <summary>Overwrites the stored hash of the event at <paramref name="sequence"/> by SQL.</summary>
    protected abstract Task OverwriteHashAsync(long sequence, EventHash hash);

    /// <summary>
    /// A log with gaps (restored: sequences 1, 2, 4, 5, 7, so an insertion has room), then one event appended by the
    /// store (8): G20 v1, APEC v1, G20 v2 (Putin expected), ASEAN v1, APEC v2, G20 v3.
    /// </summary>
    private async Task<IReadOnlyList<StoredEvent>> ChainedLogAsync()
    {
        await Maintenance.RestoreAsync(
            ExportOf(Chained(
            [
                Exported(1, G20, 1, G20Announced),
                Exported(2, Apec, 1, ApecAnnounced),
                Exported(4, G20, 2, PutinExpected),
                Exported(5, Asean, 1, AseanAnnounced),
                Exported(7, Apec, 2, PutinPossible),
            ])),
            Cancel);
        await AppendAsync(Append(G20, 2, Pending(PutinConfirmed)));
        return await ReadAllAsync(EventQuery.All);
    }

    private Task<VerifyDocument> VerifyAsync(string? digest = null) =>
        ChainCheck.VerifyAsync(Store, digest is null ? null : Digest.Parse(digest), Cancel);

    private Task<DigestDocument> DigestAsync() => ChainCheck.DigestAsync(Store, Cancel);

    [Fact]
    public async Task Appended_events_are_chained_in_sequence_order_from_32_zero_bytes()
    {
        var first = await AppendAsync(Append(G20, 0, Pending(G20Announced), Pending(PutinExpected)), Append(Apec, 0, Pending(ApecAnnounced)));
        var second = await AppendAsync(Append(Apec, 1, Pending(PutinPossible)));

        var read = await ReadAllAsync(EventQuery.All);
        Assert.Equal([.. first, .. second], read);
        Assert.Equal(HashChain.Link(EventHash.Genesis, [.. read.Select(e => e with { Hash = null })]), read);
        Assert.Equal(new VerifyDocument(true, 4, null), await VerifyAsync());
        var digest = await DigestAsync();
        Assert.Equal((read[^1].Sequence, read[^1].Hash!.Value.Hex), (digest.Sequence, digest.Hash));
        Assert.Equal($"{read[^1].Hash}@{read[^1].Sequence}", digest.Digest);
    }

    [Fact]
    public async Task An_empty_store_verifies_and_its_digest_is_64_zeros_at_sequence_0()
    {
        Assert.Equal(new VerifyDocument(true, 0, null), await VerifyAsync());
        Assert.Equal(new DigestDocument(0, EventHash.Genesis.Hex, $"{EventHash.Genesis}@0"), await DigestAsync());
        Assert.True((await VerifyAsync($"{EventHash.Genesis}@0")).Ok);
    }

    [Fact]
    public async Task Writers_appending_at_once_leave_one_whole_chain_in_sequence_order()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(
            async () =>
            {
                var stream = Domain.Meetings.MeetingId.Parse($"race-{i}");
                for (var version = 0; version < 3; version++)
                {
                    await Store.AppendAsync([Append(stream, version, Pending(PutinExpected))], Analyst, Cancel);
                }
            },
            Cancel)));

        Assert.Equal(new VerifyDocument(true, 24, null), await VerifyAsync());
    }

    [Fact]
    public async Task A_restored_export_keeps_its_hashes_and_appends_chain_on_from_its_last_event()
    {
        var log = await ChainedLogAsync();

        Assert.Equal(Chained(log.Select(e => e with { Hash = null })), log);
        Assert.Equal(new VerifyDocument(true, 6, null), await VerifyAsync());
    }

    [Theory]
    [InlineData(Tampering.MeetingId, 4)]
    [InlineData(Tampering.StreamVersion, 4)]
    [InlineData(Tampering.EventId, 4)]
    [InlineData(Tampering.EventType, 4)]
    [InlineData(Tampering.Data, 4)]
    [InlineData(Tampering.ReportedAt, 4)]
    [InlineData(Tampering.RecordedAt, 4)]
    [InlineData(Tampering.RecordedBy, 4)]
    [InlineData(Tampering.Outlet, 4)]
    [InlineData(Tampering.Url, 4)]
    [InlineData(Tampering.PublishedAt, 4)]
    [InlineData(Tampering.Speaker, 4)]
    [InlineData(Tampering.Quote, 4)]
    [InlineData(Tampering.CommandId, 4)]
    [InlineData(Tampering.Hash, 4)]
    [InlineData(Tampering.Deleted, 5)]
    [InlineData(Tampering.SwappedWithNext, 4)]
    [InlineData(Tampering.InsertedBefore, 3)]
    public async Task Verify_names_the_first_event_that_an_alteration_by_SQL_broke(Tampering tampering, long firstBad)
    {
        await ChainedLogAsync();

        await TamperAsync(tampering, 4);

        var verdict = await VerifyAsync();
        Assert.False(verdict.Ok);
        Assert.Equal(firstBad, verdict.FirstBad?.Sequence);
        Assert.Equal(2, verdict.Checked);
        Assert.False(string.IsNullOrWhiteSpace(verdict.FirstBad!.Problem));
    }

    [Fact]
    public async Task A_digest_kept_earlier_catches_an_alteration_whose_author_recomputed_every_later_hash()
    {
        await ChainedLogAsync();
        var kept = (await DigestAsync()).Digest;

        await TamperAsync(Tampering.Data, 4);
        var previous = EventHash.Genesis;
        foreach (var e in await ReadAllAsync(EventQuery.All))
        {
            previous = HashChain.Next(previous, e);
            await OverwriteHashAsync(e.Sequence, previous);
        }

        Assert.True((await VerifyAsync()).Ok, "the author recomputed every hash, so the chain alone checks out");
        var verdict = await VerifyAsync(kept);
        Assert.False(verdict.Ok);
        Assert.Equal(8, verdict.FirstBad?.Sequence);
        Assert.Contains("digest", verdict.FirstBad!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_digest_kept_earlier_is_still_extended_after_more_appends_and_not_once_the_log_is_cut_before_it()
    {
        var log = await ChainedLogAsync();
        var kept = (await DigestAsync()).Digest;
        await AppendAsync(Append(Asean, 1, Pending(PutinPossible)));

        Assert.Equal(new VerifyDocument(true, 7, null), await VerifyAsync(kept));

        await TamperAsync(Tampering.Deleted, 9);
        await TamperAsync(Tampering.Deleted, log[^1].Sequence);
        var verdict = await VerifyAsync(kept);
        Assert.False(verdict.Ok);
        Assert.Equal(log[^1].Sequence, verdict.FirstBad?.Sequence);
    }
}
