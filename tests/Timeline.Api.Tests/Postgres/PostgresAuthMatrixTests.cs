using Timeline.Api.Tests.Hosting;
using Timeline.Api.Tests.Security;

namespace Timeline.Api.Tests.Postgres;

/// <summary>
/// The whole auth matrix of <see cref="AuthMatrixTests"/> (every caller against every endpoint group) on PostgreSQL,
/// where the keys are checked against <c>timeline_api_keys</c>.
/// </summary>
public sealed class PostgresAuthMatrixTests(PostgresAuthMatrixTests.Matrix matrix) : IClassFixture<PostgresAuthMatrixTests.Matrix>
{
    public static TheoryData<string, string> Rows() => AuthMatrixTests.Rows();

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Each_caller_gets_what_its_role_allows(string caller, string endpointName)
    {
        var host = await matrix.HostAsync();

        await AuthMatrixTests.CheckAsync(host, matrix.Keys, caller, endpointName);
    }

    /// <summary>One PostgreSQL database for the whole matrix, prepared by the first row that runs.</summary>
    public sealed class Matrix : IAsyncLifetime
    {
        private readonly ApiPostgres _postgres = new();
        private readonly SemaphoreSlim _gate = new(1, 1);
        private ApiHost? _host;

        public Dictionary<string, string> Keys { get; } = [];

        public async Task<ApiHost> HostAsync()
        {
            await _gate.WaitAsync(Web.Cancel);
            try
            {
                if (_host is null)
                {
                    var host = await _postgres.NewHostAsync();
                    try
                    {
                        await AuthMatrixFixture.PrepareAsync(host, Keys);
                    }
                    catch
                    {
                        Keys.Clear();
                        await host.DisposeAsync();
                        throw;
                    }
                    _host = host;
                }
                return _host;
            }
            finally
            {
                _gate.Release();
            }
        }

        public ValueTask InitializeAsync() => ValueTask.CompletedTask;

        public async ValueTask DisposeAsync()
        {
            if (_host is not null)
            {
                await _host.DisposeAsync();
            }
            await _postgres.DisposeAsync();
            _gate.Dispose();
        }
    }
}
