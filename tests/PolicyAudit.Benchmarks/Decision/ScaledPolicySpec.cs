namespace PolicyAudit.Benchmarks.Decision;

/// <summary>One generated policy: its id, which facts it matches and its limit.</summary>
/// <param name="Id">The policy id.</param>
/// <param name="Shape">What it matches: a bill, a comp, or both (two facts).</param>
/// <param name="Limit">The limit on the bill's total, or on the comp's value; a two-fact policy limits the comp to a tenth of it.</param>
public sealed record ScaledPolicySpec(string Id, ScaledPolicyShape Shape, decimal Limit)
{
    /// <summary>The reason the policy gives when it fires (the policy and the plain rule build the same text).</summary>
    public const string Over = " is over the limit of ";
}
