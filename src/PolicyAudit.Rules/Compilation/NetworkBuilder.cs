using System.Linq.Expressions;

namespace PolicyAudit.Rules;

/// <summary>Compiles rule models into a Rete network: each rule alternative becomes a chain of beta nodes; the
/// conditions that test one fact alone go to shared alpha nodes; join conditions with an equality get a hash index;
/// every expression is compiled into a delegate once.</summary>
internal sealed class NetworkBuilder(CompilerOptions options)
{
    private readonly Dictionary<Type, TypeNode> _typeNodes = [];
    private readonly List<TypeNode> _typeNodeOrder = [];
    private readonly List<Production> _productions = [];
    private readonly List<BetaNode> _eager = [];
    private int _memoryCount;

    public ReteNetwork Build(IReadOnlyList<RuleDefinition> definitions)
    {
        var rules = new List<CompiledRule>(definitions.Count);
        foreach (var definition in definitions)
        {
            var rule = new CompiledRule(definition, rules.Count);
            var branches = ConjunctionExpander.Expand(definition);
            for (var i = 0; i < branches.Count; i++)
            {
                var production = BuildProduction(rule, i, branches[i], branches.Count > 1);
                rule.Productions.Add(production);
                _productions.Add(production);
            }

            rules.Add(rule);
        }

        return new ReteNetwork(rules, _productions, _typeNodeOrder, _eager, _memoryCount);
    }

    private Production BuildProduction(CompiledRule rule, int index, List<RuleElement> branch, bool hasAlternatives)
    {
        var definition = rule.Definition;
        var production = new Production(rule, index, _productions.Count);
        var slotOf = new Dictionary<Declaration, int>();
        var slots = new List<Declaration?>();
        var nodes = new List<BetaNode>();
        var compiler = new ExpressionCompiler(slotOf);
        var matchesFacts = false;

        for (var e = 0; e < branch.Count; e++)
        {
            var element = branch[e];
            foreach (var expression in element.Expressions)
            {
                CheckScope(definition, expression, slotOf, branch, hasAlternatives);
            }

            var depth = slots.Count;
            BetaNode node;
            switch (element)
            {
                case PatternElement pattern:
                    node = BuildJoin(definition, pattern.FactType, pattern.Conditions, depth, compiler);
                    matchesFacts = true;
                    break;
                case ExistentialElement existential:
                    node = BuildExistential(definition, existential, depth, compiler);
                    matchesFacts = true;
                    break;
                case QueryElement query:
                    node = BuildAggregate(definition, query, depth, compiler);
                    matchesFacts = true;
                    break;
                case LetElement let:
                    node = new LetNode(depth, compiler.TokenValue(let.Expression), let.Expression.Text);
                    break;
                case HavingElement having:
                    node = new FilterNode(depth, compiler.TokenPredicate(having.Conditions), string.Join(" && ", having.Conditions.Select(c => c.Text)));
                    break;
                default:
                    throw new InvalidOperationException("Unexpected element " + element.GetType().Name);
            }

            node.Element = element;
            node.Production = production;
            nodes.Add(node);
            var declared = element.Declares;
            if (declared is not null && !slotOf.TryAdd(declared, depth))
            {
                throw new RuleCompilationException(definition.Name, $"'{declared.Name}' is bound twice in the same match.");
            }

            slots.Add(declared);
        }

        if (!matchesFacts)
        {
            throw new RuleCompilationException(definition.Name, "it has no pattern; When() must Match, Not, Exists, All or Query facts.");
        }

        var terminal = new TerminalNode(slots.Count) { Production = production };
        for (var i = 0; i < nodes.Count; i++)
        {
            nodes[i].Next = i + 1 < nodes.Count ? nodes[i + 1] : terminal;
            if (nodes[i] is RightInputNode rightInput)
            {
                rightInput.Right.AddSuccessor(rightInput);
            }
        }

        nodes[0].IsFirst = true;
        if (nodes[0] is not JoinNode)
        {
            _eager.Add(nodes[0]);
        }

        production.Nodes = nodes.ToArray();
        production.Terminal = terminal;
        production.Slots = slots.ToArray();
        production.SlotOf = slotOf;
        production.Actions = CompileActions(definition, compiler, slotOf, branch, hasAlternatives, out var yieldCount);
        production.YieldCount = yieldCount;
        return production;
    }

