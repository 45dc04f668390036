using System.Data.Common;
using Weasel.Core;
using Weasel.Postgresql;
using DbCommandBuilder = Weasel.Core.DbCommandBuilder;

namespace Timeline.Store.Marten;

/// <summary>
/// One index on a table Marten manages, known by its name: created when missing. <c>%TRGM%</c> in the method and columns
/// stands for the schema that holds <c>pg_trgm</c>, looked up when the index is created. An index it
/// <paramref name="replaces"/> (an older definition under another name) is dropped when it is created.
/// </summary>
internal sealed class TableIndex(string schema, string table, string name, string methodAndColumns, string? replaces = null) : ISchemaObject
{
    public DbObjectName Identifier { get; } = new PostgresqlObjectName(schema, name, SchemaUtils.IdentifierUsage.General);

    public void WriteCreateStatement(Migrator migrator, TextWriter writer)
    {
        if (replaces is not null)
        {
            writer.WriteLine($"DROP INDEX IF EXISTS {schema}.{replaces};");
        }
        var create = $"CREATE INDEX IF NOT EXISTS {name} ON {schema}.{table} USING {methodAndColumns}";
        if (!methodAndColumns.Contains("%TRGM%", StringComparison.Ordinal))
        {
            writer.WriteLine(create + ";");
            return;
        }
        // The operator class lives wherever the database keeps pg_trgm.
        var template = create.Replace("'", "''", StringComparison.Ordinal).Replace("%TRGM%", "%I", StringComparison.Ordinal);
        writer.WriteLine($"""
            DO $timeline$ BEGIN
                EXECUTE format('{template}', (SELECT n.nspname FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace WHERE x.extname = 'pg_trgm'));
            END $timeline$;
            """);
    }

    public void WriteDropStatement(Migrator rules, TextWriter writer) =>
        writer.WriteLine($"DROP INDEX IF EXISTS {schema}.{name};");

    public void ConfigureQueryCommand(DbCommandBuilder builder)
    {
        builder.Append("SELECT indexname FROM pg_indexes WHERE schemaname = ");
        builder.AppendParameter(schema);
        builder.Append(" AND indexname = ");
        builder.AppendParameter(name);
        builder.Append(";");
    }

    public async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct = default) =>
        new SchemaObjectDelta(this, await reader.ReadAsync(ct).ConfigureAwait(false) ? SchemaPatchDifference.None : SchemaPatchDifference.Create);

    public IEnumerable<DbObjectName> AllNames()
    {
        yield return Identifier;
    }
}
