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

/// <summary>Every API contract suite, each store a new database of the throwaway PostgreSQL (see <see cref="PostgresStorageTests"/>).</summary>
public static class OnPostgres
{
    public sealed class Commands(PostgresApiStores stores) : CommandContract(stores), IClassFixture<PostgresApiStores>;

    public sealed class Soak(PostgresApiStores stores) : SoakContract(stores), IClassFixture<PostgresApiStores>;

    public sealed class ProblemDetails(PostgresApiStores stores) : ProblemDetailsContract(stores), IClassFixture<PostgresApiStores>;

    public sealed class CalendarFeed(PostgresApiStores stores) : CalendarFeedContract(stores), IClassFixture<PostgresApiStores>;

    public sealed class CliParity(PostgresApiStores stores) : CliParityContract(stores), IClassFixture<PostgresApiStores>;

    public sealed class AuthMatrix(PostgresApiStores stores) : AuthMatrixContract(stores), IClassFixture<PostgresApiStores>;

    public sealed class AnonymousRead(PostgresApiStores stores) : AnonymousReadContract(stores), IClassFixture<PostgresApiStores>;

    public sealed class KeysApi(PostgresApiStores stores) : KeysApiContract(stores), IClassFixture<PostgresApiStores>;

    public sealed class KeysCli(PostgresApiStores stores) : KeysCliContract(stores), IClassFixture<PostgresApiStores>;

    public sealed class Changes(PostgresApiStores stores) : ChangesContract(stores), IClassFixture<PostgresApiStores>;

    public sealed class ChangeFeed(PostgresApiStores stores) : ChangeFeedContract(stores), IClassFixture<PostgresApiStores>;

    public sealed class SchedulePages(PostgresApiStores stores) : SchedulePagesContract(stores), IClassFixture<PostgresApiStores>;

    public sealed class CommandsFuzz(PostgresApiStores stores) : CommandsFuzzContract(stores), IClassFixture<PostgresApiStores>;
}
