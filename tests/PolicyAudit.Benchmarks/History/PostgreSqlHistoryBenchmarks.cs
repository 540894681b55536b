using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using PolicyAudit.Benchmarks.Report;
using PolicyAudit.Tests.Shared;

namespace PolicyAudit.Benchmarks.History;

/// <summary>
/// History family on PostgreSQL: the same guest and the same evidence as <see cref="SqliteHistoryBenchmarks"/>, copied
/// row for row (chain and query columns, through the store's own triggers) from the generated SQLite file into a
/// store on a throw-away server. Without PostgreSQL binaries the family says why and measures nothing.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("History")]
public class PostgreSqlHistoryBenchmarks
{
    private PostgresServer? _server;
    private IEvidenceStore _store = null!;

    [Params(10_000, 100_000, 1_000_000)]
    public int Events { get; set; }

    // Synchronous, because not every BenchmarkDotNet toolchain awaits an asynchronous setup.
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        if (PostgresServer.UnavailableReason is { } reason)
        {
            Console.WriteLine($"// PostgreSQL history benchmarks skipped: {reason}");
            return;
        }

        _server = new PostgresServer();
        var connectionString = await _server.CreateDatabaseAsync("history");
        _store = await PostgreSqlEvidence.OpenAsync(connectionString);
        await CopyAsync(await EvidenceFile.EnsureAsync(Events), connectionString);
        await HistoryCase.CheckAgreementAsync(_store, Events, "PostgreSQL");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_server is null)
        {
            return;
        }

        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        NpgsqlConnection.ClearAllPools();
        _server.Dispose();
    }

    [Benchmark(Baseline = true, Description = "scan of the chain (before)")]
    public Task<CustomerHistory?> Scan() => _server is null ? Task.FromResult<CustomerHistory?>(null) : ScanAsync();

    [Benchmark(Description = "CustomerHistory.LoadAsync (index)")]
    public Task<CustomerHistory?> Indexed() => _server is null ? Task.FromResult<CustomerHistory?>(null) : IndexedAsync();

    private async Task<CustomerHistory?> ScanAsync() => await ChainScanHistory.LoadAsync(_store, HistoryCase.Guest, HistoryCase.Window);

    private async Task<CustomerHistory?> IndexedAsync() => await CustomerHistory.LoadAsync(_store, HistoryCase.Guest, HistoryCase.Window);

    private static async Task CopyAsync(string sqlitePath, string connectionString)
    {
        using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqlitePath, Mode = SqliteOpenMode.ReadOnly }.ToString()))
        {
            source.Open();
            using var select = source.CreateCommand();
            select.CommandText = "SELECT sequence, kind, id, at, payload, prev_hash, hash, customer, decision_id FROM evidence ORDER BY sequence;";
            using var reader = select.ExecuteReader();
            await using var target = new NpgsqlConnection(connectionString);
            await target.OpenAsync();
            await using (var copy = await target.BeginBinaryImportAsync(
                "COPY policyaudit.evidence (sequence, kind, id, at, payload, prev_hash, hash, customer, decision_id) FROM STDIN (FORMAT BINARY)"))
            {
                while (reader.Read())
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(reader.GetInt64(0), NpgsqlDbType.Bigint);
                    for (var column = 1; column <= 8; column++)
                    {
                        if (column == 3)
                        {
                            await copy.WriteAsync(reader.GetInt64(3), NpgsqlDbType.Bigint);
                        }
                        else if (reader.IsDBNull(column))
                        {
                            await copy.WriteNullAsync();
                        }
                        else
                        {
                            await copy.WriteAsync(reader.GetString(column), NpgsqlDbType.Text);
                        }
                    }
                }

                await copy.CompleteAsync();
            }

            await using var analyze = new NpgsqlCommand("ANALYZE policyaudit.evidence;", target);
            await analyze.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
    }
}
