namespace PolicyAudit;

/// <summary>A service a policy declares with <c>Dependency().Resolve(() => service)</c>, resolved when the policy fires.</summary>
/// <param name="PolicyId">The policy's id.</param>
/// <param name="PolicyType">The policy's class.</param>
/// <param name="ServiceType">The service type the policy needs.</param>
internal sealed record PolicyDependency(string PolicyId, Type PolicyType, Type ServiceType);
