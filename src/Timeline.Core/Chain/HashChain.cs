using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Timeline.Core.Knowledge;
using Timeline.Core.Serialization;
using Timeline.Core.Storage;

namespace Timeline.Core.Chain;

/// <summary>
/// The hash chain, the one function every store uses: <c>hash = SHA-256(previous hash, then the event's canonical
/// bytes)</c>, in global sequence order, from <see cref="EventHash.Genesis"/>. The canonical bytes are event form v1,
/// written out in docs/chain.md; like the command-id form, it is a stored contract and never changes: a new field of
/// the envelope would need a new form version, chosen by a new form name.
/// </summary>
public static class HashChain
{
    /// <summary>The name of the canonical form, its first field.</summary>
    public const string FormName = "timeline-event-v1";

    /// <summary>The hash of <paramref name="stored"/>, chained from <paramref name="previous"/>.</summary>
    public static EventHash Next(EventHash previous, StoredEvent stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(previous.ToBytes());
        sha.AppendData(CanonicalBytes(stored));
        return EventHash.FromBytes(sha.GetHashAndReset());
    }

    /// <summary>
    /// <paramref name="events"/>, which follow <paramref name="previous"/> in sequence order, each with its hash.
    /// </summary>
    public static IReadOnlyList<StoredEvent> Link(EventHash previous, IReadOnlyList<StoredEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var linked = new List<StoredEvent>(events.Count);
        foreach (var e in events)
        {
            previous = Next(previous, e);
            linked.Add(e with { Hash = previous });
        }
        return linked;
    }

    /// <summary>
    /// Event form v1: each field in a fixed order as a 4-byte big-endian length, then that many bytes of UTF-8; a
    /// field that is absent is the length 0xFFFFFFFF and no bytes. See docs/chain.md.
    /// </summary>
    public static byte[] CanonicalBytes(StoredEvent stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var source = stored.Source ?? Source.None;
        string?[] fields =
        [
            FormName,
            stored.Sequence.ToString(CultureInfo.InvariantCulture),
            stored.Stream.Value,
            stored.StreamVersion.ToString(CultureInfo.InvariantCulture),
            TimelineFold.EventKey(stored.EventId),
            stored.EventType,
            EventTypeMap.Serialize(stored.Event),
            stored.ReportedAt.Text,
            stored.RecordedAt.ToString(),
            stored.RecordedBy,
            source.Outlet,
            source.Url,
            source.PublishedAt,
            source.Speaker,
            source.Quote,
            stored.CommandId,
        ];
        using var bytes = new MemoryStream();
        Span<byte> length = stackalloc byte[4];
        foreach (var field in fields)
        {
            if (field is null)
            {
                BinaryPrimitives.WriteUInt32BigEndian(length, uint.MaxValue);
                bytes.Write(length);
                continue;
            }
            var utf8 = Encoding.UTF8.GetBytes(field);
            BinaryPrimitives.WriteUInt32BigEndian(length, (uint)utf8.Length);
            bytes.Write(length);
            bytes.Write(utf8);
        }
        return bytes.ToArray();
    }
}
