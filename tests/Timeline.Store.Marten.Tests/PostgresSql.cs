using Npgsql;

namespace Timeline.Store.Marten.Tests;

/// <summary>Plain SQL against a test database, to look behind the store's back.</summary>
internal static class PostgresSql
{
    public static async Task<T?> ScalarAsync<T>(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        var result = await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        return result is DBNull or null ? default : (T)result;
    }

    public static Task<bool> TableExistsAsync(string connectionString, string schema, string table) =>
        ScalarAsync<bool>(connectionString, "SELECT to_regclass(@name) IS NOT NULL", ("name", $"{schema}.{table}"));
}
