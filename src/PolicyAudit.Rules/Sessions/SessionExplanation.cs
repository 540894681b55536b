namespace PolicyAudit.Rules;

/// <summary>Everything that happened in a session: the firings in order, and why each other rule did not fire.</summary>
public sealed class SessionExplanation
{
    /// <summary>Creates the explanation.</summary>
    /// <param name="firings">Every firing, in order.</param>
    /// <param name="notFired">Why each rule that never fired did not.</param>
    public SessionExplanation(IReadOnlyList<RuleFiring> firings, IReadOnlyList<WhyNotExplanation> notFired)
    {
        Firings = firings;
        NotFired = notFired;
    }

    /// <summary>Every firing, in order.</summary>
    public IReadOnlyList<RuleFiring> Firings { get; }

    /// <summary>Why each rule that never fired did not, in rule order.</summary>
    public IReadOnlyList<WhyNotExplanation> NotFired { get; }
}
