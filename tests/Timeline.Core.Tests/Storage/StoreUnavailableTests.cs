using Timeline.Core.Storage;

namespace Timeline.Core.Tests.Storage;

/// <summary>An unavailable store is said in one line, the store first, whatever its backend's message looked like.</summary>
public sealed class StoreUnavailableTests
{
    [Fact]
    public void A_backend_message_over_several_lines_becomes_one_line_after_the_store()
    {
        var error = new StoreUnavailable("the Timeline store '/data/timeline.db'", "it could not be written (disk I/O error\r\n  while syncing the WAL\n)");

        Assert.Equal("the Timeline store '/data/timeline.db' is unavailable: it could not be written (disk I/O error while syncing the WAL )", error.Message);
        Assert.Equal("it could not be written (disk I/O error while syncing the WAL )", error.Reason);
        Assert.Equal("the Timeline store '/data/timeline.db'", error.Store);
    }
}
