namespace PolicyAudit.Rules;

/// <summary>A working memory, an agenda and the per-session memories of the network's nodes.</summary>
internal sealed class Session : ISession, INetworkContext
{
    private readonly ReteNetwork _network;
    private readonly Dictionary<object, Fact> _facts = [];
    private readonly Agenda _agenda = new();
    private Token?[]? _roots;
    private SessionEvents? _events;
    private List<RuleFiring>? _firings;
    private List<Fact>? _pendingRetractions;
    private ActionContext? _context;
    private bool _initialized;
    private bool _halted;
    private bool _firing;

    public Session(ReteNetwork network)
    {
        _network = network;
        Memories = new object?[network.MemoryCount];
    }

    public object?[] Memories { get; }

    public ReteNetwork Network => _network;

    public ISessionEvents Events => _events ??= new SessionEvents();

    public int AgendaCount => _agenda.Count;

    public IReadOnlyList<RuleFiring> Firings => _firings ?? (IReadOnlyList<RuleFiring>)[];

    public void Insert(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (!TryInsert(fact))
        {
            throw new ArgumentException($"The fact {FactText.Describe(fact)} is already in working memory (an equal fact was inserted before).", nameof(fact));
        }
    }

    public bool TryInsert(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        EnsureInitialized();
        if (_facts.ContainsKey(fact))
        {
            return false;
        }

        InsertCore(fact, null);
        DrainPendingRetractions();
        return true;
    }

    public void InsertAll(IEnumerable<object> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var list = facts.ToList();
        var seen = new HashSet<object>();
        for (var i = 0; i < list.Count; i++)
        {
            var fact = list[i] ?? throw new ArgumentException($"Fact #{i} is null.", nameof(facts));
            if (!seen.Add(fact) || _facts.ContainsKey(fact))
            {
                throw new ArgumentException($"Fact #{i}, {FactText.Describe(fact)}, is repeated or already in working memory; none was inserted.", nameof(facts));
            }
        }

        foreach (var fact in list)
        {
            Insert(fact);
        }
    }

    public void Update(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        EnsureInitialized();
        if (!_facts.TryGetValue(fact, out var existing))
        {
            throw new ArgumentException($"The fact {FactText.Describe(fact)} is not in working memory, so it cannot be updated.", nameof(fact));
        }

        UpdateCore(existing, fact);
        DrainPendingRetractions();
    }

    public void Retract(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (!TryRetract(fact))
        {
            throw new ArgumentException($"The fact {FactText.Describe(fact)} is not in working memory, so it cannot be retracted.", nameof(fact));
        }
    }

    public bool TryRetract(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        EnsureInitialized();
        if (!_facts.TryGetValue(fact, out var existing))
        {
            return false;
        }

        RetractCore(existing);
        DrainPendingRetractions();
        return true;
    }

    public int Fire() => FireCore(int.MaxValue, CancellationToken.None);

