namespace PolicyAudit.Benchmarks.Decision;

/// <summary>What a generated policy matches.</summary>
public enum ScaledPolicyShape
{
    /// <summary>One fact: a bill whose total is over the limit.</summary>
    Bill,

    /// <summary>One fact: a comp whose value is over the limit.</summary>
    Comp,

    /// <summary>Two facts (a join): a bill over the limit and a comp over a tenth of it, in the same request.</summary>
    BillAndComp,
}
