using Timeline.Cli.Tests.Harness;

namespace Timeline.Cli.Tests.Postgres;

/// <summary>
/// The same story (<see cref="StoreStory"/>), imported through the CLI into SQLite and into PostgreSQL with one fake
/// clock and the same users, gives the same answers.
/// </summary>
/// <remarks>
/// Only <c>eventId</c> is left out of the comparison: it is not assigned by a store but by the command loop, as a
/// version-7 GUID whose time part comes from the clock and whose other 74 bits are random, so two imports of the same
/// file never share it. Sequences, stream versions, recordedAt, recordedBy and command ids are all compared.
/// </remarks>
public sealed class ParityTests(ParityTests.Stores stores) : IClassFixture<ParityTests.Stores>
{
    public static TheoryData<string> Questions => StoreStory.QuestionData;

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task SQLite_and_PostgreSQL_give_the_same_answer(string question)
    {
        await stores.TellOnceAsync();
        var args = question.Split('|');

        var sqlite = await StoreStory.AnswerAsync(stores.Workspace, stores.Workspace.Store, args);
        var postgres = await StoreStory.AnswerAsync(stores.Workspace, stores.Postgres, args);

        Assert.Equal(Json.Without(sqlite, "eventId"), Json.Without(postgres, "eventId"));
    }

    [Fact]
    public async Task Every_import_reports_the_same_outcomes_sequences_and_stream_versions()
    {
        await stores.TellOnceAsync();
        var (sqlite, postgres) = stores.Imports;

        Assert.Equal(sqlite.Select(r => r.Out), postgres.Select(r => r.Out));
        Assert.Equal(StoreStory.Events, sqlite.Sum(r => r.Json().GetProperty("eventsAppended").GetInt32()));
    }

    [Fact]
    public async Task The_answers_compared_are_not_empty()
    {
        await stores.TellOnceAsync();

        var audit = (await stores.Workspace.Run("--store", stores.Postgres, "audit", "--format", "json")).Succeeded().Json();
        var history = (await stores.Workspace.Run("--store", stores.Postgres, "history", "g20-2022", "--recorded-as-of", StoreStory.RecordedBetween[0], "--format", "json")).Succeeded().Json();

        Assert.Equal(StoreStory.Events, audit.Items("events").Count);
        Assert.Equal(Enumerable.Range(1, StoreStory.Events), audit.Items("events").Select(e => e.GetProperty("sequence").GetInt32()));
        Assert.Contains(audit.Items("events"), e => e.Text("recordedBy") == StoreStory.Editor);
        Assert.All(history.Items("entries"), e => Assert.Equal(CliWorkspace.StartRecordedAt, e.Text("recordedAt")));
    }

    /// <summary>A SQLite file and a PostgreSQL database that both heard the story, told once for the class.</summary>
    public sealed class Stores : IAsyncLifetime
    {
        private readonly CliPostgres _postgres = new();
        private readonly SemaphoreSlim _gate = new(1, 1);
        private bool _told;

        internal CliWorkspace Workspace { get; } = new();

        internal string Postgres { get; private set; } = null!;

        internal (IReadOnlyList<CliRun> Sqlite, IReadOnlyList<CliRun> Postgres) Imports { get; private set; }

        /// <summary>Tells the story on first call; skips (or with CI=true fails) every test when PostgreSQL is missing.</summary>
        internal async Task TellOnceAsync()
        {
            await _gate.WaitAsync(TestContext.Current.CancellationToken);
            try
            {
                if (!_told)
                {
                    Postgres = (await _postgres.NewStoreAsync()).Uri;
                    var reports = await StoreStory.TellAsync(Workspace, Workspace.Store, Postgres);
                    Imports = (reports[0], reports[1]);
                    _told = true;
                }
            }
            finally
            {
                _gate.Release();
            }
        }

        public ValueTask InitializeAsync() => _postgres.InitializeAsync();

        public async ValueTask DisposeAsync()
        {
            await _postgres.DisposeAsync();
            _gate.Dispose();
            Workspace.Dispose();
        }
    }
}
