namespace PolicyAudit.Benchmarks.Decision;

/// <summary>Collects a baseline's firings and combines them the way the engine does (Deny over RequireApproval over Allow).</summary>
internal sealed class BaselineFirings
{
    private readonly List<BaselineFiring> _fired = new(4);

    public void Add(string policyId, DecisionOutcome outcome, string reason) => _fired.Add(new BaselineFiring(policyId, outcome, reason));

    public void Add(BaselineFiring fired) => _fired.Add(fired);

    public BaselineDecision ToDecision()
    {
        var outcome = DecisionOutcome.Allow;
        foreach (var fired in _fired)
        {
            if (fired.Outcome > outcome)
            {
                outcome = fired.Outcome;
            }
        }

        if (_fired.Count > 1)
        {
            _fired.Sort(static (a, b) => b.Outcome != a.Outcome ? b.Outcome.CompareTo(a.Outcome) : string.CompareOrdinal(a.PolicyId, b.PolicyId));
        }

        return new BaselineDecision(outcome, _fired);
    }
}