    private CompiledAction[] CompileActions(
        RuleDefinition definition,
        ExpressionCompiler compiler,
        Dictionary<Declaration, int> slotOf,
        List<RuleElement> branch,
        bool hasAlternatives,
        out int yieldCount)
    {
        var actions = new CompiledAction[definition.Actions.Count];
        yieldCount = 0;
        for (var i = 0; i < actions.Length; i++)
        {
            var action = definition.Actions[i];
            CheckScope(definition, action.Action, slotOf, branch, hasAlternatives);
            if (action.Update is not null)
            {
                CheckScope(definition, action.Update, slotOf, branch, hasAlternatives);
            }

            actions[i] = action.IsYield
                ? new CompiledAction(
                    action,
                    null,
                    compiler.Yield(action.Action),
                    action.Update is null ? null : compiler.YieldUpdate(action.Update, action.YieldedType!),
                    yieldCount++)
                : new CompiledAction(action, compiler.Action(action.Action), null, null, -1);
        }

        return actions;
    }

    private static void CheckScope(
        RuleDefinition definition,
        BoundExpression expression,
        Dictionary<Declaration, int> slotOf,
        List<RuleElement> branch,
        bool hasAlternatives)
    {
        foreach (var reference in expression.References)
        {
            if (slotOf.ContainsKey(reference))
            {
                continue;
            }

            var boundLater = branch.Any(e => e.Declares == reference);
            var problem = boundLater
                ? $"`{expression.Text}` uses '{reference.Name}' before it is bound; bind it in an earlier element."
                : hasAlternatives
                    ? $"`{expression.Text}` uses '{reference.Name}', which is not bound in every alternative of its Or group."
                    : $"`{expression.Text}` uses '{reference.Name}', which is not bound.";
            throw new RuleCompilationException(definition.Name, problem);
        }
    }

    private JoinNode BuildJoin(RuleDefinition definition, Type factType, IReadOnlyList<BoundExpression> conditions, int depth, ExpressionCompiler compiler)
    {
        var alpha = conditions.Where(c => c.References.Count == 0).ToList();
        var beta = conditions.Where(c => c.References.Count > 0).ToList();
        var memory = AlphaMemory(definition, factType, alpha);
        Func<Token, object?>? leftKey = null;
        Func<object, object?>? rightKey = null;
        if (options.UseHashJoins && HashJoinDetector.Find(beta) is { } keys)
        {
            leftKey = compiler.TokenKey(keys.BindingSide);
            rightKey = ExpressionCompiler.FactKey(keys.FactSide, keys.FactParameter);
        }

        // A branch's first join (depth 0, so never indexed) joins only the root token and needs no memory slot.
        var memoryIndex = depth == 0 && leftKey is null ? -1 : _memoryCount++;
        return new JoinNode(depth, memoryIndex, memory, compiler.Join(beta, factType), JoinText(beta), leftKey, rightKey);
    }

    private ExistentialNode BuildExistential(RuleDefinition definition, ExistentialElement element, int depth, ExpressionCompiler compiler)
    {
        IReadOnlyList<BoundExpression> conditions = element.Kind == ExistentialKind.All
            ? [CombineForAll(element.BaseCondition!, element.Conditions, element.FactType)]
            : element.Conditions;
        var alpha = conditions.Where(c => c.References.Count == 0).ToList();
        var beta = conditions.Where(c => c.References.Count > 0).ToList();
        var memory = AlphaMemory(definition, element.FactType, alpha);
        return new ExistentialNode(depth, _memoryCount++, memory, element.Kind != ExistentialKind.Exists, compiler.Join(beta, element.FactType), JoinText(beta));
    }

    private AggregateNode BuildAggregate(RuleDefinition definition, QueryElement query, int depth, ExpressionCompiler compiler)
    {
        var alpha = query.SourceConditions.Where(c => c.References.Count == 0).ToList();
        var beta = query.SourceConditions.Where(c => c.References.Count > 0).ToList();
        var memory = AlphaMemory(definition, query.SourceType, alpha);
        var stages = query.Stages.Select(s => CompileStage(s, compiler)).ToArray();
        return new AggregateNode(depth, _memoryCount++, memory, compiler.Join(beta, query.SourceType), JoinText(beta), new AggregatePipeline(stages));
    }

