using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Timeline.Testing.Postgres;

/// <summary>
/// The PostgreSQL server of this test process: either the one named by <c>TIMELINE_TEST_POSTGRES</c>, or a throwaway
/// cluster started from the local PostgreSQL binaries on first use and removed when the process exits.
/// </summary>
/// <remarks>
/// <para>
/// <b>Throwaway cluster.</b> The binaries are found with <c>pg_config --bindir</c>, else under
/// <c>/usr/lib/postgresql/*/bin</c> (the highest version), else through <c>TIMELINE_TEST_POSTGRES_BIN</c>. The
/// cluster lives in a new folder under the temp folder, listens on 127.0.0.1 on a free port and on a unix socket in
/// its own folder, and trades durability for speed (<c>fsync=off</c>: tests only). PostgreSQL refuses to run as root,
/// so as root every server step runs as the <c>postgres</c> user through <c>runuser -u postgres --</c>. Tests
/// connect over TCP as the role <see cref="Role"/> with a password (SCRAM-SHA-256), like a real deployment.
/// </para>
/// <para>
/// <b>Availability.</b> With neither binaries nor <c>TIMELINE_TEST_POSTGRES</c>, PostgreSQL is a missing
/// <see cref="Prerequisite"/>: <see cref="Require"/> skips the calling test with a message that says how to get it, or
/// fails it when <c>CI=true</c>. Binaries that are present but fail to start a cluster always fail the test.
/// </para>
/// </remarks>
public sealed class PostgresServer
{
    /// <summary>An Npgsql connection string for a role that may create databases; used instead of a local cluster.</summary>
    public const string ConnectionVariable = "TIMELINE_TEST_POSTGRES";

    /// <summary>A folder holding initdb, pg_ctl and postgres, when they are not where they are looked for.</summary>
    public const string BinariesVariable = "TIMELINE_TEST_POSTGRES_BIN";

    /// <summary>The login role of the throwaway cluster.</summary>
    public const string Role = "timeline_test";

    private static readonly Lazy<Task<Availability>> Shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _adminConnectionString;

    private PostgresServer(string adminConnectionString, string userConnectionString, string description)
    {
        _adminConnectionString = adminConnectionString;
        UserConnectionString = userConnectionString;
        Description = description;
    }

    /// <summary>A connection string for the test role, without a database.</summary>
    public string UserConnectionString { get; }

    /// <summary>Where the server is, for messages.</summary>
    public string Description { get; }

    /// <summary>
    /// The server, started on first call. Skips the calling test when PostgreSQL is not available (fails it when
    /// <c>CI=true</c>); fails it when a cluster could not be started.
    /// </summary>
    public static async Task<PostgresServer> Require()
    {
        var availability = await Shared.Value.ConfigureAwait(false);
        if (availability.Server is { } server)
        {
            return server;
        }
        if (availability.Failure is { } failure)
        {
            Assert.Fail(failure);
        }
        Prerequisite.Missing(availability.Missing!);
        throw new UnreachableException();
    }

    /// <summary>
    /// An ICU collation that ignores punctuation at the first level, as the usual glibc locales (en_US.UTF-8, …) do:
    /// <c>a-c</c> sorts after <c>ab</c>, unlike in collation C. For tests of what must not depend on the database's collation.
    /// </summary>
    public const string PunctuationIgnoringCollation = "und-u-ka-shifted";

