using Microsoft.Extensions.Logging;

namespace PolicyAudit;

/// <summary>Writes the policy catalog to the evidence store: one <see cref="PolicyRecord"/> per policy version not already there.</summary>
internal static class PolicyCatalog
{
    public static async Task WriteAsync(IEvidenceStore store, PolicySet set, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var ids = set.Policies.Select(p => PolicyRecord.RecordIdFor(p.Id, p.Version)).ToArray();
        var known = await store.FindExistingAsync(EvidenceKind.Policy, ids, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var records = set.Policies
            .Where(p => !known.Contains(PolicyRecord.RecordIdFor(p.Id, p.Version)))
            .Select(p => (EvidenceRecord)new PolicyRecord
            {
                Id = PolicyRecord.RecordIdFor(p.Id, p.Version),
                At = now,
                PolicyId = p.Id,
                Title = p.Title,
                Owner = p.Owner,
                OverridableBy = p.OverridableBy,
                Rationale = p.Rationale,
                Version = p.Version,
            })
            .ToArray();
        if (records.Length > 0)
        {
            await store.AppendAsync(records, AppendDurability.Durable, cancellationToken).ConfigureAwait(false);
        }

        Log.CatalogWritten(logger, records.Length, known.Count);
    }
}
