namespace PolicyAudit.Rules;

/// <summary>What a firing rule's actions see: the rule, its matched facts, and the session's working memory.
/// Valid only while the action runs.</summary>
public interface IContext
{
    /// <summary>The rule that is firing.</summary>
    IRuleDefinition Rule { get; }

    /// <summary>The facts and values the rule matched, one per binding, in the order of the rule's conditions.</summary>
    IReadOnlyList<FactMatch> Facts { get; }

    /// <summary>Inserts a fact into working memory.</summary>
    /// <param name="fact">The fact.</param>
    /// <exception cref="ArgumentException">An equal fact is already in working memory.</exception>
    void Insert(object fact);

    /// <summary>Inserts a fact unless an equal one is already in working memory.</summary>
    /// <param name="fact">The fact.</param>
    /// <returns>True when inserted.</returns>
    bool TryInsert(object fact);

    /// <summary>Inserts several facts; none is inserted if any is already in working memory.</summary>
    /// <param name="facts">The facts.</param>
    void InsertAll(IEnumerable<object> facts);

    /// <summary>Tells the engine a fact changed, so its rules are re-evaluated.</summary>
    /// <param name="fact">The fact (or an equal replacement instance).</param>
    /// <exception cref="ArgumentException">The fact is not in working memory.</exception>
    void Update(object fact);

    /// <summary>Removes a fact from working memory.</summary>
    /// <param name="fact">The fact.</param>
    /// <exception cref="ArgumentException">The fact is not in working memory.</exception>
    void Retract(object fact);

    /// <summary>Removes a fact from working memory if it is there.</summary>
    /// <param name="fact">The fact.</param>
    /// <returns>True when removed.</returns>
    bool TryRetract(object fact);

    /// <summary>Stops <see cref="ISession.Fire()"/> once the current rule's actions have run.</summary>
    void Halt();
}
