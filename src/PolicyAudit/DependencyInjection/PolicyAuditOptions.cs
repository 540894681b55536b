using System.Linq.Expressions;
using System.Reflection;

namespace PolicyAudit;

/// <summary>
/// What <c>services.AddPolicyAudit(o => ...)</c> configures: the policies, the clock, the placeholder justifications
/// refused in overrides, the decision buffer, and how a decision's facts are kept (masked properties, the pseudonym
/// key, the size limit). The methods return the options, so calls chain. Not thread-safe: configure once, at start-up.
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

    /// <summary>The most a decision's stored facts take unless set: 16 KB of JSON.</summary>
    public const int DefaultFactsSizeLimit = 16 * 1024;

    private readonly List<Type> _policyTypes = [];
    private readonly List<(Type FactType, string Property, Redaction How)> _redactions = [];
    private byte[]? _pseudonymKey;
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

    /// <summary>The most, in bytes of JSON, a decision's stored facts take; larger facts are stored cut (see <see cref="LimitFactsTo"/>).</summary>
    public int FactsSizeLimit { get; private set; } = DefaultFactsSizeLimit;

    /// <summary>False after <see cref="StoreNoFacts"/>: decisions then keep only their facts' digest.</summary>
    public bool StoresFacts { get; private set; } = true;

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

    /// <summary>
    /// Masks a property of a fact class you cannot mark with <see cref="RedactAttribute"/> (a class from another
    /// library): decisions store it as a keyed pseudonym or not at all, never its value. It applies to
    /// <typeparamref name="TFact"/> and every class derived from it.
    /// </summary>
    /// <typeparam name="TFact">The fact class (or interface).</typeparam>
    /// <param name="property">The property, as <c>g =&gt; g.Email</c>.</param>
    /// <param name="how">Pseudonym (the default; dropped when no <see cref="PseudonymKey"/> is set) or drop.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentException"><paramref name="property"/> is not a property of <typeparamref name="TFact"/>.</exception>
    public PolicyAuditOptions Redact<TFact>(Expression<Func<TFact, object?>> property, Redaction how = Redaction.Pseudonym)
    {
        ArgumentNullException.ThrowIfNull(property);
        if (!Enum.IsDefined(how))
        {
            throw new ArgumentOutOfRangeException(nameof(how), how, "Choose Redaction.Pseudonym or Redaction.Drop.");
        }

        var body = property.Body is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert ? convert.Operand : property.Body;
        if (body is not MemberExpression { Member: PropertyInfo info } member || member.Expression != property.Parameters[0])
        {
            throw new ArgumentException(
                $"Redact<{typeof(TFact).Name}> needs a property of {typeof(TFact).Name} itself, as in x => x.Email, not '{property.Body}'. For a property of a nested object, redact it on that object's class.",
                nameof(property));
        }

        _redactions.RemoveAll(r => r.FactType == typeof(TFact) && r.Property == info.Name);
        _redactions.Add((typeof(TFact), info.Name, how));
        return this;
    }

    /// <summary>
    /// Sets the key masked properties are pseudonymised under (HMAC-SHA256): equal values give equal pseudonyms, so
    /// a review can still tell that the same guest came back, but nobody without the key can test a guess. Keep it
    /// in your secret store, give every instance the same one and keep it for as long as you keep evidence: a new
    /// key gives new pseudonyms. Without a key, properties marked for a pseudonym are dropped instead.
    /// </summary>
    /// <param name="key">At least 32 random bytes (<c>RandomNumberGenerator.GetBytes(32)</c>); copied.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is shorter than 32 bytes.</exception>
    public PolicyAuditOptions PseudonymKey(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
        {
            throw new ArgumentException($"A pseudonym key needs at least 32 random bytes, not {key.Length}: a short key lets anyone who guesses it test values against the pseudonyms. Generate one with RandomNumberGenerator.GetBytes(32).", nameof(key));
        }

        _pseudonymKey = (byte[])key.Clone();
        return this;
    }

    /// <summary>
    /// Sets the most, in bytes of JSON, a decision's stored facts take. Facts over the limit are stored cut: facts
    /// are kept whole in the order given while they fit, and the rest are listed by type with their values marked
    /// as omitted. Cutting never fails a decision.
    /// </summary>
    /// <param name="bytes">The limit, at least 1,024.</param>
    /// <returns>These options.</returns>
    public PolicyAuditOptions LimitFactsTo(int bytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, 1024);
        FactsSizeLimit = bytes;
        return this;
    }

    /// <summary>
    /// Stores no facts with decisions, only their digest. Reviews then cannot say what change would fit what staff
    /// did, and decisions cannot be replayed against a changed policy.
    /// </summary>
    /// <returns>These options.</returns>
    public PolicyAuditOptions StoreNoFacts()
    {
        StoresFacts = false;
        return this;
    }

    /// <summary>The recorder the engine keeps facts with, as configured.</summary>
    internal FactsRecorder CreateFactsRecorder() => new(new FactMasking([.. _redactions], _pseudonymKey), FactsSizeLimit, StoresFacts);
}
