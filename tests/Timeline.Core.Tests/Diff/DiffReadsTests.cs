using System.Text.Json;
using CsCheck;
using Timeline.Core.Diff;
using Timeline.Core.Serialization;
using Timeline.Core.Tests.Support;
using Timeline.Store.Contract;

namespace Timeline.Core.Tests.Diff;

/// <summary>
/// The diff handler reads only the meetings with reports between the two knowledge times; its answer must be the one
/// <see cref="GetDiffHandler.Build"/> gives over the whole log.
/// </summary>
public sealed class DiffReadsTests
{
    private static readonly Gen<string> Day = Gen.Int[1, 13].Select(d => $"2022-09-{d:00}");

    [Fact]
    public async Task Between_two_knowledge_times_the_diff_equals_the_one_over_the_whole_log_for_random_logs()
    {
        await Gen.Select(RandomLogs.Log(), Day, Day, RandomLogs.RecordedAsOf, Gen.Int[0, 4]).SampleAsync(async (random, a, b, recordedAsOf, filter) =>
        {
            var log = random.Stamp();
            var (from, to) = string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
            var query = new GetDiff(
                From: from,
                To: filter == 4 ? null : to,
                RecordedAsOf: recordedAsOf?.Text,
                Participant: filter == 1 ? "Vladimir Putin" : null,
                Meeting: filter == 2 && recordedAsOf is null ? log[0].Stream.Value : null); // (a meeting not recorded by then is an error)
            var store = new ListedLog(log);

            var answer = await new GetDiffHandler(store).Handle(query, TestContext.Current.CancellationToken);

            Assert.Equal(Json(GetDiffHandler.Build(log, query)), Json(answer));
        }, iter: 200);
    }

    [Fact]
    public async Task A_diff_over_a_few_days_reads_the_streams_of_the_meetings_reported_then_and_not_the_rest_of_the_log()
    {
        var log = SeedLog.InListedOrder();
        var store = new ListedLog(log);

        var answer = await new GetDiffHandler(store).Handle(new GetDiff(From: "2022-11-09", To: "2022-11-10"), TestContext.Current.CancellationToken);

        Assert.Equal(Json(GetDiffHandler.Build(log, new GetDiff(From: "2022-11-09", To: "2022-11-10"))), Json(answer));
        Assert.Contains(answer.Changes, c => c.MeetingId == "g20-2022");
        var reportedThen = log.Where(e => e.ReportedAt.Text.StartsWith("2022-11-10", StringComparison.Ordinal)).Select(e => e.Stream).ToHashSet();
        Assert.True(store.EventsRead < log.Count / 2, $"read {store.EventsRead} of {log.Count} events");
        Assert.Equal(log.Count(e => reportedThen.Contains(e.Stream)) + log.Count(e => e.ReportedAt.Text.StartsWith("2022-11-10", StringComparison.Ordinal)), store.EventsRead);
    }

    private static string Json(DiffDocument document) => JsonSerializer.Serialize(document, TimelineJson.Output);
}
