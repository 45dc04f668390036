using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Timeline.Store.Sqlite;

public sealed partial class SqliteEventStore
{
    /// <summary>
    /// One statement prepared on a connection's native handle (<see cref="SqliteConnection.Handle"/>, the way
    /// Microsoft.Data.Sqlite documents for calling SQLite directly) and bound by position, for the index's many state
    /// and participant inserts (appends and rebuilds alike): a <see cref="SqliteCommand"/> looks each parameter up by
    /// name and sets up a data reader on every execution, which was most of a rebuild's time. It runs in whatever transaction the connection has open.
    /// </summary>
    private sealed class PositionalStatement : IDisposable
    {
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _statement;

        public PositionalStatement(SqliteConnection connection, string sql)
        {
            _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
            Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
        }

        public PositionalStatement Bind(int position, long value)
        {
            Check(raw.sqlite3_bind_int64(_statement, position, value));
            return this;
        }

        public PositionalStatement Bind(int position, string value)
        {
            Check(raw.sqlite3_bind_text(_statement, position, value));
            return this;
        }

        /// <summary>Runs the insert; returns the first column of its first row (a RETURNING clause), else the new rowid.</summary>
        public long Insert()
        {
            try
            {
                var result = raw.sqlite3_step(_statement);
                if (result == raw.SQLITE_ROW)
                {
                    var returned = raw.sqlite3_column_int64(_statement, 0);
                    Check(raw.sqlite3_step(_statement), raw.SQLITE_DONE);
                    return returned;
                }
                Check(result, raw.SQLITE_DONE);
                return raw.sqlite3_last_insert_rowid(_db);
            }
            finally
            {
                raw.sqlite3_reset(_statement);
            }
        }

        public void Dispose() => _statement.Dispose();

        private void Check(int result, int expected = raw.SQLITE_OK)
        {
            if (result != expected)
            {
                SqliteException.ThrowExceptionForRC(result, _db);
            }
        }
    }
}
