namespace Timeline.Store.Marten;

/// <summary>How a <see cref="MartenEventStore"/> uses its database.</summary>
public sealed record MartenEventStoreOptions
{
    /// <summary>The PostgreSQL schema that holds Timeline's tables unless told otherwise.</summary>
    public const string DefaultSchema = "timeline";

    /// <summary>
    /// The PostgreSQL schema for Timeline's tables (Marten's <c>mt_events</c>, <c>mt_streams</c> and Timeline's own
    /// <c>timeline_commands</c>, <c>timeline_schema_version</c> and <c>timeline_api_keys</c>). Lower-case letters, digits and underscores,
    /// starting with a letter or underscore, at most 63 characters. Several stores can share a database in different
    /// schemas.
    /// </summary>
    public string Schema { get; init; } = DefaultSchema;

    /// <summary>
    /// True (the default): the store creates or migrates its schema on first use (Marten's
    /// <c>AutoCreate.CreateOrUpdate</c>). False: the store never changes the schema (<c>AutoCreate.None</c>); it checks
    /// on first use that the schema is there and current, and fails with an <see cref="InvalidDataException"/> that
    /// says to run <c>timeline migrate</c> if not. <see cref="MartenEventStore.MigrateAsync"/> changes the schema
    /// either way.
    /// </summary>
    public bool CreateSchemaOnFirstUse { get; init; } = true;

    /// <summary>
    /// How long to wait for a connection before failing (Npgsql's <c>Timeout</c>); 5 s unless the connection string
    /// or URI gives its own. Whole seconds, 1 to 1024.
    /// </summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
