using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Restaurant;

namespace PolicyAudit.Benchmarks.Override;

/// <summary>
/// Override family on SQLite: durable, hash-chained override appends through <see cref="IOverrideRecorder"/> (a file
/// in WAL mode, synchronous=FULL), by 1 and 8 concurrent writers, against a plain INSERT of a row of the same size,
/// one per transaction, with the same journal and synchronous settings. Times are per append. Target: at least 0.5x
/// the plain INSERT's appends per second.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Override")]
public class SqliteOverrideBenchmarks
{
    private string _folder = null!;
    private string _plainConnectionString = null!;
    private string _payload = null!;
    private ServiceProvider _provider = null!;
    private IOverrideRecorder _recorder = null!;
    private PolicyAudit.Decision _decision = null!;
    private long _plainId;

    [Params(1, 8)]
    public int Writers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("policyaudit-bench-sqlite-").FullName;
        var services = new ServiceCollection();
        services.AddPolicyAudit(o => o.AddRunningPolicies()).UseSqlite(Path.Combine(_folder, "evidence.db"));
        _provider = services.BuildServiceProvider();
        _recorder = _provider.GetRequiredService<IOverrideRecorder>();
        _decision = _provider.GetRequiredService<IPolicyEngine>().Evaluate(OverrideScenario.Request);
        if (_decision.IsAllowed)
        {
            throw new InvalidOperationException("The override scenario's request must be denied, or there is nothing to override.");
        }

        _payload = new string('x', OverrideScenario.PayloadLength(_decision));
        _plainConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "plain.db"), Pooling = true }.ToString();
        using var connection = OpenPlain();
        using var create = connection.CreateCommand();
        create.CommandText = "PRAGMA journal_mode = WAL; CREATE TABLE overrides (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, payload TEXT NOT NULL);";
        create.ExecuteNonQuery();
        Console.WriteLine($"// SQLite in {_folder}, override payload {_payload.Length} characters");
    }

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task CleanupAsync()
    {
        await _provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = OverrideScenario.AppendsPerInvocation, Description = "plain INSERT, synchronous=FULL")]
    public Task PlainInsert() => OverrideScenario.Split(Writers, count =>
    {
        using var connection = OpenPlain();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO overrides (id, at, payload) VALUES ($id, $at, $payload);";
        var id = insert.Parameters.Add("$id", SqliteType.Integer);
        var at = insert.Parameters.Add("$at", SqliteType.Integer);
        insert.Parameters.AddWithValue("$payload", _payload);
        for (var i = 0; i < count; i++)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            insert.Transaction = transaction;
            id.Value = Interlocked.Increment(ref _plainId);
            at.Value = DateTime.UtcNow.Ticks;
            insert.ExecuteNonQuery();
            transaction.Commit();
        }

        return Task.CompletedTask;
    });

    [Benchmark(OperationsPerInvoke = OverrideScenario.AppendsPerInvocation, Description = "IOverrideRecorder, hash-chained, durable")]
    public Task RecordOverride() => OverrideScenario.Split(Writers, async count =>
    {
        for (var i = 0; i < count; i++)
        {
            await _recorder.OverrideAsync(OverrideScenario.Fresh(_decision), OverrideScenario.Manager, OverrideScenario.Justification);
        }
    });

    private SqliteConnection OpenPlain()
    {
        var connection = new SqliteConnection(_plainConnectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = FULL;";
        pragma.ExecuteNonQuery();
        return connection;
    }
}
