using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;

namespace PolicyAudit.Rules;

/// <summary>Collects what a rule's <see cref="Rule.Define"/> records and turns it into the rule model: declares each
/// alias, then rewrites every lambda so that references to aliases become binding parameters.</summary>
internal sealed class RuleBuilder
{
    private readonly RuleMetadata _metadata;
    private readonly DslGroup _root = new(false);
    private readonly Dictionary<MemberInfo, Declaration> _declarations = [];
    private readonly List<Declaration> _declarationOrder = [];
    private int _anonymousCount;

    public RuleBuilder(RuleMetadata metadata)
    {
        _metadata = metadata;
        LeftHandSide = new LeftHandSideBuilder(_root);
    }

    public LeftHandSideBuilder LeftHandSide { get; }

    public RightHandSideBuilder RightHandSide { get; } = new();

    public RuleDefinition ToModel()
    {
        if (_root.Children.Count == 0)
        {
            throw Invalid("it has no conditions; When() must match at least one fact.");
        }

        if (RightHandSide.Actions.Count == 0)
        {
            throw Invalid("it has no actions; Then() must Do or Yield something.");
        }

        Declare(_root);
        var lhs = (GroupElement)Convert(_root);
        var actions = RightHandSide.Actions.Select(a => new ActionElement(
            Bind(a.Action, 1),
            a.YieldedType,
            a.Update is null ? null : Bind(a.Update, 2))).ToArray();
        return new RuleDefinition(_metadata, lhs, actions, _declarationOrder.ToArray());
    }

    private RuleCompilationException Invalid(string problem) => new(_metadata.Name, problem);

    private void Declare(DslElement element)
    {
        switch (element)
        {
            case DslGroup group:
                foreach (var child in group.Children)
                {
                    Declare(child);
                }

                break;
            case DslPattern { Alias: not null } pattern:
                DeclareAlias(pattern.Alias, pattern.FactType);
                break;
            case DslLet let:
                DeclareAlias(let.Alias, let.Alias.ReturnType);
                break;
            case DslQuery query:
                DeclareAlias(query.Alias, query.Alias.ReturnType);
                break;
        }
    }

    private void DeclareAlias(LambdaExpression alias, Type type)
    {
        var member = AliasMember(alias);
        if (_declarations.TryGetValue(member, out var existing))
        {
            if (existing.Type != type)
            {
                throw Invalid($"the alias '{member.Name}' is bound to both {TypeNames.Of(existing.Type)} and {TypeNames.Of(type)}.");
            }

            return;
        }

        if (_declarationOrder.Any(d => d.Name == member.Name))
        {
            throw Invalid($"two different variables are named '{member.Name}'; aliases must have distinct names.");
        }

        var declaration = new Declaration(member.Name, type, false);
        _declarations.Add(member, declaration);
        _declarationOrder.Add(declaration);
    }

    private MemberInfo AliasMember(LambdaExpression alias)
    {
        var body = alias.Body;
        while (body is UnaryExpression { NodeType: ExpressionType.Convert } convert)
        {
            body = convert.Operand;
        }

        if (body is MemberExpression { Member: FieldInfo } member && IsClosureChain(member.Expression))
        {
            return member.Member;
        }

        throw Invalid($"the alias `{ExpressionPrinter.Print(alias)}` must name a local variable or a field, as in `() => order`.");
    }

    private RuleElement Convert(DslElement element)
    {
        switch (element)
        {
            case DslGroup group:
                if (group.Children.Count == 0)
                {
                    throw Invalid($"an {(group.IsOr ? "Or" : "And")} group is empty.");
                }

                return new GroupElement(group.IsOr, group.Children.Select(Convert).ToArray());
            case DslPattern pattern:
                var declaration = pattern.Alias is null
                    ? new Declaration("$" + (++_anonymousCount).ToString(CultureInfo.InvariantCulture), pattern.FactType, true)
                    : _declarations[AliasMember(pattern.Alias)];
                return new PatternElement(declaration, BindAll(pattern.Conditions, 1));
            case DslExistential existential:
                return new ExistentialElement(
                    existential.Kind,
                    existential.FactType,
                    existential.BaseCondition is null ? null : Bind(existential.BaseCondition, 1),
                    BindAll(existential.Conditions, 1));
            case DslLet let:
                return new LetElement(_declarations[AliasMember(let.Alias)], Bind(let.Expression, 0));
            case DslHaving having:
                if (having.Conditions.Length == 0)
                {
                    throw Invalid("Having() needs at least one condition.");
                }

                return new HavingElement(BindAll(having.Conditions, 0));
            case DslQuery query:
                if (query.SourceType is null)
                {
                    throw Invalid($"the query bound to '{AliasMember(query.Alias).Name}' has no source; start it with Match.");
                }

                var stages = query.Stages
                    .Select(s => new QueryStage(s.Kind, s.Expression is null ? null : Bind(s.Expression, 1), s.Input, s.Output))
                    .ToArray();
                return new QueryElement(_declarations[AliasMember(query.Alias)], query.SourceType, BindAll(query.SourceConditions, 1), stages);
            default:
                throw new InvalidOperationException("Unknown DSL element " + element.GetType().Name);
        }
    }

    private BoundExpression[] BindAll(LambdaExpression[] lambdas, int leading) =>
        lambdas.Select(l => Bind(l, leading)).ToArray();

    private BoundExpression Bind(LambdaExpression lambda, int leading)
    {
        var rewriter = new BindingRewriter(_declarations);
        var body = rewriter.Visit(lambda.Body);
        if (rewriter.UnboundLocal is { } unbound)
        {
            throw Invalid($"`{ExpressionPrinter.Print(lambda)}` uses '{unbound}', which no Match, Let or Query binds.");
        }
        var parameters = lambda.Parameters.Concat(rewriter.References.Select(r => r.Parameter)).ToArray();
        var bound = Expression.Lambda(body, parameters);
        return new BoundExpression(bound, leading, rewriter.References, ExpressionPrinter.PrintLambda(bound, leading));
    }

    internal static bool IsClosureChain(Expression? expression) => expression switch
    {
        ConstantExpression => true,
        MemberExpression { Member: FieldInfo } member => IsClosureChain(member.Expression),
        _ => false,
    };
}
