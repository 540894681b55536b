using NRules.Fluent.Dsl;

namespace PolicyAudit;

/// <summary>
/// A service policy: an NRules rule (<see cref="Rule"/>) whose conditions (<c>When()</c>) match the facts of a request
/// and whose <see cref="Then"/> ends in an outcome: <see cref="PolicyOutcome.Deny(string)"/>,
/// <see cref="PolicyOutcome.RequireApproval(string)"/> or <see cref="PolicyOutcome.Allow(string)"/>. Everything NRules'
/// fluent DSL offers works inside <see cref="Rule.Define"/>: joins, <c>Not</c>/<c>Exists</c>/<c>All</c>, <c>Or</c>,
/// <c>Query</c> with aggregates, <c>Let</c>/<c>Having</c>, priorities and <c>Dependency()</c>. Mark the class with
/// <see cref="PolicyAttribute"/> to give it an id, an owner, the authority needed to override it and the rationale staff
/// can read out to a customer.
/// </summary>
/// <example><code>
/// [Policy("corkage-fee", Title = "Corkage on wine brought in", Owner = "sommelier", OverridableBy = StaffRole.Supervisor,
///         Rationale = "Our wine list pays for the cellar, the glassware and the sommelier's time.")]
/// public sealed class CorkageFee : Policy
/// {
///     public override void Define()
///     {
///         BroughtBottle bottle = null!;
///         When().Match(() => bottle, b => !b.CorkageWaived);
///         Then().Deny(() => "Corkage of " + bottle.Fee + " applies to " + bottle.Wine);
///     }
/// }
/// </code></example>
/// <remarks>
/// <see cref="Rule.Define"/> runs once, when the engine compiles the policy set at start-up; NRules evaluates the
/// compiled definition, never the instance, so a policy is thread-safe as long as its fields do not change.
/// </remarks>
public abstract class Policy : Rule
{
    /// <summary>Starts the policy's outcome: end it with <c>.Deny(...)</c>, <c>.RequireApproval(...)</c> or <c>.Allow(...)</c>.</summary>
    /// <returns>The outcome builder.</returns>
    /// <exception cref="PolicySetException">The class has no <see cref="PolicyAttribute"/>.</exception>
    /// <exception cref="InvalidOperationException">Called outside <see cref="Rule.Define"/>.</exception>
    protected new PolicyOutcome Then() => new(PolicyIdOf(GetType()), base.Then());

    internal static string PolicyIdOf(Type policyType) =>
        PolicyAttributeOf(policyType)?.Id
        ?? throw new PolicySetException($"{policyType.FullName} derives from Policy but has no [Policy(\"some-id\")] attribute; every policy needs an id.");

    internal static PolicyAttribute? PolicyAttributeOf(Type policyType) =>
        (PolicyAttribute?)Attribute.GetCustomAttribute(policyType, typeof(PolicyAttribute), inherit: false);
}
