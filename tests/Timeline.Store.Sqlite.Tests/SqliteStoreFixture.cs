namespace Timeline.Store.Sqlite.Tests;

/// <summary>A temporary folder of store files, deleted when the test class is done.</summary>
public sealed class SqliteStoreFixture : IDisposable
{
    public string Folder { get; } = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), $"timeline-sqlite-tests-{Guid.NewGuid():N}")).FullName;

    /// <summary>A path in the folder where no file exists yet.</summary>
    public string NewPath() => Path.Combine(Folder, $"{Guid.NewGuid():N}.db");

    /// <summary>A store on a new file.</summary>
    public SqliteEventStore CreateStore(TimeProvider clock) => new(NewPath(), clock);

    /// <remarks>The tests dispose their stores, which closes the files; the folder goes last.</remarks>
    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
