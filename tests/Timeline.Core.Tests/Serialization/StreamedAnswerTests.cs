using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using Timeline.Core.Attendance;
using Timeline.Core.Audit;
using Timeline.Core.Index;
using Timeline.Core.Knowledge;
using Timeline.Core.Serialization;
using Timeline.Core.Storage;
using Timeline.Core.Tests.Support;
using Timeline.Domain.Meetings;
using Timeline.Store.Contract;
using static Timeline.Core.Tests.Support.Projections;

namespace Timeline.Core.Tests.Serialization;

/// <summary>
/// The answers that grow with the log (the attendance ledger, the audit) are written as the store yields their rows:
/// the same bytes as the whole document serialized, and written while the rows are still being read.
/// </summary>
public sealed class StreamedAnswerTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(Today, new TimeOnly(12, 0), TimeSpan.Zero));

    [Fact]
    public async Task The_ledger_read_from_the_index_is_the_fold_s_document_byte_for_byte_at_random_points_of_random_logs()
    {
        await Gen.Select(RandomLogs.Log(), RandomLogs.AsOf, RandomLogs.RecordedAsOf, Gen.Int[0, 2]).SampleAsync(async (random, asOf, recordedAsOf, filter) =>
        {
            var log = random.Stamp();
            var participant = filter switch { 1 => "VLADIMIR PUTIN", 2 => "recep erdoğan", _ => null };
            var query = new GetAttendance(participant, asOf?.Text, recordedAsOf?.Text);
            var index = new RowsIndex(log.GroupBy(e => e.Stream).SelectMany(s => MeetingStates.Of([.. s])).ToList());

            var ledger = await new GetAttendanceHandler(index, Clock).Handle(query, Cancel);

            Assert.Equal(Whole(GetAttendanceHandler.Build(log, query, Today)), await WrittenAsync(ledger.WriteJsonAsync));
        }, iter: 60);
    }

    [Fact]
    public async Task The_ledger_is_written_while_the_index_is_still_read()
    {
        var states = Spread(await new RowsIndex(SeedLog.InListedOrder().GroupBy(e => e.Stream).SelectMany(s => MeetingStates.Of([.. s])).ToList())
            .ReadStatesAsync(StateQuery.Now, Cancel), 2_000);
        var sink = new RecordingSink();
        var index = new ObservedIndex(states, sink);

        var ledger = await new GetAttendanceHandler(index, Clock).Handle(new GetAttendance(), Cancel);
        await ledger.WriteJsonAsync(sink.WriteAsync, Cancel);

        Assert.Equal(Whole(await ledger.ToDocumentAsync(Cancel)), sink.Text);
        AssertWrittenWhileRead(sink, index.WrittenWhenPulled);
    }

    [Fact]
    public async Task The_audit_is_the_document_byte_for_byte_and_written_while_the_log_is_still_read()
    {
        var seed = SeedLog.InListedOrder();
        var log = Enumerable.Range(0, 3_000).Select(i => seed[i % seed.Count] with { Sequence = i + 1 }).ToList();
        foreach (var limit in new int?[] { null, 2_990, 3_000 })
        {
            var sink = new RecordingSink();
            var store = new ObservedLog(log, sink);

            var audit = await new GetAuditHandler(store).Handle(new GetAudit(Limit: limit), Cancel);
            await audit.WriteJsonAsync(sink.WriteAsync, Cancel);

            var events = log.Take(limit ?? int.MaxValue).Select(GetAuditHandler.ToAudit).ToList();
            Assert.Equal(Whole(new AuditDocument(events, limit < log.Count ? events[^1].Sequence : null)), sink.Text);
            AssertWrittenWhileRead(sink, store.WrittenWhenPulled);
        }
    }

    /// <summary>
    /// When the last row was pulled from the store, all but the last few buffers of the answer had reached the sink
    /// already: an answer built whole before it is written would have sent nothing by then.
    /// </summary>
    private static void AssertWrittenWhileRead(RecordingSink sink, IReadOnlyList<long> writtenWhenPulled)
    {
        Assert.True(sink.Bytes > 20 * StreamedJson.FlushBytes, $"the answer ({sink.Bytes} bytes) is too small to tell");
        Assert.InRange(writtenWhenPulled[^1], sink.Bytes - 3 * StreamedJson.FlushBytes, sink.Bytes);
        Assert.Equal(writtenWhenPulled.Order(), writtenWhenPulled);
    }

    private static string Whole<T>(T document) => JsonSerializer.Serialize(document, TimelineJson.Output) + "\n";

    private static async Task<string> WrittenAsync(Func<AnswerSink, CancellationToken, Task> write)
    {
        var sink = new RecordingSink();
        await write(sink.WriteAsync, Cancel);
        return sink.Text;
    }

    /// <summary>Copies of the states as other meetings, one a day apart, so the ledger has <paramref name="count"/> meetings to write in order.</summary>
    private static List<MeetingSnapshot> Spread(IReadOnlyList<MeetingSnapshot> states, int count)
    {
        var start = new DateOnly(2030, 1, 1);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var s = states[i % states.Count];
            var day = start.AddDays(i);
            return s with { Meeting = s.Meeting with { Id = $"meeting-{i:D5}", Dates = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Earliest = day, Latest = day } };
        })];
    }

    private sealed class RecordingSink
    {
        private readonly ArrayBufferWriter<byte> _written = new();

        public long Bytes => _written.WrittenCount;

        public string Text => Encoding.UTF8.GetString(_written.WrittenSpan);

        public ValueTask WriteAsync(ReadOnlyMemory<byte> utf8, CancellationToken cancellationToken)
        {
            _written.Write(utf8.Span);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>An index over rows computed from a log (the store contract holds every store's index equal to it).</summary>
    private class RowsIndex(IReadOnlyList<MeetingStateRow> rows) : IMeetingStateIndex
    {
        public Task<IReadOnlyList<MeetingSnapshot>> ReadStatesAsync(StateQuery query, CancellationToken cancellationToken) =>
            Task.FromResult(MeetingStates.Select(rows, query));

        public Task<IReadOnlyList<ReportDay>> ReadReportDaysAsync(Cutoff? recordedAsOf, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IndexRebuild> RebuildIndexAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    /// <summary>An index that yields fixed states one at a time and notes, at each, how much the sink had received.</summary>
    private sealed class ObservedIndex(IReadOnlyList<MeetingSnapshot> states, RecordingSink sink) : IMeetingStateIndex
    {
        public List<long> WrittenWhenPulled { get; } = [];

        public Task<IReadOnlyList<MeetingSnapshot>> ReadStatesAsync(StateQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();

        public async IAsyncEnumerable<MeetingSnapshot> StreamStatesAsync(StateQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var state in states)
            {
                await Task.Yield();
                WrittenWhenPulled.Add(sink.Bytes);
                yield return state;
            }
        }

        public Task<IReadOnlyList<ReportDay>> ReadReportDaysAsync(Cutoff? recordedAsOf, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IndexRebuild> RebuildIndexAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    /// <summary>A log that yields its events one at a time and notes, at each, how much the sink had received.</summary>
    private sealed class ObservedLog(IReadOnlyList<StoredEvent> log, RecordingSink sink) : IEventStore
    {
        public List<long> WrittenWhenPulled { get; } = [];

        public async IAsyncEnumerable<StoredEvent> ReadAllAsync(EventQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var e in log.Take(query.Limit ?? int.MaxValue))
            {
                await Task.Yield();
                WrittenWhenPulled.Add(sink.Bytes);
                yield return e;
            }
        }

        public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(MeetingId stream, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<StoredEvent?> ReadLastAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlySet<string>> FindCommandsAsync(IReadOnlyCollection<string> commandIds, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<StoredEvent>> AppendAsync(IReadOnlyList<StreamAppend> appends, string recordedBy, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IEventTransaction> BeginTransactionAsync(string recordedBy, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
