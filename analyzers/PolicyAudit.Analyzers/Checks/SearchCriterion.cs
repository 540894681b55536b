using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyAudit.Analyzers.Checks;

/// <summary>
/// A governed member compared, inside a query's predicate, with an optional criterion the caller passed:
/// <c>if (input.MinDate.HasValue) query = query.Where(i =&gt; i.EndTime &gt;= input.MinDate.Value);</c>. The caller
/// chooses the threshold and may leave it out, so the query filters a search; it does not apply a policy's threshold.
/// </summary>
internal static class SearchCriterion
{
    /// <summary>
    /// Whether the other side of <paramref name="comparison"/> is an optional criterion: <c>Nullable.Value</c>,
    /// <c>GetValueOrDefault()</c> or a lifted nullable, read from a parameter of the enclosing method or a member of
    /// one (<c>createdFromUtc.Value</c>, <c>input.MinPrice</c>), directly or through a local it was copied into, in a
    /// lambda passed to a query method or as an expression tree (a predicate builder's <c>predicate.And(f =&gt; ..)</c>).
    /// </summary>
    public static bool IsOptionalCriterion(Comparison comparison)
    {
        if (comparison.Other is null || !(IsInQueryLambda(comparison.Operand) || IsInDatabaseQuery(comparison.Operand)))
        {
            return false;
        }

        var criterion = ValueTracer.Strip(comparison.Other);
        if (criterion is ILocalReferenceOperation local && ValueTracer.Strip(ValueTracer.Initializer(local)) is { } initial)
        {
            // `var minAmount = searchParams.MinAmount.Value; predicate = predicate.And(f => f.Amount >= minAmount);`
            criterion = initial;
        }

        switch (criterion)
        {
            case IPropertyReferenceOperation { Property.Name: "Value", Instance: { } instance } property when IsNullable(property.Property.ContainingType):
                criterion = ValueTracer.Strip(instance);
                break;
            case IInvocationOperation { TargetMethod.Name: "GetValueOrDefault", Instance: { } instance } call when IsNullable(call.TargetMethod.ContainingType):
                criterion = ValueTracer.Strip(instance);
                break;
            case { Type: var type } when IsNullable(type):
                break;
            default:
                return false;
        }

        return criterion is IPropertyReferenceOperation or IFieldReferenceOperation or IParameterReferenceOperation
            && ValueTracer.RootSymbol(criterion) is IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: not MethodKind.AnonymousFunction } };
    }

    /// <summary>
    /// Whether <paramref name="comparison"/> is the filter a query extension builds for its callers:
    /// <c>HasDateLargerEqualsThan(this IQueryable&lt;Payment&gt; query, DateTime date) =&gt; query.Where(p =&gt; p.Date &gt;= date)</c>.
    /// The bound is whatever the caller passes (a search's "from" date as much as a policy's cut-off), so the check, if
    /// any, is the caller's choice of it.
    /// </summary>
    public static bool IsQueryExtensionFilter(Comparison comparison) =>
        comparison.Other is not null
        && IsInQueryLambda(comparison.Operand)
        && ValueTracer.RootSymbol(ValueTracer.Strip(comparison.Other)) is IParameterSymbol { Ordinal: > 0, ContainingSymbol: IMethodSymbol { IsExtensionMethod: true } builder }
        && IsSequence(builder.Parameters[0].Type)
        && IsSequence(builder.ReturnType);

    /// <summary>
    /// The nearest lambda around <paramref name="operation"/> is an expression tree a query provider translates
    /// (<c>db.Hearings.Where(x =&gt; x.ScheduledDateTime &gt; query.StartDate)</c>): rows selected for a list, a search or
    /// a batch job, not one case decided.
    /// </summary>
    public static bool IsInDatabaseQuery(IOperation operation) =>
        Governance.ScopeFlags.EnclosingLambda(operation) is { } lambda
        && ValueTracer.ArgumentOf(lambda) is { } argument
        && IsExpressionTree(argument);

    /// <summary>A lambda passed as an expression tree (<c>Expression&lt;Func&lt;T, bool&gt;&gt;</c>), which a query provider translates.</summary>
    public static bool IsExpressionTree(IArgumentOperation argument) =>
        argument.Parameter?.Type is INamedTypeSymbol { Name: "Expression", ContainingNamespace: { Name: "Expressions", ContainingNamespace: { Name: "Linq", ContainingNamespace.Name: "System" } } };

    private static bool IsNullable(ITypeSymbol? type) => type?.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;

    /// <summary>
    /// The nearest lambda around <paramref name="operation"/> is an argument of a method called on a sequence or a
    /// query (<c>Where</c>, <c>Any</c>, <c>Count</c>, an extension such as <c>WhereIf</c> on <c>IQueryable&lt;T&gt;</c>,
    /// <c>List&lt;T&gt;.FindAll</c>).
    /// </summary>
    internal static bool IsInQueryLambda(IOperation operation)
    {
        if (Governance.ScopeFlags.EnclosingLambda(operation) is not { } lambda
            || ValueTracer.ArgumentOf(lambda) is not { Parent: IInvocationOperation invocation })
        {
            return false;
        }

        var method = invocation.TargetMethod;
        var receiver = method.IsExtensionMethod
            ? method.Parameters.FirstOrDefault()?.Type
            : invocation.Instance?.Type;
        return IsSequence(receiver);
    }

    private static bool IsSequence(ITypeSymbol? type) =>
        type is not null
        && (type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
            || type.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T));
}
