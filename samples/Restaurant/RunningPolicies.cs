using PolicyAudit;

namespace Restaurant;

/// <summary>
/// The policies the restaurant runs: every policy class in <c>Restaurant.Policies</c>. Proposed changes live in
/// <c>Restaurant.Revisions</c> and are tried by replay, never run, so the assembly is not scanned whole.
/// </summary>
public static class RunningPolicies
{
    /// <summary>The running policy classes, by full name.</summary>
    public static IReadOnlyList<Type> Types { get; } = typeof(RunningPolicies).Assembly.GetTypes()
        .Where(t => t.Namespace == "Restaurant.Policies" && typeof(Policy).IsAssignableFrom(t) && !t.IsAbstract)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToArray();

    /// <summary>Adds the running policies to <paramref name="options"/>.</summary>
    /// <param name="options">The options of <c>AddPolicyAudit</c>.</param>
    /// <returns>The options.</returns>
    public static PolicyAuditOptions AddRunningPolicies(this PolicyAuditOptions options)
    {
        foreach (var type in Types)
        {
            options.AddPolicy(type);
        }

        return options;
    }
}
