using System.Data.Common;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using DbCommandBuilder = Weasel.Core.DbCommandBuilder;

namespace Timeline.Store.Marten;

/// <summary>
/// The indexes behind the audit filters, on Marten's <c>mt_events</c>: command id (Marten's <c>causation_id</c>),
/// recordedBy (<c>user_name</c>), reportedAt (the <c>reportedAtUtc</c> header, in collation C so text order is time
/// order) and trigram indexes for substring search in the speaker and outlet keys (PostgreSQL's <c>pg_trgm</c>, put in
/// the store's schema unless the database has it already). The event type filter uses Marten's own
/// <c>EnableEventTypeIndex</c>.
/// </summary>
/// <remarks>
/// A Marten storage feature (registered with <c>Storage.Add</c>, so Marten creates it after its event tables, in the
/// same migration, and <see cref="MartenEventStore.MigrateAsync"/> and the DDL-off check see it). Marten's own diff of
/// <c>mt_events</c> is told to leave these indexes alone (<c>Events.IgnoreIndex</c>), as Marten means for indexes that
/// another feature declares on its event tables.
/// </remarks>
internal sealed class AuditIndexes : FeatureSchemaBase
{
    /// <summary>reportedAt's instant as text, exactly as the index and the filters write it.</summary>
    public const string ReportedAtExpression = $"((headers ->> '{Envelope.ReportedAtUtc}') COLLATE \"C\")";

    public const string SpeakerExpression = $"(headers ->> '{Envelope.SpeakerKey}')";

    public const string OutletExpression = $"(headers ->> '{Envelope.OutletKey}')";

    private readonly string _schema;

    public AuditIndexes(string schema)
        : base("timeline_audit_indexes", new PostgresqlMigrator())
    {
        _schema = schema;
    }

    /// <summary>The names of the indexes on <c>mt_events</c>, for Marten to ignore in its own diff.</summary>
    public static IReadOnlyList<string> IndexNames { get; } =
    [
        "timeline_events_by_command",
        "timeline_events_by_recorded_by",
        "timeline_events_by_reported_at",
        "timeline_events_by_speaker",
        "timeline_events_by_outlet",
    ];

    /// <summary>A LIKE pattern that matches text containing <paramref name="needle"/> literally (\ escapes % and _).</summary>
    public static string Containing(string needle) =>
        "%" + needle.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";

    protected override IEnumerable<ISchemaObject> schemaObjects()
    {
        yield return new Trigrams(_schema);
        yield return new TableIndex(_schema, "mt_events", IndexNames[0], "btree (causation_id)");
        yield return new TableIndex(_schema, "mt_events", IndexNames[1], "btree (user_name, seq_id)");
        yield return new TableIndex(_schema, "mt_events", IndexNames[2], $"btree ({ReportedAtExpression})");
        yield return new TableIndex(_schema, "mt_events", IndexNames[3], $"gin ({SpeakerExpression} %TRGM%.gin_trgm_ops)");
        yield return new TableIndex(_schema, "mt_events", IndexNames[4], $"gin ({OutletExpression} %TRGM%.gin_trgm_ops)");
    }

    /// <summary>
    /// PostgreSQL's trigram extension, created in the store's schema if the database does not have it yet (it is a
    /// trusted extension: the schema's owner may create it).
    /// </summary>
    private sealed class Trigrams(string schema) : ISchemaObject
    {
        public DbObjectName Identifier { get; } = new PostgresqlObjectName(schema, "pg_trgm", SchemaUtils.IdentifierUsage.General);

        public void WriteCreateStatement(Migrator migrator, TextWriter writer) =>
            writer.WriteLine($"CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA {schema};");

        // Another schema's indexes may use it.
        public void WriteDropStatement(Migrator rules, TextWriter writer)
        {
        }

        public void ConfigureQueryCommand(DbCommandBuilder builder) =>
            builder.Append("SELECT extname FROM pg_extension WHERE extname = 'pg_trgm';");

        public async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct = default) =>
            new SchemaObjectDelta(this, await reader.ReadAsync(ct).ConfigureAwait(false) ? SchemaPatchDifference.None : SchemaPatchDifference.Create);

        public IEnumerable<DbObjectName> AllNames()
        {
            yield return Identifier;
        }
    }
}
