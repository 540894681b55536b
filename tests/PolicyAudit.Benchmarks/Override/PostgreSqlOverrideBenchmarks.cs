using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PolicyAudit.Tests.Shared;
using Restaurant;

namespace PolicyAudit.Benchmarks.Override;

/// <summary>
/// Override family on PostgreSQL: durable, hash-chained override appends through <see cref="IOverrideRecorder"/>,
/// by 1 and 8 concurrent writers, against a plain INSERT of a row of the same size, one per transaction, with the
/// same durability (<c>synchronous_commit = on</c>, a throw-away server with <c>fsync = on</c>). Times are per append.
/// Target: at least 0.5x the plain INSERT's appends per second. Without PostgreSQL binaries the family says why and
/// measures nothing.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Override")]
public class PostgreSqlOverrideBenchmarks
{
    private PostgresServer? _server;
    private NpgsqlDataSource _plain = null!;
    private string _payload = null!;
    private ServiceProvider _provider = null!;
    private IOverrideRecorder _recorder = null!;
    private PolicyAudit.Decision _decision = null!;
    private long _plainId;

    [Params(1, 8)]
    public int Writers { get; set; }

    // Synchronous, because not every BenchmarkDotNet toolchain awaits an asynchronous setup.
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        if (PostgresServer.UnavailableReason is { } reason)
        {
            Console.WriteLine($"// PostgreSQL override benchmarks skipped: {reason}");
            return;
        }

        _server = new PostgresServer { SyncToDisk = true };
        var connectionString = await _server.CreateDatabaseAsync("bench");
        var services = new ServiceCollection();
        services.AddPolicyAudit(o => o.AddRunningPolicies()).UsePostgreSql(connectionString);
        _provider = services.BuildServiceProvider();
        _recorder = _provider.GetRequiredService<IOverrideRecorder>();
        _decision = _provider.GetRequiredService<IPolicyEngine>().Evaluate(OverrideScenario.Request);
        _payload = new string('x', OverrideScenario.PayloadLength(_decision));
        _plain = NpgsqlDataSource.Create(connectionString);
        await using var create = _plain.CreateCommand(
            "SET synchronous_commit = on; CREATE TABLE plain_overrides (id bigint PRIMARY KEY, at bigint NOT NULL, payload text NOT NULL);");
        await create.ExecuteNonQueryAsync();
        Console.WriteLine($"// PostgreSQL on port {_server.Port} with fsync on, override payload {_payload.Length} characters");
    }

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task CleanupAsync()
    {
        if (_server is null)
        {
            return;
        }

        await _provider.DisposeAsync();
        await _plain.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        _server.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = OverrideScenario.AppendsPerInvocation, Description = "plain INSERT, synchronous_commit=on")]
    public Task PlainInsert() => _server is null ? Task.CompletedTask : OverrideScenario.Split(Writers, async count =>
    {
        await using var connection = await _plain.OpenConnectionAsync();
        await using var insert = new NpgsqlCommand("INSERT INTO plain_overrides (id, at, payload) VALUES ($1, $2, $3);", connection);
        var id = insert.Parameters.Add(new NpgsqlParameter<long>());
        var at = insert.Parameters.Add(new NpgsqlParameter<long>());
        insert.Parameters.Add(new NpgsqlParameter<string>{ TypedValue = _payload });
        for (var i = 0; i < count; i++)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            insert.Transaction = transaction;
            ((NpgsqlParameter<long>)id).TypedValue = Interlocked.Increment(ref _plainId);
            ((NpgsqlParameter<long>)at).TypedValue = DateTime.UtcNow.Ticks;
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
    });

    [Benchmark(OperationsPerInvoke = OverrideScenario.AppendsPerInvocation, Description = "IOverrideRecorder, hash-chained, durable")]
    public Task RecordOverride() => _server is null ? Task.CompletedTask : OverrideScenario.Split(Writers, async count =>
    {
        for (var i = 0; i < count; i++)
        {
            await _recorder.OverrideAsync(OverrideScenario.Fresh(_decision), OverrideScenario.Manager, OverrideScenario.Justification);
        }
    });
}
