namespace PolicyAudit.Rules;

/// <summary>A working memory of facts plus an agenda of rules ready to fire. Changes to facts are propagated through
/// the network at once: inserting, updating or retracting a fact creates, updates or cancels activations, flips
/// <c>Not</c>/<c>Exists</c> both ways and changes query results. Facts are identified by <see cref="object.Equals(object)"/>.
/// Not thread-safe: use a session from one thread at a time, and do not change it from its own event handlers.
/// A session holds no unmanaged resources and is not disposable; drop it when done.</summary>
public interface ISession
{
    /// <summary>The session's events (facts changed, activations created and deleted, rules firing).</summary>
    ISessionEvents Events { get; }

    /// <summary>Inserts a fact.</summary>
    /// <param name="fact">The fact.</param>
    /// <exception cref="ArgumentException">An equal fact is already in working memory.</exception>
    /// <exception cref="RuleConditionEvaluationException">A condition threw; the fact is not left in working memory.</exception>
    void Insert(object fact);

    /// <summary>Inserts several facts; none is inserted when any of them is null, repeated, or already present.</summary>
    /// <param name="facts">The facts.</param>
    /// <exception cref="ArgumentException">A fact is null, repeated or already in working memory.</exception>
    void InsertAll(IEnumerable<object> facts);

    /// <summary>Inserts a fact unless an equal one is already in working memory.</summary>
    /// <param name="fact">The fact.</param>
    /// <returns>True when inserted.</returns>
    bool TryInsert(object fact);

    /// <summary>Re-evaluates a fact that changed (the same instance, or an equal replacement instance).</summary>
    /// <param name="fact">The fact.</param>
    /// <exception cref="ArgumentException">The fact is not in working memory.</exception>
    /// <exception cref="RuleConditionEvaluationException">A condition threw; the fact stays in working memory but some
    /// of its matches may not reflect the change, so retract it or fix it and update again.</exception>
    void Update(object fact);

    /// <summary>Removes a fact, cancelling the activations that depended on it.</summary>
    /// <param name="fact">The fact.</param>
    /// <exception cref="ArgumentException">The fact is not in working memory.</exception>
    void Retract(object fact);

    /// <summary>Removes a fact if it is in working memory.</summary>
    /// <param name="fact">The fact.</param>
    /// <returns>True when removed.</returns>
    bool TryRetract(object fact);

    /// <summary>Fires rules until none is ready or an action calls <see cref="IContext.Halt"/>. Higher priority
    /// fires first; equal priorities fire in the order they became ready.</summary>
    /// <returns>How many rules fired.</returns>
    /// <exception cref="RuleActionEvaluationException">An action threw; its activation is consumed and the actions
    /// before it in the same firing keep their effects.</exception>
    /// <exception cref="InvalidOperationException">Called from an action or event handler while the session fires.</exception>
    int Fire();

    /// <summary>Fires at most <paramref name="maxRulesNumber"/> rules.</summary>
    /// <param name="maxRulesNumber">The most rules to fire.</param>
    /// <returns>How many rules fired.</returns>
    int Fire(int maxRulesNumber);

    /// <summary>Fires rules until none is ready or the token is cancelled (checked before each rule fires;
    /// cancellation stops firing without throwing).</summary>
    /// <param name="cancellationToken">Stops firing when cancelled.</param>
    /// <returns>How many rules fired.</returns>
    int Fire(CancellationToken cancellationToken);

    /// <summary>The facts of type <typeparamref name="T"/> in working memory, including yielded and inserted ones.
    /// Do not change the session while enumerating.</summary>
    /// <typeparam name="T">The fact type (derived types included).</typeparam>
    /// <returns>The facts.</returns>
    IEnumerable<T> Query<T>();

    /// <summary>Why a rule fired: one entry per firing, with the facts it matched, in firing order.</summary>
    /// <param name="ruleName">The rule's name.</param>
    /// <returns>The firings of the rule (empty when it did not fire).</returns>
    /// <exception cref="ArgumentException">No rule has that name.</exception>
    IReadOnlyList<RuleFiring> WhyFired(string ruleName);

    /// <summary>Why a rule did not fire: the first element and condition that no fact met, or that it is ready
    /// but the session was not fired, or that it did fire.</summary>
    /// <param name="ruleName">The rule's name.</param>
    /// <returns>The explanation.</returns>
    /// <exception cref="ArgumentException">No rule has that name.</exception>
    WhyNotExplanation WhyNot(string ruleName);

    /// <summary>Explains the whole session: every firing in order, and why each rule that never fired did not.</summary>
    /// <returns>The explanation.</returns>
    SessionExplanation Explain();
}
