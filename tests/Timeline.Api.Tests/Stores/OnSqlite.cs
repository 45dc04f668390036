using Timeline.Api.Tests.Schedule;
using Timeline.Api.Tests.Calendar;
using Timeline.Api.Tests.Changes;
using Timeline.Api.Tests.Commands;
using Timeline.Api.Tests.Feed;
using Timeline.Api.Tests.Hardening;
using Timeline.Api.Tests.Keys;
using Timeline.Api.Tests.Parity;
using Timeline.Api.Tests.Problems;
using Timeline.Api.Tests.Security;

namespace Timeline.Api.Tests.Stores;

/// <summary>Every API contract suite, each store a new SQLite file.</summary>
public static class OnSqlite
{
    public sealed class Commands(SqliteApiStores stores) : CommandContract(stores), IClassFixture<SqliteApiStores>;

    public sealed class Soak(SqliteApiStores stores) : SoakContract(stores), IClassFixture<SqliteApiStores>;

    public sealed class ProblemDetails(SqliteApiStores stores) : ProblemDetailsContract(stores), IClassFixture<SqliteApiStores>;

    public sealed class CalendarFeed(SqliteApiStores stores) : CalendarFeedContract(stores), IClassFixture<SqliteApiStores>;

    public sealed class CliParity(SqliteApiStores stores) : CliParityContract(stores), IClassFixture<SqliteApiStores>;

    public sealed class AuthMatrix(SqliteApiStores stores) : AuthMatrixContract(stores), IClassFixture<SqliteApiStores>;

    public sealed class AnonymousRead(SqliteApiStores stores) : AnonymousReadContract(stores), IClassFixture<SqliteApiStores>;

    public sealed class KeysApi(SqliteApiStores stores) : KeysApiContract(stores), IClassFixture<SqliteApiStores>;

    public sealed class KeysCli(SqliteApiStores stores) : KeysCliContract(stores), IClassFixture<SqliteApiStores>;

    public sealed class Changes(SqliteApiStores stores) : ChangesContract(stores), IClassFixture<SqliteApiStores>;

    public sealed class ChangeFeed(SqliteApiStores stores) : ChangeFeedContract(stores), IClassFixture<SqliteApiStores>;

    public sealed class SchedulePages(SqliteApiStores stores) : SchedulePagesContract(stores), IClassFixture<SqliteApiStores>;

    public sealed class CommandsFuzz(SqliteApiStores stores) : CommandsFuzzContract(stores), IClassFixture<SqliteApiStores>;
}
