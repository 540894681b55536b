using System.Reflection;

namespace PolicyAudit;

/// <summary>
/// What <c>services.AddPolicyAudit(o => ...)</c> configures: the policies, the clock, the placeholder justifications
/// refused in overrides and the decision buffer. The methods return the options, so calls chain. Not thread-safe:
/// configure once, at start-up.
/// </summary>
public sealed class PolicyAuditOptions
{
    /// <summary>The justifications refused as placeholders unless <see cref="PlaceholderJustifications"/> says otherwise.</summary>
    public static IReadOnlyList<string> DefaultPlaceholderJustifications { get; } =
    [
        "n/a", "na", "none", "nothing", "ok", "okay", "override", "overridden", "overriding", "yes", "no", "x", "xx", "xxx",
        "test", "tbd", "todo", "-", "?", "because", "reason", "justification", "manager said", "customer asked",
        "asked", "requested", "exception", "fine", "whatever", "misc", "other", "see above", "same",
    ];

    private readonly List<Type> _policyTypes = [];
    private readonly List<string> _placeholders = [.. DefaultPlaceholderJustifications];

    /// <summary>The policy classes added so far, in the order added, without repeats.</summary>
    public IReadOnlyList<Type> PolicyTypes => _policyTypes;

    /// <summary>The clock decisions and records are stamped with; <see cref="TimeProvider.System"/> unless set.</summary>
    public TimeProvider TimeProvider { get; private set; } = TimeProvider.System;

    /// <summary>The justifications refused as placeholders (compared ignoring case, spaces and punctuation).</summary>
    public IReadOnlyList<string> Placeholders => _placeholders;

    /// <summary>How many times a refused decision batch is retried before it is counted as dropped, unless set.</summary>
    public const int DefaultDecisionRetryAttempts = 4;

    /// <summary>The wait before the first retry of a refused decision batch, unless set; each further wait doubles.</summary>
    public static readonly TimeSpan DefaultFirstDecisionRetryDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>How many times a refused decision batch is retried, with doubling waits, before it is counted as dropped.</summary>
    public int DecisionRetryAttempts { get; private set; } = DefaultDecisionRetryAttempts;

    /// <summary>The wait before the first retry of a refused decision batch; each further wait doubles.</summary>
    public TimeSpan FirstDecisionRetryDelay { get; private set; } = DefaultFirstDecisionRetryDelay;

    /// <summary>How many decisions may wait for the evidence store before further ones are dropped (and counted); 10,000 unless set.</summary>
    public int DecisionBufferCapacity { get; private set; } = 10_000;

    /// <summary>Adds every non-abstract <see cref="Policy"/> class of <paramref name="assembly"/> (public or not).</summary>
    /// <param name="assembly">The assembly to scan.</param>
    /// <returns>These options.</returns>
    public PolicyAuditOptions AddPoliciesFrom(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        foreach (var type in assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract && typeof(Policy).IsAssignableFrom(t)).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            AddPolicy(type);
        }

        return this;
    }

    /// <summary>Adds the policy class <typeparamref name="TPolicy"/>.</summary>
    /// <typeparam name="TPolicy">A class deriving from <see cref="Policy"/>, marked with <see cref="PolicyAttribute"/>.</typeparam>
    /// <returns>These options.</returns>
    public PolicyAuditOptions AddPolicy<TPolicy>()
        where TPolicy : Policy, new() => AddPolicy(typeof(TPolicy));

    /// <summary>Adds the policy class <paramref name="policyType"/>.</summary>
    /// <param name="policyType">A non-abstract class deriving from <see cref="Policy"/> with a public parameterless constructor.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentException"><paramref name="policyType"/> is not such a class.</exception>
    public PolicyAuditOptions AddPolicy(Type policyType)
    {
        ArgumentNullException.ThrowIfNull(policyType);
        if (!typeof(Policy).IsAssignableFrom(policyType) || policyType.IsAbstract || !policyType.IsClass)
        {
            throw new ArgumentException($"{policyType.FullName} is not a policy: a policy is a non-abstract class deriving from PolicyAudit.Policy.", nameof(policyType));
        }

        if (!_policyTypes.Contains(policyType))
        {
            _policyTypes.Add(policyType);
        }

        return this;
    }

    /// <summary>Stamps decisions and records with <paramref name="timeProvider"/> (a fake clock in tests and simulations).</summary>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>These options.</returns>
    public PolicyAuditOptions UseTimeProvider(TimeProvider timeProvider)
    {
        TimeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        return this;
    }

    /// <summary>Replaces the placeholder justifications refused in overrides.</summary>
    /// <param name="placeholders">The placeholders ("n/a", "ok", ...); an empty list refuses only blank justifications.</param>
    /// <returns>These options.</returns>
    public PolicyAuditOptions PlaceholderJustifications(params string[] placeholders)
    {
        ArgumentNullException.ThrowIfNull(placeholders);
        if (placeholders.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A placeholder justification must not be blank (blank justifications are always refused).", nameof(placeholders));
        }

        _placeholders.Clear();
        _placeholders.AddRange(placeholders);
        return this;
    }

    /// <summary>Sets how many decisions may wait for the evidence store before further ones are dropped (and counted).</summary>
    /// <param name="capacity">The capacity, at least 1.</param>
    /// <returns>These options.</returns>
    public PolicyAuditOptions DecisionBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        DecisionBufferCapacity = capacity;
        return this;
    }

    /// <summary>
    /// Sets how a decision batch the store refuses (a restarting server, a locked file) is retried: up to
    /// <paramref name="attempts"/> more times, waiting <paramref name="firstDelay"/> and then twice as long each time.
    /// A batch still refused after that is counted as dropped, and the count is recorded.
    /// </summary>
    /// <param name="attempts">The number of retries, 0 or more.</param>
    /// <param name="firstDelay">The first wait, zero or more.</param>
    /// <returns>These options.</returns>
    public PolicyAuditOptions DecisionRetry(int attempts, TimeSpan firstDelay)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempts);
        ArgumentOutOfRangeException.ThrowIfLessThan(firstDelay, TimeSpan.Zero);
        DecisionRetryAttempts = attempts;
        FirstDecisionRetryDelay = firstDelay;
        return this;
    }
}
