using System.IO.Compression;
using Timeline.Core.Index;
using Timeline.Core.Knowledge;
using Timeline.Core.Storage;
using Timeline.Domain.Meetings;

namespace Timeline.Store.Sqlite.Tests;

/// <summary>A store written by the code of schema version 4 (participants per state row, a trigram index of sources).</summary>
public sealed partial class SqliteFileTests
{
    /// <summary>
    /// Fixtures/schema-4.db.gz was written by the code of schema version 4 (commit ac52b52): <c>timeline demo</c>, then
    /// <c>timeline import</c> of the benchmark's <c>generate --events 150 --seed 2</c> (186 events, 35 meetings, 26
    /// speakers, 18 outlets), then VACUUM.
    /// </summary>
    private async Task<string> SchemaVersion4StoreAsync()
    {
        var path = files.NewPath();
        await using var zipped = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Fixtures", "schema-4.db.gz"));
        await using var unzipped = new GZipStream(zipped, CompressionMode.Decompress);
        await using var file = File.Create(path);
        await unzipped.CopyToAsync(file, Cancel);
        return path;
    }

    [Fact]
    public async Task A_store_of_schema_version_4_is_migrated_and_its_participant_queries_answer_as_its_log_does()
    {
        var path = await SchemaVersion4StoreAsync();
        var store = Open(path);

        Assert.Equal($"migrated schema version 4 to {SqliteEventStore.SchemaVersion} in {path}", await store.MigrateAsync(Cancel));

        Assert.Equal([(long)MeetingStates.FormatVersion], Query(path, "SELECT version FROM index_format").Select(r => r[0]));
        Assert.Empty(Query(path, "SELECT name FROM sqlite_schema WHERE name IN ('event_sources', 'meeting_state_participants')"));
        var log = await store.ReadAllAsync(EventQuery.All, Cancel).ToListAsync(Cancel);
        var now = await MeetingStates.FromLogAsync(store, StateQuery.Now, Cancel);
        var participants = now.SelectMany(s => s.Meeting.Participants.Select(p => p.Name)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var middle = log.OrderBy(e => e.ReportedAt.Instant).ElementAt(log.Count / 2).ReportedAt;
        var dated = now.Where(s => s.Meeting.Earliest is not null).OrderBy(s => s.Meeting.Earliest).ToList();
        var (from, to) = (dated[dated.Count / 4].Meeting.Earliest, dated[dated.Count * 3 / 4].Meeting.Earliest);
        Assert.True(participants.Count > 20, $"only {participants.Count} participants");
        foreach (var name in participants)
        {
            var participant = new StateQuery { Participant = ParticipantName.Parse(name) };
            foreach (var query in (StateQuery[])[
                participant,
                participant with { AsOf = Cutoff.Through(middle) },
                participant with { RecordedAsOf = Cutoff.Parse(log[log.Count / 3].RecordedAt.ToString()) },
                participant with { From = from, To = to },
                participant with { Limit = 2 },
            ])
            {
                var expected = await MeetingStates.FromLogAsync(store, query, Cancel);
                var answered = await store.ReadStatesAsync(query, Cancel);
                Assert.Equal(expected.Select(MeetingStates.Write), answered.Select(MeetingStates.Write));
            }
        }
    }

    [Fact]
    public async Task A_store_of_schema_version_4_is_migrated_and_its_audit_by_speaker_and_outlet_answers_as_its_log_does()
    {
        var store = Open(await SchemaVersion4StoreAsync());
        var log = await store.ReadAllAsync(EventQuery.All, Cancel).ToListAsync(Cancel);
        var speakers = log.Select(e => e.Source.Speaker).OfType<string>().Distinct().ToList();
        var outlets = log.Select(e => e.Source.Outlet).OfType<string>().Distinct().ToList();
        Assert.True(speakers.Count > 10 && outlets.Count > 10, $"{speakers.Count} speakers, {outlets.Count} outlets");

        // Each whole name, its first three characters and its last two, in upper case: the search is case-insensitive.
        static IEnumerable<string> Needles(string name) => [name, name[..3].ToUpperInvariant(), name[^2..]];
        foreach (var needle in speakers.SelectMany(Needles))
        {
            var expected = log.Where(e => EventQuery.SearchKey(e.Source.Speaker)?.Contains(EventQuery.SearchKey(needle)!, StringComparison.Ordinal) == true);
            Assert.Equal(expected, await store.ReadAllAsync(new EventQuery { Speaker = needle }, Cancel).ToListAsync(Cancel));
        }
        foreach (var needle in outlets.SelectMany(Needles))
        {
            var expected = log.Where(e => EventQuery.SearchKey(e.Source.Outlet)?.Contains(EventQuery.SearchKey(needle)!, StringComparison.Ordinal) == true);
            Assert.Equal(expected, await store.ReadAllAsync(new EventQuery { Outlet = needle }, Cancel).ToListAsync(Cancel));
        }
    }
}