    public int Fire(int maxRulesNumber)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRulesNumber);
        return FireCore(maxRulesNumber, CancellationToken.None);
    }

    public int Fire(CancellationToken cancellationToken) => FireCore(int.MaxValue, cancellationToken);

    public IEnumerable<T> Query<T>()
    {
        foreach (var fact in _facts.Values)
        {
            if (fact.Object is T typed)
            {
                yield return typed;
            }
        }
    }

    public IReadOnlyList<RuleFiring> WhyFired(string ruleName)
    {
        var rule = RuleNamed(ruleName);
        return Firings.Where(f => ReferenceEquals(f.Rule, rule.Definition)).ToArray();
    }

    public WhyNotExplanation WhyNot(string ruleName)
    {
        EnsureInitialized();
        return new WhyNotAnalyzer(this).Explain(RuleNamed(ruleName));
    }

    public SessionExplanation Explain()
    {
        EnsureInitialized();
        var analyzer = new WhyNotAnalyzer(this);
        var fired = new HashSet<IRuleDefinition>(Firings.Select(f => f.Rule));
        var notFired = _network.Rules.Where(r => !fired.Contains(r.Definition)).Select(analyzer.Explain).ToArray();
        return new SessionExplanation(Firings.ToArray(), notFired);
    }

    public void Halt() => _halted = true;

    public Token RootOf(Production production)
    {
        _roots ??= new Token?[_network.Productions.Count];
        return _roots[production.NetworkIndex] ??= new Token(null, -1, null, null);
    }

    public Token? PeekRoot(Production production) => _roots?[production.NetworkIndex];

    public bool Contains(Fact fact) => _facts.TryGetValue(fact.Object, out var current) && ReferenceEquals(current, fact);

    public IEnumerable<Fact> Facts => _facts.Values;

    public void OnActivationCreated(Activation activation)
    {
        _agenda.Enqueue(activation);
        _events?.OnActivationCreated(this, activation);
    }

    public void OnActivationUpdated(Activation activation)
    {
        if (!activation.IsQueued && (!activation.HasFired || activation.Rule.Definition.Repeatability == RuleRepeatability.Repeatable))
        {
            _agenda.Enqueue(activation);
        }

        _events?.OnActivationUpdated(this, activation);
    }

    public void OnActivationDeleted(Activation activation)
    {
        _agenda.Remove(activation);
        activation.IsDeleted = true;
        if (activation.Linked is { } linked)
        {
            // Retracting now would re-enter the network while it is propagating; retract once the change settles.
            foreach (var fact in linked)
            {
                if (fact is not null)
                {
                    (_pendingRetractions ??= []).Add(fact);
                }
            }
        }

        _events?.OnActivationDeleted(this, activation);
    }

    private void EnsureInitialized()
    {
        if (_initialized)
        {
            return;
        }

        _initialized = true;
        foreach (var node in _network.EagerFirstNodes)
        {
            node.LeftAssert(this, RootOf(node.Production));
        }
    }

    private Fact InsertCore(object value, Activation? source)
    {
        var fact = new Fact(value) { Source = source };
        _facts.Add(value, fact);
        var typeNodes = _network.TypeNodesFor(value.GetType());
        try
        {
            foreach (var node in typeNodes)
            {
                node.Assert(this, fact);
            }
        }
        catch
        {
            // Leave no half-propagated fact behind: undo what reached the network, then report the first error.
            _facts.Remove(value);
            foreach (var node in typeNodes)
            {
                try
                {
                    node.Retract(this, fact);
                }
                catch (RuleEngineException)
                {
                }
            }

            throw;
        }

        _events?.OnFactInserted(this, fact);
        return fact;
    }

    private void UpdateCore(Fact fact, object value)
    {
        var oldType = fact.Object.GetType();
        if (!ReferenceEquals(fact.Object, value))
        {
            _facts.Remove(fact.Object);
            fact.Object = value;
            _facts.Add(value, fact);
        }

        if (oldType != value.GetType())
        {
            foreach (var node in _network.TypeNodesFor(oldType))
            {
                node.Retract(this, fact);
            }

            foreach (var node in _network.TypeNodesFor(value.GetType()))
            {
                node.Assert(this, fact);
            }
        }
        else
        {
            foreach (var node in _network.TypeNodesFor(value.GetType()))
            {
                node.Update(this, fact);
            }
        }

        _events?.OnFactUpdated(this, fact);
    }

    private void RetractCore(Fact fact)
    {
        _facts.Remove(fact.Object);
        foreach (var node in _network.TypeNodesFor(fact.Object.GetType()))
        {
            node.Retract(this, fact);
        }

        _events?.OnFactRetracted(this, fact);
    }

    private void DrainPendingRetractions()
    {
        var pending = _pendingRetractions;
        while (pending is { Count: > 0 })
        {
            var fact = pending[^1];
            pending.RemoveAt(pending.Count - 1);
            if (Contains(fact))
            {
                RetractCore(fact);
            }
        }
    }

    private int FireCore(int max, CancellationToken cancellationToken)
    {
        if (_firing)
        {
            throw new InvalidOperationException("Fire() was called from a rule action or event handler while the session is firing.");
        }

        EnsureInitialized();
        _halted = false;
        _firing = true;
        var fired = 0;
        try
        {
            while (fired < max && !_halted && !cancellationToken.IsCancellationRequested && _agenda.TryPop(out var activation))
            {
                activation.HasFired = true;
                _events?.OnRuleFiring(this, activation);
                Run(activation);
                (_firings ??= []).Add(new RuleFiring(activation.Production, activation.Token, _firings.Count + 1));
                _events?.OnRuleFired(this, activation);
                fired++;
            }
        }
        finally
        {
            _firing = false;
        }

        return fired;
    }

    private void Run(Activation activation)
    {
        var context = _context ??= new ActionContext(this);
        context.Activation = activation;
        try
        {
            foreach (var action in activation.Production.Actions)
            {
                try
                {
                    if (action.Run is not null)
                    {
                        action.Run(context, activation.Token);
                    }
                    else
                    {
                        Yield(context, activation, action);
                    }
                }
                catch (Exception ex) when (ex is not RuleEngineException)
                {
                    throw new RuleActionEvaluationException(activation.Rule.Definition.Name, action.Text, activation.Token.Values(), ex);
                }
                finally
                {
                    DrainPendingRetractions();
                }
            }
        }
        finally
        {
            context.Clear();
        }
    }

    private void Yield(ActionContext context, Activation activation, CompiledAction action)
    {
        var linked = activation.Linked ??= new Fact?[activation.Production.YieldCount];
        var previous = linked[action.YieldIndex];
        if (previous is not null && !Contains(previous))
        {
            previous = null;
        }

        var value = previous is not null && action.Update is not null
            ? action.Update(context, activation.Token, previous.Object)
            : action.Yield!(context, activation.Token);
        if (value is null)
        {
            throw new InvalidOperationException("The yield returned null; a yielded fact must not be null.");
        }

        if (previous is not null && Equals(previous.Object, value))
        {
            UpdateCore(previous, value);
            return;
        }

        if (previous is not null)
        {
            linked[action.YieldIndex] = null;
            RetractCore(previous);
        }

        if (_facts.ContainsKey(value))
        {
            throw new InvalidOperationException($"The yielded fact {FactText.Describe(value)} is already in working memory; yielded facts must be distinct.");
        }

        linked[action.YieldIndex] = InsertCore(value, activation);
        if (activation.IsDeleted)
        {
            // An earlier action of this firing retracted the match; its linked fact goes with it.
            (_pendingRetractions ??= []).Add(linked[action.YieldIndex]!);
        }
    }

    private CompiledRule RuleNamed(string ruleName)
    {
        ArgumentNullException.ThrowIfNull(ruleName);
        return _network.RulesByName.TryGetValue(ruleName, out var rule)
            ? rule
            : throw new ArgumentException($"No rule named '{ruleName}' is in this session's rule set.", nameof(ruleName));
    }
}
