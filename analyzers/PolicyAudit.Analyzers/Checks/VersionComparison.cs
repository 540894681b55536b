using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyAudit.Analyzers.Checks;

/// <summary>
/// An equality between two versions of one attribute, which decides whether it changed, not whether a policy's
/// threshold is met: the same-named value of another object, parameter or local (<c>if (product.Price !=
/// model.Price) AddPriceHistory(..)</c>, <c>if (stockQuantity != product.StockQuantity)</c>), or the value about to
/// be written to the member (<c>if (user.QuotaGb == requestedGb) return Unchanged(); user.QuotaGb = requestedGb;</c>).
/// </summary>
internal static class VersionComparison
{
    /// <summary>
    /// Whether <paramref name="comparison"/> (<c>==</c>, <c>!=</c> or <c>Equals</c>, against a value that is not a
    /// constant) compares the member of <paramref name="read"/> with another version of it: a value of the same
    /// name, or one the method writes to the member.
    /// </summary>
    /// <param name="comparison">The comparison, from the governed side.</param>
    /// <param name="read">The governed side.</param>
    /// <param name="governed">The member the policy governs: the read member itself, or the one a carrier (a view
    /// model's copy) holds the value of, whose name is the attribute's (<c>restriction.AgeRating</c> carries
    /// <c>AppUser.AgeRestriction</c>, so <c>s.AgeRating &lt;= restriction.AgeRating</c> compares two attributes).</param>
    public static bool IsVersionComparison(Comparison comparison, MemberRead read, ISymbol governed)
    {
        if (comparison.Other is null || ValueTracer.Strip(comparison.Other)!.ConstantValue.HasValue || IsRowAgainstThreshold(comparison))
        {
            return false;
        }

        // Relational too: `update.SmSeats < organization.SmSeats` asks which way the attribute moves, not whether a
        // threshold is met; `seats != initialSeats` (a local the member was copied into) asks whether it moved at all.
        if ((IsSameNamed(comparison.Other, read, governed) && !IsRequestedAmount(comparison)) || IsEarlierCopy(comparison.Other, read))
        {
            return true;
        }

        return comparison.Operator is "==" or "!=" && IsValueAboutToBeAssigned(comparison, read);
    }

    /// <summary>
    /// The simple assignments of the method (or lambda, or initializer) that <paramref name="inside"/> belongs to, with
    /// the field or property each writes: the writes a check made before them may be about.
    /// </summary>
    public static IEnumerable<(ISymbol Target, ISimpleAssignmentOperation Assignment)> WritesAround(IOperation inside)
    {
        foreach (var assignment in ValueTracer.Root(inside).Descendants().OfType<ISimpleAssignmentOperation>())
        {
            ISymbol? target = ValueTracer.Strip(assignment.Target) switch
            {
                IPropertyReferenceOperation property => property.Property,
                IFieldReferenceOperation field => field.Field,
                _ => null,
            };
            if (target is not null)
            {
                yield return (target, assignment);
            }
        }
    }

    /// <summary>
    /// <c>Debit(decimal amount) { if (amount &gt; Balance.Amount) throw ...; }</c>: a bare parameter or local ordered against
    /// the member asks whether what is requested fits, unless the method then writes it to the member (a new version).
    /// </summary>
    private static bool IsRequestedAmount(Comparison comparison)
    {
        if (comparison.Operator is "==" or "!=" || ValueTracer.Strip(comparison.Other) is not (IParameterReferenceOperation or ILocalReferenceOperation))
        {
            return false;
        }

        var otherText = ValueTracer.Strip(comparison.Other)!.Syntax.ToString();
        return !WritesAround(comparison.Operand).Any(write => ValueTracer.Strip(write.Assignment.Value)?.Syntax.ToString() == otherText);
    }

    /// <summary>
    /// The member against its own earlier value or a value computed from itself: <c>var initialSeats =
    /// organization.Seats; ... if (organization.Seats != initialSeats)</c>, or <c>var newTotal = organization.Seats +
    /// adjustment; if (organization.Seats &gt; newTotal)</c> (is the adjustment a decrease?).
    /// </summary>
    private static bool IsEarlierCopy(IOperation other, MemberRead read) =>
        ValueTracer.Find(other, member => SymbolEqualityComparer.Default.Equals(member.OriginalDefinition, read.Member.OriginalDefinition)) is not null;

