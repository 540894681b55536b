namespace PolicyAudit;

/// <summary>How durable an append must be before it returns.</summary>
public enum AppendDurability
{
    /// <summary>On stable storage before the call returns (overrides, outcomes, imports).</summary>
    Durable = 0,

    /// <summary>Committed, but the store may delay the flush to stable storage (high-volume decision batches).</summary>
    Batched = 1,
}
