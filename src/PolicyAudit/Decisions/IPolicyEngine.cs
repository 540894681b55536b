namespace PolicyAudit;

/// <summary>
/// Evaluates the compiled policy set (NRules rules) against the facts of one request. Implementations are thread-safe:
/// one engine serves the whole application; each call borrows an NRules session of its own from a pool.
/// </summary>
public interface IPolicyEngine
{
    /// <summary>The version of the compiled policy set: a hash of the policy definitions.</summary>
    string PolicySetVersion { get; }

    /// <summary>The policies this engine evaluates, in id order.</summary>
    IReadOnlyList<PolicyDescriptor> Policies { get; }

    /// <summary>Evaluates the policy set against <paramref name="facts"/> and returns the decision.</summary>
    /// <param name="facts">The facts of the request (an order, a customer, a table...). None may be null.</param>
    /// <returns>The decision; it is also queued for the evidence store.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> or one of its elements is null.</exception>
    /// <exception cref="ArgumentException">The same object is passed twice, or two <see cref="ServiceContext"/>s are.</exception>
    /// <exception cref="PolicyEvaluationException">A policy's condition, reason or dependency failed; no decision is recorded.</exception>
    Decision Evaluate(params object[] facts);
}