    /// <summary>
    /// Creates a new, empty database owned by the test role and returns a connection string for it; with
    /// <paramref name="icuCollation"/>, that ICU locale is the database's default collation.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken, string? icuCollation = null)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            var owner = new NpgsqlConnectionStringBuilder(UserConnectionString).Username!;
            command.CommandText = icuCollation is null
                ? $"CREATE DATABASE {Quote(name)} OWNER {Quote(owner)}"
                : $"CREATE DATABASE {Quote(name)} OWNER {Quote(owner)} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '{icuCollation.Replace("'", "''", StringComparison.Ordinal)}' LOCALE 'C.UTF-8'";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        return new NpgsqlConnectionStringBuilder(UserConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its connections first.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS {Quote(name)} WITH (FORCE)";
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>The <c>postgres://user:password@host:port/database</c> URI of an Npgsql connection string, as <c>--store</c> takes it.</summary>
    public static string UriOf(string connectionString)
    {
        var parts = new NpgsqlConnectionStringBuilder(connectionString);
        return $"postgres://{Uri.EscapeDataString(parts.Username!)}:{Uri.EscapeDataString(parts.Password ?? string.Empty)}@{parts.Host}:{parts.Port}/{parts.Database}";
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed record Availability(PostgresServer? Server, string? Missing = null, string? Failure = null);

    private static async Task<Availability> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } given)
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(given);
                var user = new NpgsqlConnectionStringBuilder(given) { Database = null };
                return new Availability(new PostgresServer(builder.ConnectionString, user.ConnectionString, $"{ConnectionVariable} ({builder.Host}:{builder.Port})"));
            }
            catch (ArgumentException e)
            {
                return new Availability(null, Failure: $"{ConnectionVariable} is not an Npgsql connection string: {e.Message}");
            }
        }
        if (FindBinaries() is not { } binaries)
        {
            return new Availability(
                null,
                Missing: "The PostgreSQL tests need PostgreSQL: no server binaries were found (pg_config --bindir, /usr/lib/postgresql/*/bin). "
                    + "Install them with `apt-get install -y postgresql-15`, or set TIMELINE_TEST_POSTGRES to the connection string "
                    + "of a role that may CREATE DATABASE.");
        }
        try
        {
            return new Availability(await LocalCluster.StartAsync(binaries).ConfigureAwait(false));
        }
        catch (Exception e)
        {
            return new Availability(null, Failure: $"could not start a throwaway PostgreSQL cluster from {binaries}: {e.Message}");
        }
    }

    /// <summary>
    /// The folder of the PostgreSQL server binaries (initdb, pg_ctl): <c>TIMELINE_TEST_POSTGRES_BIN</c> when set, else
    /// <c>pg_config --bindir</c>, else the highest version under <c>/usr/lib/postgresql</c>; null when none has them.
    /// </summary>
    public static string? FindBinaries()
    {
        static bool Has(string? folder) => folder is not null && File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl"));

        if (Environment.GetEnvironmentVariable(BinariesVariable) is { Length: > 0 } given)
        {
            return Has(given) ? given : null;
        }
        try
        {
            var fromPgConfig = Run("pg_config", ["--bindir"], asPostgres: false).Trim();
            if (Has(fromPgConfig))
            {
                return fromPgConfig;
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
        }
        const string Root = "/usr/lib/postgresql";
        return Directory.Exists(Root)
            ? Directory.GetDirectories(Root)
                .Select(version => Path.Combine(version, "bin"))
                .Where(Has)
                .OrderByDescending(folder => int.TryParse(Path.GetFileName(Path.GetDirectoryName(folder)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
    }

    /// <summary>Runs a program (as the postgres user when this process is root) and returns its output.</summary>
    internal static string Run(string program, IReadOnlyList<string> arguments, bool asPostgres, string? input = null)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
        };
        if (asPostgres && Environment.IsPrivilegedProcess)
        {
            start.FileName = "runuser";
            foreach (var argument in (string[])["-u", "postgres", "--", program])
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = program;
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} took longer than 60 s");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result.Trim()} {output.Result.Trim()}");
        }
        return output.Result;
    }

    /// <summary>A cluster in a temp folder, stopped and deleted when the process exits.</summary>
    private static class LocalCluster
    {
        public static async Task<PostgresServer> StartAsync(string binaries)
        {
            RemoveAbandonedClusters();
            var folder = Path.Combine(Path.GetTempPath(), $"timeline-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
            Directory.CreateDirectory(folder);
            var data = Path.Combine(folder, "data");
            if (Environment.IsPrivilegedProcess)
            {
                Run("chown", ["postgres:postgres", folder], asPostgres: false);
            }
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Remove(binaries, folder, data);

            var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            Run(Path.Combine(binaries, "initdb"),
                ["-D", data, "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
                asPostgres: true);

            Exception? last = null;
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var port = FreePort();
                var settings = new StringBuilder()
                    .AppendLine()
                    .AppendLine("# Timeline test cluster: throwaway, so durability is traded for speed.")
                    .AppendLine("listen_addresses = '127.0.0.1'")
                    .AppendLine($"port = {port}")
                    .AppendLine($"unix_socket_directories = '{folder}'")
                    .AppendLine("max_connections = 300")
                    .AppendLine("fsync = off")
                    .AppendLine("synchronous_commit = off")
                    .AppendLine("full_page_writes = off")
                    .AppendLine("shared_buffers = 32MB");
                File.AppendAllText(Path.Combine(data, "postgresql.conf"), settings.ToString());
                try
                {
                    Run(Path.Combine(binaries, "pg_ctl"), ["-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "30", "start"], asPostgres: true);
                }
                catch (InvalidOperationException e)
                {
                    last = new InvalidOperationException($"{e.Message}; server log: {Tail(Path.Combine(folder, "server.log"))}", e);
                    continue;
                }
                var admin = new NpgsqlConnectionStringBuilder { Host = folder, Port = port, Username = "postgres", Database = "postgres", Pooling = false }.ConnectionString;
                await using (var connection = new NpgsqlConnection(admin))
                {
                    await connection.OpenAsync().ConfigureAwait(false);
                    await using var command = connection.CreateCommand();
                    command.CommandText = $"CREATE ROLE {Role} LOGIN CREATEDB PASSWORD '{password}'";
                    await command.ExecuteNonQueryAsync().ConfigureAwait(false);
                }
                var user = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = Role, Password = password }.ConnectionString;
                return new PostgresServer(admin, user, $"a throwaway cluster in {folder} on 127.0.0.1:{port}");
            }
            throw last!;
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private static string Tail(string log) => File.Exists(log) ? string.Join(" | ", File.ReadLines(log).TakeLast(5)) : "(none)";

        private static void Remove(string binaries, string folder, string data)
        {
            try
            {
                if (File.Exists(Path.Combine(data, "postmaster.pid")))
                {
                    Run(Path.Combine(binaries, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], asPostgres: true);
                }
            }
            catch (InvalidOperationException)
            {
            }
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        /// <summary>Deletes clusters of test processes that died before they could clean up (their server is gone too).</summary>
        private static void RemoveAbandonedClusters()
        {
            foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), "timeline-pg-*"))
            {
                var parts = Path.GetFileName(folder).Split('-');
                if (parts.Length < 3 || !int.TryParse(parts[2], out var pid) || IsRunning(pid))
                {
                    continue;
                }
                var pidFile = Path.Combine(folder, "data", "postmaster.pid");
                if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var postmaster) && IsRunning(postmaster))
                {
                    continue;
                }
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }

        private static bool IsRunning(int pid)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                return !process.HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
    }
}
