using PolicyAudit.Tests.Shared;

namespace PolicyAudit.Sqlite.Tests;

/// <summary>The shared store contract, run against a SQLite file in a temp folder.</summary>
public sealed class SqliteEvidenceStoreContractTests : DurableEvidenceStoreContractTests, IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private string? _path;

    protected override Task<IEvidenceStore> CreateStoreAsync()
    {
        _path = _folder.File("audit.db");
        return SqliteEvidence.OpenAsync(_path);
    }

    protected override Task<IEvidenceStore> ReopenAsync() => SqliteEvidence.OpenAsync(_path!);

    protected override Task TamperWithPayloadAsync(IEvidenceStore store, long sequence, Func<string, string> change)
    {
        var payload = (string)RawSqlite.Scalar(_path!, "SELECT payload FROM evidence WHERE sequence = $s;", ("$s", sequence))!;
        RawSqlite.Tamper(_path!, "UPDATE evidence SET payload = $p WHERE sequence = $s;", ("$p", change(payload)), ("$s", sequence));
        return Task.CompletedTask;
    }

    protected override Task DeleteRecordAsync(IEvidenceStore store, long sequence)
    {
        RawSqlite.Tamper(_path!, "DELETE FROM evidence WHERE sequence = $s;", ("$s", sequence));
        return Task.CompletedTask;
    }

    protected override Task TamperWithCustomerColumnAsync(IEvidenceStore store, long sequence, string customer)
    {
        RawSqlite.Tamper(_path!, "UPDATE evidence SET customer = $c WHERE sequence = $s;", ("$c", customer), ("$s", sequence));
        return Task.CompletedTask;
    }

    protected override Task SwapPayloadsAsync(IEvidenceStore store, long first, long second)
    {
        RawSqlite.Tamper(
            _path!,
            """
            UPDATE evidence SET payload = CASE sequence
                WHEN $a THEN (SELECT payload FROM evidence WHERE sequence = $b)
                ELSE (SELECT payload FROM evidence WHERE sequence = $a) END
            WHERE sequence IN ($a, $b);
            """,
            ("$a", first),
            ("$b", second));
        return Task.CompletedTask;
    }

    public void Dispose() => _folder.Dispose();
}
