namespace PolicyAudit;

/// <summary>
/// The overrides one customer received in a review window, by the set of policies each override counted against, so
/// an owner's packet counts an override once even when it set aside two of that owner's policies. Immutable.
/// </summary>
/// <param name="Customer">The customer's id.</param>
/// <param name="ByPolicies">Per distinct set of policy ids (in id order), how many overrides named exactly that set.</param>
internal sealed record CustomerOverrides(string Customer, IReadOnlyList<(IReadOnlyList<string> Policies, int Overrides)> ByPolicies);
