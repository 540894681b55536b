namespace PolicyAudit.Benchmarks.Decision;

/// <summary>Makes sure a baseline computes what the engine computes, so the ratio compares like with like.</summary>
internal static class DecisionAgreement
{
    public static void Check(PolicyAudit.Decision engine, HandWrittenDecision handWritten, string what)
    {
        var fromEngine = string.Join(", ", engine.FiredPolicies.Select(p => $"{p.PolicyId}:{p.Outcome}:{p.Reason}"));
        var fromIfs = string.Join(", ", handWritten.Fired.Select(p => $"{p.PolicyId}:{p.Outcome}:{p.Reason}"));
        if (engine.Outcome != handWritten.Outcome || fromEngine != fromIfs)
        {
            throw new InvalidOperationException(
                $"{what}: the engine decided {engine.Outcome} ({fromEngine}) but the hand-written baseline {handWritten.Outcome} ({fromIfs}); the baseline must implement the same policies.");
        }
    }
}
