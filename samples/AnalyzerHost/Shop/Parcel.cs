using PolicyAudit;

namespace AnalyzerHost.Shop;

/// <summary>A parcel sent back by post.</summary>
public sealed class Parcel
{
    /// <summary>PA0004: the policy id is misspelt; the analyzer suggests 'refund-window'.</summary>
    [GovernedBy("refund-windw")]
    public int DaysInTransit { get; init; }
}
