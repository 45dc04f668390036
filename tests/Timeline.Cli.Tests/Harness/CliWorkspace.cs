using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace Timeline.Cli.Tests.Harness;

/// <summary>
/// One user's world for one test: a fresh temporary working directory, a fake clock, environment variables of its
/// own and in-memory standard streams. Runs the real <see cref="TimelineCli.RunAsync"/> with them, so tests never
/// touch the process console or environment and can run in parallel.
/// </summary>
internal sealed class CliWorkspace : IDisposable
{
    /// <summary>The fake clock's start: every event recorded before the clock is advanced carries this recordedAt.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    /// <summary><see cref="Start"/> as every output writes a recordedAt.</summary>
    public const string StartRecordedAt = "2026-11-29T12:00:00.000000Z";

    public const string User = "analyst";

    /// <param name="clockStart">Where the fake clock starts; <see cref="Start"/> unless given.</param>
    public CliWorkspace(DateTimeOffset? clockStart = null)
    {
        Clock = new FakeTimeProvider(clockStart ?? Start);
        Folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "timeline-cli-tests", Guid.NewGuid().ToString("N"))).FullName;
        Variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["TIMELINE_USER"] = User };
    }

    /// <summary>The working directory; deleted with everything in it when the test is done.</summary>
    public string Folder { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>How long a SQLite store waits for another writer's lock; null for its default (15 s).</summary>
    public TimeSpan? SqliteBusyTimeout { get; set; }

    /// <summary>How many commands an import decides and writes together; null for the CLI's default.</summary>
    public int? ImportBatchSize { get; set; }

    /// <summary>How many meetings an import keeps folded between batches; null for the CLI's default.</summary>
    public int? ImportKeepMeetings { get; set; }

    /// <summary>The environment the CLI sees; nothing else of the real environment leaks in.</summary>
    public Dictionary<string, string> Variables { get; }

    /// <summary>The test's store file, which does not exist until something is imported.</summary>
    public string StorePath => PathOf("t.db");

    public string Store => $"sqlite:{StorePath}";

    public string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>Writes a file in the working directory and returns its full path.</summary>
    public string Write(string name, string text)
    {
        var path = PathOf(name);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    /// <summary>Runs <c>timeline ARGS</c> with empty standard input.</summary>
    public Task<CliRun> Run(params string[] args) => RunWithInput(string.Empty, args);

    /// <summary>Runs <c>timeline --store sqlite:&lt;temp&gt;/t.db ARGS</c>.</summary>
    public Task<CliRun> OnStore(params string[] args) => Run(["--store", Store, .. args]);

    /// <summary>Runs <c>timeline ARGS</c> with <paramref name="standardInput"/> on standard input.</summary>
    public async Task<CliRun> RunWithInput(string standardInput, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new CliEnvironment(
            output,
            error,
            () => new MemoryStream(Encoding.UTF8.GetBytes(standardInput)),
            name => Variables.GetValueOrDefault(name),
            Folder,
            Clock,
            IsInteractive: false) { SqliteBusyTimeout = SqliteBusyTimeout, ImportBatchSize = ImportBatchSize, ImportKeepMeetings = ImportKeepMeetings };
        var exitCode = await TimelineCli.RunAsync(args, environment);
        return new CliRun(args, exitCode, output.ToString(), error.ToString());
    }

    /// <summary>True when the store file, or its WAL or shared-memory companion, exists.</summary>
    public bool StoreFilesExist(string? storePath = null) =>
        new[] { string.Empty, "-wal", "-shm", "-journal" }.Any(suffix => File.Exists((storePath ?? StorePath) + suffix));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere must not fail the test; the folder is in the temp directory.
        }
    }
}
