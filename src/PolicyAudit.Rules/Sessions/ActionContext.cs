namespace PolicyAudit.Rules;

/// <summary>The <see cref="IContext"/> of the firing activation; one per session, re-pointed at each firing.</summary>
internal sealed class ActionContext(Session session) : IContext
{
    private IReadOnlyList<FactMatch>? _facts;
    private Activation? _activation;

    public Activation Activation
    {
        get => _activation ?? throw new InvalidOperationException("The rule context is only valid while a rule's action runs.");
        set
        {
            _activation = value;
            _facts = null;
        }
    }

    public IRuleDefinition Rule => Activation.Rule.Definition;

    public IReadOnlyList<FactMatch> Facts => _facts ??= Activation.Facts();

    public void Insert(object fact) => session.Insert(fact);

    public bool TryInsert(object fact) => session.TryInsert(fact);

    public void InsertAll(IEnumerable<object> facts) => session.InsertAll(facts);

    public void Update(object fact) => session.Update(fact);

    public void Retract(object fact) => session.Retract(fact);

    public bool TryRetract(object fact) => session.TryRetract(fact);

    public void Halt() => session.Halt();

    public void Clear() => _activation = null;
}
