namespace PolicyAudit;

/// <summary>
/// Thrown by <see cref="IPolicyEngine.Evaluate"/> when a policy's own code fails: a condition, a join, an aggregate or
/// the outcome's reason threw, or a dependency it declares could not be resolved. The message names the policy (or,
/// for a condition several policies share, each of them) and what it was doing; <see cref="Exception.InnerException"/>
/// is the exception the policy's code threw. No decision is recorded for the request. Immutable.
/// </summary>
public sealed class PolicyEvaluationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="policyIds">The ids of the policies whose code failed.</param>
    /// <param name="message">What failed, naming the policies.</param>
    /// <param name="innerException">What the policy's code threw.</param>
    public PolicyEvaluationException(IReadOnlyList<string> policyIds, string message, Exception? innerException)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(policyIds);
        PolicyIds = policyIds;
    }

    /// <summary>The ids of the policies whose code failed; empty when NRules did not say which.</summary>
    public IReadOnlyList<string> PolicyIds { get; }
}
