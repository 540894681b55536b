namespace PolicyAudit.Rules;

/// <summary>A fact that was inserted, updated or retracted.</summary>
public sealed class FactEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    /// <param name="fact">The fact.</param>
    /// <param name="yieldedBy">The rule that yielded the fact, or null.</param>
    public FactEventArgs(object fact, IRuleDefinition? yieldedBy)
    {
        Fact = fact;
        YieldedBy = yieldedBy;
    }

    /// <summary>The fact.</summary>
    public object Fact { get; }

    /// <summary>For a linked fact, the rule that yielded it; otherwise null.</summary>
    public IRuleDefinition? YieldedBy { get; }
}