    /// <summary>
    /// <c>product.Price != model.Price</c>, <c>stockQuantity != product.StockQuantity</c>: the member itself (not a
    /// value computed from it) against a value read under its name, ignoring case and a leading <c>_</c>.
    /// </summary>
    private static bool IsSameNamed(IOperation other, MemberRead read, ISymbol governed) =>
        read.Kind == ReadKind.Value
        && OperandName.Of(other) is { } name
        && OperandName.SameAttribute(name, governed.Name);

    /// <summary>
    /// <c>series.Where(s =&gt; s.Metadata.AgeRating &lt;= user.AgeRating)</c>: in a query's predicate, an ordering of the
    /// row's value (read on the lambda's parameter) against a value from outside the row is a filter by a threshold,
    /// whatever the two are named; two versions of one attribute are not compared row by row.
    /// </summary>
    private static bool IsRowAgainstThreshold(Comparison comparison)
    {
        if (comparison.Operator is "==" or "!=" || comparison.Other is null)
        {
            return false;
        }

        for (var current = comparison.Operand.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation lambda)
            {
                var parameters = lambda.Symbol.Parameters;
                return ReadsRow(comparison.Operand, parameters) != ReadsRow(comparison.Other, parameters);
            }
        }

        return false;
    }

    private static bool ReadsRow(IOperation value, System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters) =>
        ValueTracer.RootSymbol(value, throughCalls: true) is IParameterSymbol parameter && parameters.Contains(parameter, SymbolEqualityComparer.Default);

    /// <summary>
    /// <c>if (user.QuotaGb == requestedGb) return Unchanged();</c> beside <c>user.QuotaGb = requestedGb;</c>: skipping a
    /// write that changes nothing is idempotency, not a decision. The write may also be one call away, in a method of
    /// the member's own type that assigns it from the value passed (<c>if (end == EndTime) return this;
    /// SetTimeInternal(end);</c>), as entities keep their setters in one private helper.
    /// </summary>
    public static bool IsValueAboutToBeAssigned(Comparison comparison, MemberRead read)
    {
        var otherText = ValueTracer.Strip(comparison.Other)!.Syntax.ToString();
        foreach (var (target, assignment) in WritesAround(comparison.Operand))
        {
            if (SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, read.Member.OriginalDefinition)
                && ValueTracer.Strip(assignment.Value)?.Syntax.ToString() == otherText)
            {
                return true;
            }
        }

        foreach (var invocation in ValueTracer.Root(comparison.Operand).Descendants().OfType<IInvocationOperation>())
        {
            if (!SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType?.OriginalDefinition, read.Member.ContainingType?.OriginalDefinition))
            {
                continue;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter
                    && ValueTracer.Strip(argument.Value)?.Syntax.ToString() == otherText
                    && AssignsFromParameter(invocation.TargetMethod, parameter, read.Member))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="method"/>'s source writes <paramref name="member"/> from <paramref name="parameter"/>
    /// unchanged (<c>EndTime = endTime;</c> or <c>this.EndTime = endTime;</c>). Read from syntax, as the helper is in
    /// the member's own type, where its simple name can only mean that member or a local shadowing it.
    /// </summary>
    private static bool AssignsFromParameter(IMethodSymbol method, IParameterSymbol parameter, ISymbol member)
    {
        foreach (var reference in method.OriginalDefinition.DeclaringSyntaxReferences)
        {
            foreach (var assignment in reference.GetSyntax().DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                var target = assignment.Left switch
                {
                    IdentifierNameSyntax name => name.Identifier.ValueText,
                    MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access => access.Name.Identifier.ValueText,
                    _ => null,
                };
                if (assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                    && target == member.Name
                    && assignment.Right is IdentifierNameSyntax value
                    && value.Identifier.ValueText == parameter.Name
                    && !DeclaresLocal(reference.GetSyntax(), member.Name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool DeclaresLocal(SyntaxNode body, string name) =>
        body.DescendantNodes().OfType<VariableDeclaratorSyntax>().Any(v => v.Identifier.ValueText == name)
        || body.DescendantNodes().OfType<ParameterSyntax>().Any(p => p.Identifier.ValueText == name);
}