    private static AggregateStage CompileStage(QueryStage stage, ExpressionCompiler compiler)
    {
        switch (stage.Kind)
        {
            case QueryStageKind.Where:
                return new AggregateStage(stage.Kind, stage.Text, compiler.ElementPredicate(stage.Expression!, stage.InputType), null, null, null);
            case QueryStageKind.Select:
                return new AggregateStage(stage.Kind, stage.Text, null, compiler.ElementSelector(stage.Expression!, stage.InputType), null, null);
            case QueryStageKind.Count:
                return new AggregateStage(stage.Kind, stage.Text, null, null, null, null);
            case QueryStageKind.Collect:
                return new AggregateStage(stage.Kind, stage.Text, null, null, Reducer(nameof(AggregateFunctions.Collect), stage.InputType), null);
            case QueryStageKind.Sum:
                return new AggregateStage(
                    stage.Kind,
                    stage.Text,
                    null,
                    compiler.ElementSelector(stage.Expression!, stage.InputType),
                    Reducer(nameof(AggregateFunctions.Sum), stage.OutputType),
                    null);
            case QueryStageKind.GroupBy:
                var keyType = stage.OutputType.GetGenericArguments()[0];
                var group = typeof(AggregateFunctions).GetMethod(nameof(AggregateFunctions.Group))!
                    .MakeGenericMethod(keyType, stage.InputType)
                    .CreateDelegate<Func<object?, List<object?>, object>>();
                return new AggregateStage(stage.Kind, stage.Text, null, compiler.ElementSelector(stage.Expression!, stage.InputType), null, group);
            default:
                throw new InvalidOperationException("Unknown query stage " + stage.Kind);
        }
    }

    private static Func<List<object?>, object> Reducer(string name, Type type) =>
        typeof(AggregateFunctions).GetMethod(name)!.MakeGenericMethod(type).CreateDelegate<Func<List<object?>, object>>();

    private static string JoinText(IReadOnlyList<BoundExpression> conditions) => string.Join(" && ", conditions.Select(c => c.Text));

    private static BoundExpression CombineForAll(BoundExpression baseCondition, IReadOnlyList<BoundExpression> conditions, Type factType)
    {
        // "every fact meeting base meets the conditions" is "no fact meets base and fails a condition".
        var fact = Expression.Parameter(factType, baseCondition.Lambda.Parameters[0].Name);
        Expression Body(BoundExpression e) =>
            new ParameterReplacer(new Dictionary<ParameterExpression, Expression> { [e.Lambda.Parameters[0]] = fact }).Visit(e.Lambda.Body);

        Expression all = Expression.Constant(true);
        for (var i = 0; i < conditions.Count; i++)
        {
            all = i == 0 ? Body(conditions[i]) : Expression.AndAlso(all, Body(conditions[i]));
        }

        var body = Expression.AndAlso(Body(baseCondition), Expression.Not(all));
        var references = conditions.Prepend(baseCondition).SelectMany(c => c.References).Distinct().ToArray();
        var lambda = Expression.Lambda(body, references.Select(r => r.Parameter).Prepend(fact));
        return new BoundExpression(lambda, 1, references, ExpressionPrinter.PrintLambda(lambda, 1));
    }

    private AlphaMemoryNode AlphaMemory(RuleDefinition definition, Type factType, List<BoundExpression> conditions)
    {
        if (!_typeNodes.TryGetValue(factType, out var typeNode))
        {
            typeNode = new TypeNode(factType);
            _typeNodes.Add(factType, typeNode);
            _typeNodeOrder.Add(typeNode);
        }

        AlphaNode current = typeNode;
        foreach (var condition in conditions)
        {
            var (text, constants) = AlphaKey.Of(condition);
            var child = options.ShareAlphaNodes ? current.FindChild(text, constants) : null;
            if (child is null)
            {
                child = new SelectionNode(text, constants, ExpressionCompiler.Alpha(condition, factType)) { DisplayText = condition.Text };
                current.AddChild(child);
            }

            if (!child.RuleNames.Contains(definition.Name))
            {
                child.RuleNames.Add(definition.Name);
            }

            current = child;
        }

        return current.MemoryNode ??= new AlphaMemoryNode(_memoryCount++);
    }
}
