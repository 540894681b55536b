using PolicyAudit.Tests.Shared;

namespace PolicyAudit.PostgreSql.Tests;

/// <summary>The shared store contract, run against a fresh database on a throw-away PostgreSQL server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlEvidenceStoreContractTests(PostgresServer server) : DurableEvidenceStoreContractTests
{
    private string? _connectionString;

    protected override async Task<IEvidenceStore> CreateStoreAsync()
    {
        _connectionString = await server.CreateDatabaseAsync("contract");
        return await PostgreSqlEvidence.OpenAsync(_connectionString);
    }

    protected override Task<IEvidenceStore> ReopenAsync() => PostgreSqlEvidence.OpenAsync(_connectionString!);

    protected override async Task TamperWithPayloadAsync(IEvidenceStore store, long sequence, Func<string, string> change)
    {
        var payload = (string)(await RawPostgres.ScalarAsync(_connectionString!, "SELECT payload FROM policyaudit.evidence WHERE sequence = @s", ("s", sequence)))!;
        await RawPostgres.TamperAsync(_connectionString!, "UPDATE policyaudit.evidence SET payload = @p WHERE sequence = @s", ("p", change(payload)), ("s", sequence));
    }

    protected override Task DeleteRecordAsync(IEvidenceStore store, long sequence) =>
        RawPostgres.TamperAsync(_connectionString!, "DELETE FROM policyaudit.evidence WHERE sequence = @s", ("s", sequence));

    protected override Task TamperWithCustomerColumnAsync(IEvidenceStore store, long sequence, string customer) =>
        RawPostgres.TamperAsync(_connectionString!, "UPDATE policyaudit.evidence SET customer = @c WHERE sequence = @s", ("c", customer), ("s", sequence));

    protected override Task SwapPayloadsAsync(IEvidenceStore store, long first, long second) =>
        RawPostgres.TamperAsync(
            _connectionString!,
            """
            UPDATE policyaudit.evidence e SET payload = o.payload
            FROM policyaudit.evidence o
            WHERE (e.sequence, o.sequence) IN ((@a, @b), (@b, @a))
            """,
            ("a", first),
            ("b", second));
}
