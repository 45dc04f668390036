using Microsoft.Data.Sqlite;
using Timeline.Core.Chain;
using Timeline.Core.Storage;

namespace Timeline.Store.Sqlite;

public sealed partial class SqliteEventStore
{
    /// <summary>
    /// Migrations[i] takes a store from schema version i to i + 1. Append a new entry for a new version; never edit
    /// an entry that has shipped.
    /// </summary>
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE IF NOT EXISTS commands (
            command_id  TEXT NOT NULL PRIMARY KEY,
            recorded_at TEXT NOT NULL,
            recorded_by TEXT NOT NULL
        ) STRICT;

        CREATE TABLE IF NOT EXISTS events (
            sequence        INTEGER PRIMARY KEY AUTOINCREMENT,
            stream_id       TEXT    NOT NULL,
            stream_version  INTEGER NOT NULL CHECK (stream_version >= 1),
            event_id        TEXT    NOT NULL UNIQUE,
            event_type      TEXT    NOT NULL,
            data            TEXT    NOT NULL CHECK (json_valid(data)),
            reported_at     TEXT    NOT NULL,
            reported_at_utc TEXT    NOT NULL,
            recorded_at     TEXT    NOT NULL,
            recorded_by     TEXT    NOT NULL,
            outlet          TEXT,
            outlet_key      TEXT,
            url             TEXT,
            published_at    TEXT,
            speaker         TEXT,
            speaker_key     TEXT,
            quote           TEXT,
            command_id      TEXT    NOT NULL REFERENCES commands (command_id),
            UNIQUE (stream_id, stream_version)
        ) STRICT;

        CREATE INDEX IF NOT EXISTS events_by_command ON events (command_id);
        CREATE INDEX IF NOT EXISTS events_by_type ON events (event_type, sequence);
        CREATE INDEX IF NOT EXISTS events_by_reported_at ON events (reported_at_utc);
        CREATE INDEX IF NOT EXISTS events_by_recorded_by ON events (recorded_by, sequence);
        CREATE INDEX IF NOT EXISTS events_by_recorded_at ON events (recorded_at);
        """,
        // 2: trigram indexes for the audit's substring search in speaker and outlet (instr cannot use a b-tree): an
        // FTS5 table over the events' search keys, without a copy of them (external content), filled by a trigger in
        // the append's transaction and, for an existing file, from the events already there.
        """
        CREATE VIRTUAL TABLE IF NOT EXISTS event_sources USING fts5 (
            speaker_key, outlet_key, content = 'events', content_rowid = 'sequence', tokenize = 'trigram'
        );

        CREATE TRIGGER IF NOT EXISTS event_sources_on_insert AFTER INSERT ON events BEGIN
            INSERT INTO event_sources (rowid, speaker_key, outlet_key) VALUES (new.sequence, new.speaker_key, new.outlet_key);
        END;

        INSERT INTO event_sources (event_sources) VALUES ('rebuild');
        """,
        // 3: the as-of index (MeetingStates): each meeting's states over knowledge and system-time intervals in UTC ticks,
        // an R*Tree over their days and intervals, their participants, the report days, and the index's format. Derived
        // from events only; RebuildIndexAsync recomputes it, and a format of 0 (never built, or rows of unknown age) makes
        // first use build it.
        """
        CREATE TABLE IF NOT EXISTS meeting_states (
            state_id      INTEGER PRIMARY KEY,
            meeting_id    TEXT    NOT NULL,
            reported_from INTEGER NOT NULL,
            reported_to   INTEGER NOT NULL,
            recorded_from INTEGER NOT NULL,
            recorded_to   INTEGER NOT NULL,
            earliest_day  INTEGER NOT NULL,
            latest_day    INTEGER NOT NULL,
            dated         INTEGER NOT NULL,
            search_key    TEXT    NOT NULL,
            snapshot      TEXT    NOT NULL CHECK (json_valid(snapshot))
        ) STRICT;

        CREATE INDEX IF NOT EXISTS meeting_states_by_meeting ON meeting_states (meeting_id);
        CREATE INDEX IF NOT EXISTS meeting_states_in_schedule_order ON meeting_states (earliest_day, latest_day, meeting_id);

        CREATE VIRTUAL TABLE IF NOT EXISTS meeting_state_bounds USING rtree (
            state_id, first_day, last_day, reported_from, reported_to, recorded_from, recorded_to);

        CREATE TABLE IF NOT EXISTS meeting_state_participants (
            participant TEXT    NOT NULL,
            state_id    INTEGER NOT NULL REFERENCES meeting_states (state_id) ON DELETE CASCADE,
            PRIMARY KEY (participant, state_id)
        ) STRICT, WITHOUT ROWID;

