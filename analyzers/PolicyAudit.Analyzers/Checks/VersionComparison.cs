using System;
using System.Collections.Generic;
using System.Collections.Immutable;
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
    public static bool IsValueAboutToBeAssigned(Comparison comparison, MemberRead read) =>
        IsAboutToBeWritten(comparison.Operand, ValueTracer.Strip(comparison.Other)!.Syntax.ToString(), read);

    /// <summary>
    /// <c>if (Status == CustomerStatus.Active) return this; return ChangeStatus(CustomerStatus.Active, reason);</c>: a
    /// test for the very state the method goes on to write (or for any of several, <c>||</c>-joined, one of which it writes), whose branch only leaves (<c>return;</c>, <c>return this;</c>
    /// or the object the state was read on), skips a write that would change nothing. A branch that throws or answers otherwise (the
    /// caller is told it cannot) is still reported.
    /// </summary>
    public static bool IsNoOpBeforeWritingState(IOperation check, MemberRead read)
    {
        if (check is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equality)
        {
            return false;
        }

        var constant = ValueTracer.Strip(equality.RightOperand)!.ConstantValue.HasValue ? equality.RightOperand
            : ValueTracer.Strip(equality.LeftOperand)!.ConstantValue.HasValue ? equality.LeftOperand
            : null;
        // `if (b.Status == Cancelled || b.Status == CancelledPendingRefund) return;`: any of the states written later.
        var condition = check;
        var states = new List<string>();
        while (condition.Parent is IParenthesizedOperation or IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr })
        {
            condition = condition.Parent;
        }

        if (constant is null
            || condition.Parent is not IConditionalOperation { WhenFalse: null } conditional
            || conditional.Condition != condition
            || !AreStateTestsOfOneMember(condition, equality.LeftOperand == constant ? equality.RightOperand : equality.LeftOperand, states))
        {
            return false;
        }

        if (AnswerAfterLogging(conditional.WhenTrue) is not IReturnOperation { ReturnedValue: var returned })
        {
            return false;
        }

        var endsAlike = IsWhatTheMethodEndsWith(returned, check);
        return (IsUnchanged(returned, read) || endsAlike)
            && states.Any(state => IsAboutToBeWritten(check, state, read) || IsDoneThroughItsVerb(check, state, read, triedBefore: endsAlike));
    }

    /// <summary>
    /// The one statement of a branch that is not logging (<c>{ _logger.LogInformation("already accepted"); return dto; }</c>);
    /// null when there are more, or none.
    /// </summary>
    internal static IOperation? AnswerAfterLogging(IOperation branch)
    {
        var statements = branch is IBlockOperation block ? block.Operations : ImmutableArray.Create(branch);
        var rest = statements.Where(statement => !PolicyCheckFinder.IsLogStatement(statement)).ToList();
        return rest.Count == 1 ? rest[0] : null;
    }

    /// <summary>
    /// Whether <paramref name="condition"/> is <c>x == A</c>, or an <c>||</c> of such tests of the one value
    /// <paramref name="tested"/> is read as, collecting the constants' texts into <paramref name="states"/>.
    /// </summary>
    private static bool AreStateTestsOfOneMember(IOperation condition, IOperation tested, List<string> states)
    {
        switch (ValueTracer.Strip(condition))
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } either:
                return AreStateTestsOfOneMember(either.LeftOperand, tested, states) && AreStateTestsOfOneMember(either.RightOperand, tested, states);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } test:
                var (value, state) = ValueTracer.Strip(test.RightOperand)!.ConstantValue.HasValue ? (test.LeftOperand, test.RightOperand) : (test.RightOperand, test.LeftOperand);
                if (!ValueTracer.Strip(state)!.ConstantValue.HasValue || ValueTracer.Strip(value)?.Syntax.ToString() != ValueTracer.Strip(tested)?.Syntax.ToString())
                {
                    return false;
                }

                states.Add(ValueTracer.Strip(state)!.Syntax.ToString());
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// <c>if (b.Status == Completed) return mapper.Map&lt;BookingDto&gt;(b); .. b.Status = Completed; return mapper.Map&lt;BookingDto&gt;(b);</c>:
    /// the early answer is the very one the method gives once it has made the change.
    /// </summary>
    internal static bool IsWhatTheMethodEndsWith(IOperation? returned, IOperation check)
    {
        if (returned is null || ValueTracer.Root(check).Syntax is not { } body)
        {
            return false;
        }

        var last = body.DescendantNodes().OfType<ReturnStatementSyntax>().LastOrDefault();
        return last?.Expression is { } final && final.SpanStart > returned.Syntax.SpanStart
            && final.ToString() == ValueTracer.Strip(returned)?.Syntax.ToString();
    }

    /// <summary>
    /// <c>if (booking.Status == Completed) return; await mediator.Send(new CompleteBookingCommand(booking.Id, ..));</c>,
    /// <c>if (Status == Cancelled) return; Cancel();</c>: the state is reached through a command or a method named by its
    /// verb (<c>Complete</c> for <c>Completed</c>, <c>Cancel</c> for <c>Cancelled</c>), after the check; or before it,
    /// when the check answers what the method answers once the change is made (<paramref name="triedBefore"/>).
    /// </summary>
    private static bool IsDoneThroughItsVerb(IOperation check, string stateText, MemberRead read, bool triedBefore)
    {
        var state = stateText.Substring(stateText.LastIndexOf('.') + 1);
        if (VerbOf(state) is not { } verb)
        {
            return false;
        }

        foreach (var operation in ValueTracer.Root(check).Descendants())
        {
            // `var result = order.Accept(..); if (result.IsFailure) { if (order.Status == Accepted) return dto; ..}`: tried
            // before the check, whose early answer is then the method's own (see the caller).
            if (operation.Syntax.Span.Contains(check.Syntax.Span) || (operation.Syntax.SpanStart <= check.Syntax.SpanStart && !triedBefore))
            {
                continue;
            }

            var named = operation switch
            {
                IInvocationOperation call when call.Instance is null or IInstanceReferenceOperation || (read.Instance is not null && SymbolEqualityComparer.Default.Equals(ValueTracer.RootSymbol(call.Instance), ValueTracer.RootSymbol(read.Instance)))
                    => call.TargetMethod.Name,
                IObjectCreationOperation creation when read.Instance is not null && creation.Arguments.Any(a => SymbolEqualityComparer.Default.Equals(ValueTracer.RootSymbol(a.Value), ValueTracer.RootSymbol(read.Instance)))
                    => creation.Type?.Name,
                _ => null,
            };
            if (named is not null && named.StartsWith(verb, StringComparison.OrdinalIgnoreCase)
                && (named.Length == verb.Length || char.IsUpper(named[verb.Length]) || named.Substring(verb.Length).StartsWith("e", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The verb a past-participle state is named by: <c>Cancelled</c> to <c>Cancel</c>, <c>Approved</c> to <c>Approv</c>; null for other names.</summary>
    private static string? VerbOf(string state)
    {
        if (state.Length < 5 || !state.EndsWith("ed", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var stem = state.Substring(0, state.Length - 2);
        if (stem.Length > 3 && char.ToLowerInvariant(stem[stem.Length - 1]) == char.ToLowerInvariant(stem[stem.Length - 2]))
        {
            stem = stem.Substring(0, stem.Length - 1);
        }

        return stem.Length >= 4 ? stem : null;
    }

    /// <summary>Nothing, <c>this</c>, or the very object the state was read on: the caller gets what it had.</summary>
    private static bool IsUnchanged(IOperation? returned, MemberRead read) =>
        ValueTracer.Strip(returned) switch
        {
            null or IInstanceReferenceOperation => true,
            var value => read.Instance is not null && ValueTracer.RootSymbol(value) is { } root
                && ValueTracer.Strip(value) is ILocalReferenceOperation or IParameterReferenceOperation
                && SymbolEqualityComparer.Default.Equals(root, ValueTracer.RootSymbol(read.Instance)),
        };

    /// <summary>
    /// Whether the method around <paramref name="inside"/> writes <paramref name="read"/>'s member from the value
    /// written <paramref name="valueText"/>: assigned to it, or passed to a method or constructor of the member's
    /// own type (or of the type the check is in) that assigns it from that parameter, or named after the member in a
    /// call to a method of the member's own type (an immutable entity's <c>CreateMutatedCopy(status: newStatus)</c>).
    /// </summary>
    private static bool IsAboutToBeWritten(IOperation inside, string valueText, MemberRead read)
    {
        foreach (var (target, assignment) in WritesAround(inside))
        {
            if (SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, read.Member.OriginalDefinition)
                && ValueTracer.Strip(assignment.Value)?.Syntax.ToString() == valueText)
            {
                return true;
            }
        }

        foreach (var (method, arguments) in CallsAround(inside))
        {
            // The member's own type (where an argument named after the member is its new value: an immutable entity's
            // `CreateMutatedCopy(driversLicense: newLicense)`), or a helper beside the check that writes it (`ChangeStatus(customer, Active, reason)` in a service).
            var ownType = SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, read.Member.ContainingType?.OriginalDefinition);
            if (!ownType && !IsDeclaredBeside(method, inside.Syntax))
            {
                continue;
            }

            foreach (var argument in arguments)
            {
                if (argument.Parameter is { } parameter
                    && ValueTracer.Strip(argument.Value)?.Syntax.ToString() == valueText
                    && ((ownType && argument.Syntax is ArgumentSyntax { NameColon: not null } && OperandName.SameAttribute(parameter.Name, read.Member.Name))
                        || AssignsFromParameter(method, parameter, read.Member)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="method"/> is declared in the type declaration around <paramref name="node"/>.</summary>
    private static bool IsDeclaredBeside(IMethodSymbol method, SyntaxNode node)
    {
        var around = node.FirstAncestorOrSelf<TypeDeclarationSyntax>();
        return around is not null && method.DeclaringSyntaxReferences.Any(reference =>
            reference.SyntaxTree == around.SyntaxTree && reference.GetSyntax().FirstAncestorOrSelf<TypeDeclarationSyntax>() == around);
    }

    private static IEnumerable<(IMethodSymbol Method, ImmutableArray<IArgumentOperation> Arguments)> CallsAround(IOperation inside)
    {
        foreach (var operation in ValueTracer.Root(inside).Descendants())
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    yield return (invocation.TargetMethod, invocation.Arguments);
                    break;
                case IObjectCreationOperation { Constructor: { } constructor } creation:
                    yield return (constructor, creation.Arguments);
                    break;
            }
        }
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
                    && IsParameterValue(assignment.Right, parameter)
                    && !InitializesAnotherType(assignment, member)
                    && !DeclaresLocal(reference.GetSyntax(), member.Name))
                {
                    return true;
                }
            }

            // `CreateMutatedCopy(status: newStatus)`: an immutable entity writes its copy's member under the member's name.
            if (reference.GetSyntax().DescendantNodes().OfType<ArgumentSyntax>().Any(argument =>
                    argument.NameColon is { } named
                    && OperandName.SameAttribute(named.Name.Identifier.ValueText, member.Name)
                    && argument.Expression is IdentifierNameSyntax value && value.Identifier.ValueText == parameter.Name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>new Image { OwnerId = userId }</c> in a helper beside <c>hotel.OwnerId != userId</c>: a member of the same name
    /// written while creating another type's object is not the one the check read. A copy of the member's own type
    /// (<c>new Customer { Status = status }</c>) or a target-typed <c>new() { .. }</c> still counts.
    /// </summary>
    private static bool InitializesAnotherType(AssignmentExpressionSyntax assignment, ISymbol member) =>
        assignment.Parent is InitializerExpressionSyntax { Parent: ObjectCreationExpressionSyntax { Type: var created } }
        && RightmostName(created) is { } name
        && name != member.ContainingType?.Name;

    private static string? RightmostName(TypeSyntax type) => type switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary><c>status</c>, or <c>status ?? Status</c> (a copy keeping what it is not given).</summary>
    private static bool IsParameterValue(ExpressionSyntax value, IParameterSymbol parameter) => value switch
    {
        IdentifierNameSyntax name => name.Identifier.ValueText == parameter.Name,
        BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression) => IsParameterValue(coalesce.Left, parameter),
        _ => false,
    };

    private static bool DeclaresLocal(SyntaxNode body, string name) =>
        body.DescendantNodes().OfType<VariableDeclaratorSyntax>().Any(v => v.Identifier.ValueText == name)
        || body.DescendantNodes().OfType<ParameterSyntax>().Any(p => p.Identifier.ValueText == name);
}

