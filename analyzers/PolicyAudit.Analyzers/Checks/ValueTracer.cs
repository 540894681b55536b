using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyAudit.Analyzers.Checks;

/// <summary>
/// Finds the member a value is computed from: the member itself, its <c>Nullable</c> value, its size, arithmetic or
/// a call over it, or a local initialised from any of these. Shared by PA0001 (which asks "is it governed?") and the
/// generator (which asks "is it a domain member a policy condition compares?").
/// </summary>
internal static class ValueTracer
{
    /// <summary>Locals initialised from locals: deep enough for real chains, shallow enough to stay cheap.</summary>
    public const int MaxLocalDepth = 3;

    public static MemberRead? Find(IOperation? operation, Func<ISymbol, bool> isCandidate) =>
        Find(operation, isCandidate, 0);

    /// <summary>Strips conversions and parentheses.</summary>
    public static IOperation? Strip(IOperation? operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                default:
                    return operation;
            }
        }
    }

    private static MemberRead? Find(IOperation? operation, Func<ISymbol, bool> isCandidate, int depth)
    {
        operation = Strip(operation);
        switch (operation)
        {
            case IConditionalAccessOperation conditional:
                return Find(conditional.WhenNotNull, isCandidate, depth);

            case IConditionalAccessInstanceOperation instance when ResolveInstance(instance, instance) is { } accessed and not IConditionalAccessInstanceOperation:
                // `claims?.Count`, `items?.Any()`: the value a `?.` reads its member or call on.
                return Find(accessed, isCandidate, depth);

            case IAwaitOperation awaited:
                return Find(awaited.Operation, isCandidate, depth);

            case IPropertyReferenceOperation property:
                if (isCandidate(property.Property))
                {
                    return new MemberRead(property.Property, ResolveInstance(property, property.Instance), ReadKind.Value);
                }

                return property.Instance is null ? null : FromFrameworkMember(property.Property, property.Instance, isCandidate, depth);

            case IFieldReferenceOperation field:
                return isCandidate(field.Field)
                    ? new MemberRead(field.Field, ResolveInstance(field, field.Instance), ReadKind.Value)
                    : null;

            case IInvocationOperation invocation:
                return FromInvocation(invocation, isCandidate, depth);

            case IObjectCreationOperation { Type: { IsValueType: true } created } creation when IsFramework(created):
                // `new DateTimeOffset(lockoutEnd.Value)`: the framework's value types wrap the member's value, as a call over it does.
                return creation.Arguments.Select(argument => Find(argument.Value, isCandidate, depth)).FirstOrDefault(found => found is not null)?.As(ReadKind.Derived);

            case IBinaryOperation binary when IsArithmetic(binary.OperatorKind):
                return (Find(binary.LeftOperand, isCandidate, depth) ?? Find(binary.RightOperand, isCandidate, depth))?.As(ReadKind.Derived);

            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus or UnaryOperatorKind.Plus } unary:
                return Find(unary.Operand, isCandidate, depth)?.As(ReadKind.Derived);

            case ICoalesceOperation coalesce:
                return Find(coalesce.Value, isCandidate, depth)?.As(ReadKind.Derived);

            case IConditionalOperation { WhenFalse: { } whenFalse } choice when choice.Type?.SpecialType != SpecialType.System_Boolean || IsFlagChoice(choice):
                // `role == null ? settings.OrderTotalMinimum : role.OrderTotalMinimum`: either branch may be the value;
                // the condition only picks one, and its reads are guards.
                return Find(choice.WhenTrue, isCandidate, depth) ?? Find(whenFalse, isCandidate, depth);

            case IParameterReferenceOperation parameter when isCandidate(parameter.Parameter):
                // A parameter that carries a governed member's value from its callers (see CarriedValues).
                return new MemberRead(parameter.Parameter, null, ReadKind.Value);

            case ILocalReferenceOperation local when depth < MaxLocalDepth:
                // A local holding the member's value is that value: `var allowed = plan.AllowsExport; if (!allowed)`.
                return Find(Initializer(local), isCandidate, depth + 1);

            default:
                return null;
        }
    }

    /// <summary><c>x.Value</c> of a nullable, <c>list.Count</c>, <c>array.Length</c>, <c>span.TotalDays</c>: framework members over a value.</summary>
    private static MemberRead? FromFrameworkMember(IPropertySymbol property, IOperation instance, Func<ISymbol, bool> isCandidate, int depth)
    {
        if (!IsFramework(property.ContainingType))
        {
            return null;
        }

        if (property.IsIndexer && ElementSelected(instance, depth) is { } element)
        {
            // `allows = libraries.ToDictionary(l => l.Id, l => l.AllowScrobbling); if (!allows[id])`: the lookup's
            // element is the member's value, read for one key.
            return Find(element, isCandidate, depth + 1);
        }

        var inner = Find(instance, isCandidate, depth);
        if (inner is null)
        {
            return null;
        }

        if (property.ContainingType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T && property.Name == "Value")
        {
            return inner;
        }

        return inner.Value.As(property.Name is "Count" or "Length" or "LongLength" ? ReadKind.Size : ReadKind.Derived);
    }

    /// <summary>The value a dictionary built by <c>ToDictionary(key, element)</c> holds for each key: its element selector's result.</summary>
    private static IOperation? ElementSelected(IOperation? dictionary, int depth)
    {
        var value = Strip(dictionary);
        if (value is ILocalReferenceOperation local && depth < MaxLocalDepth)
        {
            value = Strip(Initializer(local));
        }

        while (value is IAwaitOperation or IInvocationOperation { TargetMethod.Name: "ConfigureAwait" })
        {
            value = Strip(value is IAwaitOperation awaited ? awaited.Operation : ((IInvocationOperation)value).Instance);
        }

        if (value is not IInvocationOperation { TargetMethod.Name: "ToDictionary" or "ToDictionaryAsync" or "ToImmutableDictionary" or "ToFrozenDictionary" } call)
        {
            return null;
        }

        var selectors = call.Arguments.SelectMany(argument => Governance.ScopeFlags.Lambdas(argument.Value)).ToList();
        return selectors.Count == 2 && selectors[1].Body.Operations.Length == 1 && selectors[1].Body.Operations[0] is IReturnOperation { ReturnedValue: { } element }
            ? element
            : null;
    }

    private static MemberRead? FromInvocation(IInvocationOperation invocation, Func<ISymbol, bool> isCandidate, int depth)
    {
        var method = invocation.TargetMethod;
        if (method.IsExtensionMethod && !IsLinqOperators(method.ContainingType) && isCandidate(Definition(method)))
        {
            // `user.HasPermission(PermissionKind.IsDisabled)`: a domain's extension method, read on its first argument.
            var receiver = invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
            return new MemberRead(Definition(method), receiver, ReadKind.Value, CallKey(invocation));
        }

        if (!method.IsExtensionMethod && isCandidate(method))
        {
            return new MemberRead(method, ResolveInstance(invocation, invocation.Instance), ReadKind.Value, CallKey(invocation));
        }

        if (method.Name == "ToString" && invocation.Instance is { } formatted && !IsStateType(formatted.Type) && formatted.Type?.SpecialType != SpecialType.System_String)
        {
            // `RetryAttempt.ToString(CultureInfo.InvariantCulture)` is the number's text, for storage or display; a state's
            // name (`order.Status.ToString() == "Paid"`) is still the state.
            return null;
        }

        if (method.Name == "GetValueOrDefault" && method.ContainingType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            return Find(invocation.Instance, isCandidate, depth);
        }

        // Traced once and reused below: a query's chain of operators (`Where(..).OrderBy(..).Select(..)`) traced twice
        // at every step costs 2^n.
        MemberRead? source = null;
        var sourceTraced = false;
        if (method.IsExtensionMethod && IsLinqOperators(method.ContainingType) && invocation.Arguments.Length > 0)
        {
            source = Find(invocation.Arguments[0].Value, isCandidate, depth);
            sourceTraced = true;
            switch (method.Name)
            {
                case "Count" or "LongCount":
                    return source?.As(ReadKind.Size);
                case "Any":
                    return source?.As(invocation.Arguments.Length == 1 ? ReadKind.NotEmpty : ReadKind.AnyMatching);
                case "Max" or "Min" or "Sum" or "Average" or "Select" when invocation.Arguments.Length == 2 && source is null:
                    // `roles.Max(r => r.Position)`, `roles.Select(r => r.Position).Max()`: the highest rank is a governed
                    // rank, as `Math.Max(a.Rank, b.Rank)` is.
                    return AsLambda(invocation.Arguments[1].Value) is { } selector && ReturnedValue(selector) is { } selected
                        ? Find(selected, isCandidate, depth)?.As(ReadKind.Derived)
                        : null;
            }
        }

        // A value passed through a call (a date window, Math.Min, a helper) is still the member's value, changed.
        var found = Find(invocation.Instance, isCandidate, depth);
        for (var index = 0; index < invocation.Arguments.Length && found is null; index++)
        {
            var argument = invocation.Arguments[index];
            if (index == 0 && sourceTraced)
            {
                found = source;
            }
            else if (Strip(argument.Value) is not (IAnonymousFunctionOperation or IDelegateCreationOperation))
            {
                found = Find(argument.Value, isCandidate, depth);
            }
        }

        return found?.As(ReadKind.Derived);
    }

    /// <summary>The top of the operation tree <paramref name="inside"/> belongs to: its method body, lambda or initializer.</summary>
    public static IOperation Root(IOperation inside)
    {
        var root = inside;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        return root;
    }

    /// <summary>
    /// <c>onChain ? hasPayment : !invoice.IsUnderPaid</c>: a boolean chosen between values, not a test of its own
    /// (a constant branch, as in <c>x ? true : y</c>, makes it a logical operator the caller already walks).
    /// </summary>
    private static bool IsFlagChoice(IConditionalOperation choice) =>
        Strip(choice.WhenTrue)?.ConstantValue.HasValue != true && Strip(choice.WhenFalse)?.ConstantValue.HasValue != true;

    /// <summary>A flag's type: <c>bool</c> or <c>bool?</c>.</summary>
    public static bool IsFlagType(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type?.SpecialType == SpecialType.System_Boolean;
    }

    /// <summary>The static method an extension method call binds to (its reduced form names the same method).</summary>
    public static IMethodSymbol Definition(IMethodSymbol method) => (method.ReducedFrom ?? method).OriginalDefinition;

    /// <summary>
    /// The constant arguments of a call, comma-separated (<c>4</c> for <c>HasPermission(PermissionKind.IsDisabled)</c>),
    /// without the receiver of an extension method; null when the call has none, or one is not a constant.
    /// </summary>
    public static string? CallKey(IInvocationOperation invocation)
    {
        var keys = new List<string>();
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { Ordinal: 0 } && invocation.TargetMethod.IsExtensionMethod && invocation.Instance is null)
            {
                continue;
            }

            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            if (Comparison.ValueKey(argument.Value) is not { } key)
            {
                // `UserSecurity.ContainsRole(user.Roles, RoleNames.Host)`: a static helper's argument that reads the
                // fact's member is its receiver, as an extension method's is; the constants say which question it asks.
                if (Strip(argument.Value) is IPropertyReferenceOperation { Instance: not null } or IFieldReferenceOperation { Instance: not null })
                {
                    continue;
                }

                return null;
            }

            if (key.IndexOf(']') >= 0 || key.IndexOf(',') >= 0)
            {
                return null;
            }

            keys.Add(key);
        }

        return keys.Count == 0 ? null : string.Join(",", keys);
    }

    /// <summary>
    /// The value a local was declared with, when it has one: its initializer, or the value a pattern matched when the
    /// pattern declared it (<c>if (team.MemberCap is int cap &amp;&amp; active &gt;= cap)</c>).
    /// </summary>
    public static IOperation? Initializer(ILocalReferenceOperation local)
    {
        var model = local.SemanticModel;
        if (model is null || local.Local.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var declarator = local.Local.DeclaringSyntaxReferences[0].GetSyntax();
        if (declarator.SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        var declared = declarator switch
        {
            VariableDeclaratorSyntax { Initializer.Value: { } value } => model.GetOperation(value),
            SingleVariableDesignationSyntax { Parent: PatternSyntax pattern } => MatchedValue(model.GetOperation(pattern)),
            _ => null,
        };
        return declared is null || Strip(declared)?.ConstantValue.HasValue == true ? AssignedLater(local) ?? declared : declared;
    }

    /// <summary>
    /// <c>var needed = 0; if (..) needed = invited - (org.Seats.Value - occupied);</c>: a local declared with a constant
    /// (or nothing) and given its real value later holds that value; the first such assignment in the body is it.
    /// </summary>
    private static IOperation? AssignedLater(ILocalReferenceOperation local)
    {
        foreach (var assignment in Root(local).Descendants().OfType<ISimpleAssignmentOperation>())
        {
            if (assignment.Target is ILocalReferenceOperation target
                && SymbolEqualityComparer.Default.Equals(target.Local, local.Local)
                && Strip(assignment.Value)?.ConstantValue.HasValue != true)
            {
                return assignment.Value;
            }
        }

        return null;
    }

    /// <summary>The value a pattern is matched against: the tested expression, the subpattern's member, the switch's value.</summary>
    private static IOperation? MatchedValue(IOperation? pattern) => pattern?.Parent switch
    {
        IIsPatternOperation isPattern => isPattern.Value,
        IPropertySubpatternOperation subpattern => subpattern.Member,
        IPatternCaseClauseOperation { Parent: ISwitchCaseOperation { Parent: ISwitchOperation switchStatement } } => switchStatement.Value,
        ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation switchExpression } => switchExpression.Value,
        _ => null,
    };

    private static IOperation? ResolveInstance(IOperation reference, IOperation? instance)
    {
        if (instance is not IConditionalAccessInstanceOperation)
        {
            return instance;
        }

        // The `?.` whose accessed part holds the reference: in `a?.B()?.C()` the instance of `C()` is `a?.B()`'s result,
        // and the instance of `B()` is `a`, though `B()` is itself the accessed value of the inner `?.`.
        for (IOperation? child = reference, parent = reference.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            if (parent is IConditionalAccessOperation conditional && conditional.WhenNotNull == child)
            {
                return conditional.Operation;
            }
        }

        return instance;
    }

    /// <summary>The arithmetic operators, through which a value stays the member's value, changed.</summary>
    public static bool IsArithmetic(BinaryOperatorKind kind) => kind is BinaryOperatorKind.Add
        or BinaryOperatorKind.Subtract
        or BinaryOperatorKind.Multiply
        or BinaryOperatorKind.Divide
        or BinaryOperatorKind.Remainder;

    /// <summary>
    /// The local or parameter a value is read from; null for <c>this</c>. With <paramref name="throughCalls"/>, also
    /// through the instances of method calls (<c>account</c> in <c>account.GetCurrentBalance().Amount</c>).
    /// </summary>
    public static ISymbol? RootSymbol(IOperation? operation, bool throughCalls = false)
    {
        while (true)
        {
            switch (ValueTracer.Strip(operation))
            {
                case IPropertyReferenceOperation { Instance: { } instance }:
                    operation = instance;
                    continue;
                case IFieldReferenceOperation { Instance: { } instance }:
                    operation = instance;
                    continue;
                case IInvocationOperation { Instance: { } instance } when throughCalls:
                    operation = instance;
                    continue;
                case ILocalReferenceOperation local:
                    return local.Local;
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter;
                default:
                    return null;
            }
        }
    }

    /// <summary>Flags and enums (nullable or not): the types whose equality compares states rather than amounts.</summary>
    public static bool IsStateType(ITypeSymbol? type)
    {
        type = WithoutNullable(type);
        return type is { TypeKind: TypeKind.Enum } or { SpecialType: SpecialType.System_Boolean } || Comparison.IsSmartEnumType(type);
    }

    /// <summary>The type itself, or <c>T</c> for <c>Nullable&lt;T&gt;</c>.</summary>
    public static ITypeSymbol? WithoutNullable(ITypeSymbol? type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

    /// <summary>An enum (nullable or not): a state, not a flag.</summary>
    public static bool IsEnumStateType(ITypeSymbol? type) => IsStateType(type) && !IsFlagType(type);

    /// <summary>The type a property or field holds, seen through <c>Nullable</c>; null for any other symbol.</summary>
    public static ITypeSymbol? HeldType(ISymbol member)
    {
        var type = member switch
        {
            IPropertySymbol property => property.Type,
            IFieldSymbol field => field.Type,
            _ => null,
        };
        return WithoutNullable(type);
    }

    /// <summary>True for types of the <c>System</c> namespace tree, whose members are never governed by a policy condition.</summary>
    public static bool IsFramework(ITypeSymbol? type) => PolicyAuditTypes.RootNamespaceOf(type) == "System";

    /// <summary><c>System.Linq.Enumerable</c> or <c>System.Linq.Queryable</c>, whose methods LINQ calls.</summary>
    public static bool IsLinqOperators(INamedTypeSymbol? type) =>
        type is { Name: "Enumerable" or "Queryable", ContainingNamespace: { Name: "Linq", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

    /// <summary>A lambda argument, whether it becomes a delegate or an expression tree (<c>RuleFor(c =&gt; c.Expiry)</c>).</summary>
    public static IAnonymousFunctionOperation? AsLambda(IOperation argument) => Strip(argument) switch
    {
        IAnonymousFunctionOperation lambda => lambda,
        IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } => lambda,
        _ => null,
    };

    /// <summary>The value a lambda with a single expression or <c>return</c> gives; null for a longer body.</summary>
    public static IOperation? ReturnedValue(IAnonymousFunctionOperation lambda) =>
        lambda.Body.Operations.Length == 1 && lambda.Body.Operations[0] is IReturnOperation { ReturnedValue: { } value } ? value : null;

    /// <summary>
    /// The argument a lambda is passed as, through its conversion to a delegate or an expression tree
    /// (<c>p =&gt; p.IsActive</c> in <c>Where(p =&gt; p.IsActive)</c>); null when it is not an argument.
    /// </summary>
    public static IArgumentOperation? ArgumentOf(IAnonymousFunctionOperation lambda)
    {
        var current = lambda.Parent;
        while (current is IDelegateCreationOperation or IConversionOperation)
        {
            current = current.Parent;
        }

        return current as IArgumentOperation;
    }

    /// <summary><c>string.IsNullOrEmpty(x)</c> or <c>string.IsNullOrWhiteSpace(x)</c>: whether a text is there.</summary>
    public static bool IsEmptinessTest(IInvocationOperation call) =>
        call.TargetMethod is { Name: "IsNullOrEmpty" or "IsNullOrWhiteSpace", ContainingType.SpecialType: SpecialType.System_String } && call.Arguments.Length == 1;

    /// <summary><c>options.HasFlag(C)</c>: whether a <c>[Flags]</c> value holds a state.</summary>
    public static bool IsHasFlag(IInvocationOperation call) =>
        call.TargetMethod is { Name: "HasFlag", ContainingType.SpecialType: SpecialType.System_Enum } && call.Arguments.Length == 1;

    /// <summary>The <c>T</c> of the framework's <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c>; null for any other type.</summary>
    public static ITypeSymbol? TaskResultType(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "Task" or "ValueTask", TypeArguments.Length: 1 } task && PolicyAuditTypes.RootNamespaceOf(task) == "System"
            ? task.TypeArguments[0]
            : null;
}