        CREATE INDEX IF NOT EXISTS meeting_state_participants_by_state ON meeting_state_participants (state_id);

        CREATE TABLE IF NOT EXISTS report_days (
            day         INTEGER NOT NULL,
            recorded_at INTEGER NOT NULL,
            reports     INTEGER NOT NULL,
            PRIMARY KEY (day, recorded_at)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS index_format (
            single  INTEGER NOT NULL PRIMARY KEY CHECK (single = 1),
            version INTEGER NOT NULL
        ) STRICT;

        INSERT INTO index_format (single, version) VALUES (1, 0) ON CONFLICT (single) DO UPDATE SET version = 0;
        """,
        // 4: the hash chain. The column stays nullable only for the moment between adding it and filling it,
        // which happens in the same transaction (see ChainExistingAsync).
        """
        ALTER TABLE events ADD COLUMN hash TEXT;
        """,
        // 5: fewer pages written per event. (a) The audit's substring search in speaker and outlet runs over the few
        // distinct keys (source_keys, filled by a trigger) and reaches the events through a b-tree on each key column,
        // instead of a trigram index of every event (about 6 pages an event). (b) Participants are kept per meeting
        // (meeting_participants), not per state row: a new state of a meeting adds nothing unless it names someone
        // new. The row narrows a participant query to the meetings that ever named them; the exact test is made on
        // each state's snapshot. The index format is set to 0, so first use rebuilds it into the new table.
        """
        DROP TRIGGER IF EXISTS event_sources_on_insert;
        DROP TABLE IF EXISTS event_sources;

        CREATE TABLE IF NOT EXISTS source_keys (
            key TEXT NOT NULL PRIMARY KEY
        ) STRICT, WITHOUT ROWID;

        CREATE TRIGGER IF NOT EXISTS source_keys_on_insert AFTER INSERT ON events BEGIN
            INSERT OR IGNORE INTO source_keys (key) SELECT new.speaker_key WHERE new.speaker_key IS NOT NULL;
            INSERT OR IGNORE INTO source_keys (key) SELECT new.outlet_key WHERE new.outlet_key IS NOT NULL;
        END;

        INSERT OR IGNORE INTO source_keys (key)
        SELECT speaker_key FROM events WHERE speaker_key IS NOT NULL UNION SELECT outlet_key FROM events WHERE outlet_key IS NOT NULL;

        CREATE INDEX IF NOT EXISTS events_by_speaker_key ON events (speaker_key) WHERE speaker_key IS NOT NULL;
        CREATE INDEX IF NOT EXISTS events_by_outlet_key ON events (outlet_key) WHERE outlet_key IS NOT NULL;

        DROP TABLE IF EXISTS meeting_state_participants;

        CREATE TABLE IF NOT EXISTS meeting_participants (
            participant TEXT NOT NULL,
            meeting_id  TEXT NOT NULL,
            PRIMARY KEY (participant, meeting_id)
        ) STRICT, WITHOUT ROWID;

        UPDATE index_format SET version = 0;
        """,
    ];

    /// <summary>The schema version that added the hash chain: migrating to it hashes every event already stored.</summary>
    private const int ChainedSchemaVersion = 4;

    /// <inheritdoc />
    /// <remarks>
    /// Returns <c>created schema version 1 in PATH</c> for a new file, <c>migrated schema version N to M in PATH</c>
    /// for an older one, or <c>schema version M is current in PATH</c>. Every other operation also creates or migrates
    /// the schema on first use, so calling this first is optional. It changes no event; migrating to version 4 stores every event's hash.
    /// </remarks>
    /// <exception cref="InvalidDataException">
    /// The file is not a SQLite database, belongs to another application, is damaged, or has a newer schema.
    /// </exception>
    public async Task<string> MigrateAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Always looks at the file, even when this instance has seen the schema already: the command is there to
            // tell an operator what the file holds now.
            var found = await PrepareSchemaAsync(cancellationToken).ConfigureAwait(false);
            return found switch
            {
                0 => $"created schema version {SchemaVersion} in {DataSource}",
                SchemaVersion => $"schema version {SchemaVersion} is current in {DataSource}",
                _ => $"migrated schema version {found} to {SchemaVersion} in {DataSource}",
            };
        }
        catch (SqliteException e) when (Translate(e) is { } translated)
        {
            throw translated;
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }
        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_schemaReady)
            {
                await PrepareSchemaAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    /// <summary>Brings the file to <see cref="SchemaVersion"/>; called under <see cref="_schemaGate"/>.</summary>
    /// <returns>The version the file had before: 0 for a new file, <see cref="SchemaVersion"/> when nothing was done.</returns>
    private async Task<int> PrepareSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (var journal = connection.CreateCommand())
        {
            // WAL is a property of the file: set once, it stays for every later connection and process.
            journal.CommandText = "PRAGMA journal_mode = WAL";
            await journal.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }
        var found = await ReadSchemaVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
        if (found < SchemaVersion)
        {
            found = await ApplyMigrationsAsync(connection, cancellationToken).ConfigureAwait(false);
        }
        await RebuildOutdatedIndexAsync(connection, cancellationToken).ConfigureAwait(false);
        _schemaReady = true;
        return found;
    }

    /// <returns>The version found once the write lock was held (another process may have migrated meanwhile).</returns>
    private async Task<int> ApplyMigrationsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // IMMEDIATE takes the write lock first, so two processes creating the schema at once take turns and the
        // second one finds the work done.
        await using var transaction = connection.BeginTransaction(deferred: false);
        var found = await ReadSchemaVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var version = found;
        if (version == 0)
        {
            await EnsureNoForeignTablesAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            await using var create = connection.CreateCommand();
            create.Transaction = transaction;
            create.CommandText = """
                CREATE TABLE IF NOT EXISTS schema_version (
                    version    INTEGER NOT NULL PRIMARY KEY,
                    applied_at TEXT    NOT NULL
                ) STRICT;
                """;
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        for (; version < SchemaVersion; version++)
        {
            await using var migrate = connection.CreateCommand();
            migrate.Transaction = transaction;
            migrate.CommandText = Migrations[version];
            if (version + 1 == ChainedSchemaVersion)
            {
                // SQLite has no ADD COLUMN IF NOT EXISTS: like the IF NOT EXISTS of the other versions, a file that
                // already has the column keeps it, and its events that already have a hash keep that hash.
                if (!await HasHashColumnAsync(connection, transaction, cancellationToken).ConfigureAwait(false))
                {
                    await migrate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                await ChainExistingAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await migrate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            migrate.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES ($version, $applied_at)";
            migrate.Parameters.AddWithValue("$version", version + 1);
            migrate.Parameters.AddWithValue("$applied_at", RecordedAt.FromClock(_clock).ToString());
            await migrate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return found;
    }

    /// <summary>
    /// Hashes the events of a store that predates the chain, in sequence order from the start, inside the migration's
    /// transaction: no append can come between, so the chain is whole when the new version is recorded.
    /// </summary>
    private async Task ChainExistingAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var hashes = new List<(long Sequence, string Hash)>();
        var previous = EventHash.Genesis;
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = SelectEvents + " ORDER BY sequence";
            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var stored = ReadEvent(reader);
                previous = HashChain.Next(previous, stored);
                hashes.Add((stored.Sequence, previous.Hex));
            }
        }
        await using var write = connection.CreateCommand();
        write.Transaction = transaction;
        write.CommandText = "UPDATE events SET hash = $hash WHERE sequence = $sequence AND hash IS NULL";
        var hash = write.Parameters.Add("$hash", SqliteType.Text);
        var sequence = write.Parameters.Add("$sequence", SqliteType.Integer);
        foreach (var (s, h) in hashes)
        {
            sequence.Value = s;
            hash.Value = h;
            await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<bool> HasHashColumnAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM pragma_table_info('events') WHERE name = 'hash'";
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! > 0;
    }

    /// <summary>The file's schema version: 0 for a new, empty file.</summary>
    /// <exception cref="InvalidDataException">The file's schema is newer than this code, or its version table is empty.</exception>
    private async Task<int> ReadSchemaVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_version'";
        if ((long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! == 0)
        {
            return 0;
        }
        command.CommandText = "SELECT MAX(version) FROM schema_version";
        var version = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) switch
        {
            long found => found,
            _ => throw new InvalidDataException(
                $"{Where} has an empty schema_version table, so its layout is unknown; restore it from a backup"),
        };
        return version <= SchemaVersion
            ? (int)version
            : throw new InvalidDataException(
                $"{Where} has schema version {version}, but this Timeline knows versions up to {SchemaVersion}; use a newer Timeline to open it");
    }

    private async Task EnsureNoForeignTablesAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name LIMIT 3";
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                tables.Add(reader.GetString(0));
            }
        }
        if (tables.Count > 0)
        {
            throw new InvalidDataException(
                $"'{DataSource}' is a SQLite database but not a Timeline store (it has tables such as {string.Join(", ", tables)} and no schema_version); give a new file");
        }
    }
}
