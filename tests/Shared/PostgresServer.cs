using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace PolicyAudit.Tests.Shared;

/// <summary>
/// A throw-away PostgreSQL server for tests: <c>initdb</c> into a temp folder, listening on a free loopback port
/// only, started on first use and deleted on dispose. Finds the binaries on PATH, in <c>POLICYAUDIT_PG_BIN</c>, or in
/// the usual install folders; when they are absent, <see cref="UnavailableReason"/> says so and tests marked
/// <see cref="PostgresFactAttribute"/> are skipped. When run as root, the server runs as the <c>postgres</c> user (or
/// <c>nobody</c>), because PostgreSQL refuses to run as root. Uses no client library, so any test project may link it.
/// Thread-safe.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    /// <summary>The superuser the cluster is created with (trust authentication, loopback only).</summary>
    public const string Superuser = "postgres";

    private static readonly Lazy<(string? Bin, string? Reason)> Binaries = new(FindBinaries);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _folder;
    private readonly string? _runAs;
    private bool _initialized;
    private bool _running;
    private int _databases;
    private bool _disposed;

    /// <summary>Prepares a server; nothing starts until it is first used.</summary>
    public PostgresServer()
    {
        _folder = Path.Combine(Path.GetTempPath(), "policyaudit-pg-" + Guid.NewGuid().ToString("N"));
        _runAs = IsRoot() ? UnprivilegedUser() : null;
    }

    /// <summary>Why no server can be started here (binaries not found); null when one can.</summary>
    public static string? UnavailableReason => Binaries.Value.Reason;

    /// <summary>
    /// Whether the server flushes its WAL to disk (PostgreSQL's <c>fsync</c>). Off by default: a test server is thrown
    /// away, and flushing makes every commit wait for the disk. Set before first use, for tests that need real
    /// durability (crash recovery).
    /// </summary>
    public bool SyncToDisk { get; set; }

    /// <summary>The loopback port the server listens on (0 until it has started).</summary>
    public int Port { get; private set; }

    /// <summary>A connection string to <paramref name="database"/> as <paramref name="user"/>.</summary>
    /// <param name="database">The database.</param>
    /// <param name="user">The role; the superuser by default.</param>
    /// <returns>The connection string (Npgsql syntax).</returns>
    public string ConnectionString(string database, string user = Superuser) =>
        $"Host=127.0.0.1;Port={Port};Username={user};Database={database};Timeout=5;Command Timeout=30";

    /// <summary>Starts the server when it is not running, then creates a new, empty database.</summary>
    /// <param name="prefix">A readable prefix for the database name.</param>
    /// <returns>A connection string to the new database, as the superuser.</returns>
    public async Task<string> CreateDatabaseAsync(string prefix = "test")
    {
        await StartAsync().ConfigureAwait(false);
        var name = $"{prefix}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid().ToString("N")[..8]}".ToLowerInvariant();
        await RunAsync("createdb", asServerUser: false, "-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", Superuser, name).ConfigureAwait(false);
        return ConnectionString(name);
    }

    /// <summary>Starts the server (creating the cluster the first time); does nothing when it is running.</summary>
    /// <returns>A task that completes when the server accepts connections.</returns>
    public async Task StartAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_running)
            {
                return;
            }

            if (!_initialized)
            {
                await InitializeAsync().ConfigureAwait(false);
            }

            await RunAsync("pg_ctl", asServerUser: true, "start", "-w", "-t", "60", "-D", DataFolder, "-l", LogFile).ConfigureAwait(false);
            _running = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the server (fast shutdown: clients are disconnected), keeping its data for a later start.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async Task StopAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_running)
            {
                await RunAsync("pg_ctl", asServerUser: true, "stop", "-w", "-m", "fast", "-D", DataFolder).ConfigureAwait(false);
                _running = false;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the server at once and deletes its folder.</summary>
    public void Dispose()
    {
        _gate.Wait();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_running)
            {
                try
                {
                    RunAsync("pg_ctl", asServerUser: true, "stop", "-w", "-m", "immediate", "-D", DataFolder).GetAwaiter().GetResult();
                }
                catch (InvalidOperationException)
                {
                    // Already gone; the folder is deleted below either way.
                }
            }

            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private string DataFolder => Path.Combine(_folder, "data");

    private string LogFile => Path.Combine(_folder, "server.log");

    private async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        if (_runAs is not null)
        {
            await RunToolAsync("chown", [_runAs, _folder]).ConfigureAwait(false);
        }

        await RunAsync("initdb", asServerUser: true, "-D", DataFolder, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync").ConfigureAwait(false);
        Port = FreePort();

        // Loopback TCP only: no Unix socket to collide with a system server or to need a writable /run folder.
        await File.AppendAllTextAsync(Path.Combine(DataFolder, "postgresql.conf"), $"""

            port = {Port}
            listen_addresses = '127.0.0.1'
            unix_socket_directories = ''
            max_connections = 200
            shared_buffers = 32MB
            fsync = {(SyncToDisk ? "on" : "off")}
            """).ConfigureAwait(false);
        _initialized = true;
    }

    private async Task RunAsync(string tool, bool asServerUser, params string[] arguments)
    {
        var bin = Binaries.Value.Bin ?? throw new InvalidOperationException(UnavailableReason);
        var executable = Path.Combine(bin, OperatingSystem.IsWindows() ? tool + ".exe" : tool);
        if (asServerUser && _runAs is not null)
        {
            await RunToolAsync("runuser", ["-u", _runAs, "--", executable, .. arguments]).ConfigureAwait(false);
        }
        else
        {
            await RunToolAsync(executable, arguments).ConfigureAwait(false);
        }
    }

    private async Task RunToolAsync(string executable, string[] arguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            var log = File.Exists(LogFile) ? await File.ReadAllTextAsync(LogFile).ConfigureAwait(false) : string.Empty;
            throw new InvalidOperationException(
                $"{Path.GetFileName(executable)} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output.ConfigureAwait(false)}\n{await error.ConfigureAwait(false)}\n{log[Math.Max(0, log.Length - 4000)..]}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsRoot() => !OperatingSystem.IsWindows() && Environment.IsPrivilegedProcess;

    private static string UnprivilegedUser()
    {
        try
        {
            using var id = Process.Start(new ProcessStartInfo("id", ["-u", "postgres"]) { RedirectStandardOutput = true, RedirectStandardError = true });
            id!.WaitForExit();
            return id.ExitCode == 0 ? "postgres" : "nobody";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "nobody";
        }
    }

    private static (string? Bin, string? Reason) FindBinaries()
    {
        var exe = OperatingSystem.IsWindows() ? ".exe" : string.Empty;
        bool Has(string folder) => File.Exists(Path.Combine(folder, "initdb" + exe)) && File.Exists(Path.Combine(folder, "pg_ctl" + exe)) && File.Exists(Path.Combine(folder, "createdb" + exe));

        var configured = Environment.GetEnvironmentVariable("POLICYAUDIT_PG_BIN");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Has(configured)
                ? (configured, null)
                : (null, $"PostgreSQL tests skipped: POLICYAUDIT_PG_BIN='{configured}' holds no initdb, pg_ctl and createdb.");
        }

        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(InstallFolders());
        foreach (var folder in candidates)
        {
            if (Has(folder))
            {
                return (folder, null);
            }
        }

        return (null, "PostgreSQL tests skipped: initdb, pg_ctl and createdb were not found on PATH, in POLICYAUDIT_PG_BIN or in the usual install folders (e.g. /usr/lib/postgresql/*/bin).");
    }

    private static IEnumerable<string> InstallFolders()
    {
        static IEnumerable<string> Versions(string root, string pattern, string suffix) =>
            Directory.Exists(root)
                ? Directory.GetDirectories(root, pattern).OrderByDescending(d => d, StringComparer.Ordinal).Select(d => Path.Combine(d, suffix))
                : [];

        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return Versions(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles), "PostgreSQL"), "*", "bin");
        }

        return Versions("/usr/lib/postgresql", "*", "bin")
            .Concat(Versions("/usr", "pgsql-*", "bin"))
            .Concat(Versions("/opt/homebrew/opt", "postgresql@*", "bin"))
            .Concat(Versions("/usr/local/opt", "postgresql@*", "bin"))
            .Append("/usr/local/pgsql/bin")
            .Append("/Applications/Postgres.app/Contents/Versions/latest/bin");
    }
}
