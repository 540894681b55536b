using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using PolicyAudit.Analyzers.Governance;

namespace PolicyAudit.Analyzers.Checks;

/// <summary>
/// PA0001's per-compilation work: finds comparisons, patterns, switch arms, conditions, LINQ predicates and
/// FluentValidation rules that decide on a governed member outside a policy, and reports them naming the policy whose
/// condition they repeat.
/// </summary>
internal sealed class PolicyCheckFinder
{
    /// <summary>The <c>.editorconfig</c> key that decides whether state checks inside a member's own type are reported.</summary>
    public const string DeclaringTypeStateChecksOption = "PA0001.state_checks_in_declaring_type";

    /// <summary>
    /// The <c>.editorconfig</c> key that decides which comparisons of a governed member are reported: <c>any</c> (the
    /// default) or <c>matching</c>, only those that make one of the policies' own tests of it.
    /// </summary>
    public const string ReportedComparisonsOption = "PA0001.reported_comparisons";

    private static readonly Regex Whitespace = new(@"\s+", RegexOptions.Compiled);

    /// <summary>FluentValidation validators that compare a value with a limit or a predicate; <c>NotNull</c> and the like are guards.</summary>
    private static readonly Dictionary<string, string> Validators = new(StringComparer.Ordinal)
    {
        ["LessThan"] = "<", ["LessThanOrEqualTo"] = "<=", ["GreaterThan"] = ">", ["GreaterThanOrEqualTo"] = ">=",
        ["Equal"] = "==", ["NotEqual"] = "!=", ["InclusiveBetween"] = "<=", ["ExclusiveBetween"] = "<",
        ["Must"] = "==", ["MustAsync"] = "==", ["Length"] = "<=", ["MaximumLength"] = "<=", ["MinimumLength"] = ">=",
        ["PrecisionScale"] = "<=",
    };

    /// <summary>The level methods of a project's own logger (<c>ILog.Warning</c>), see <see cref="IsLogging"/>.</summary>
    private static readonly HashSet<string> LogLevelNames = new(StringComparer.Ordinal)
    {
        "Trace", "Debug", "Verbose", "Info", "Information", "Warn", "Warning", "Error", "Fatal", "Critical", "Log", "Write",
    };

    private readonly PolicyAuditTypes _types;
    private readonly Lazy<GovernanceCatalog> _catalog;
    private readonly Lazy<CarriedValues> _carried;
    private readonly Func<ISymbol, bool> _isGoverned;

    /// <summary>Tests written into a flag local's initializer and reported there, once however often the local is used.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<SyntaxNode, byte> _initializerTests = new();

    public PolicyCheckFinder(PolicyAuditTypes types, Lazy<GovernanceCatalog> catalog, Lazy<CarriedValues> carried)
    {
        _types = types;
        _catalog = catalog;
        _carried = carried;
        _isGoverned = member => _catalog.Value.IsGoverned(member) || (member is IFieldSymbol or IPropertySymbol or IParameterSymbol or IMethodSymbol && _carried.Value.OriginOf(member) is not null);
    }

    public void AnalyzeBinary(OperationAnalysisContext context)
    {
        var binary = (IBinaryOperation)context.Operation;
        // `a | b` and `a & b` over flags decide as `||` and `&&` do, only without short-circuiting.
        if (binary.OperatorKind is BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr
            || (binary.OperatorKind is BinaryOperatorKind.And or BinaryOperatorKind.Or && binary.Type?.SpecialType == SpecialType.System_Boolean))
        {
            if (!Skip(context))
            {
                CheckFlag(context, binary.LeftOperand, binary.LeftOperand.Syntax);
                CheckFlag(context, binary.RightOperand, binary.RightOperand.Syntax);
            }

            return;
        }

        if (Comparison.From(binary) is { } pair && !Skip(context))
        {
            CheckComparison(context, pair, binary.Syntax, fixable: true);
        }
    }

    /// <summary><c>a.Equals(b)</c>, <c>Equals(a, b)</c>, and FluentValidation rules.</summary>
    public void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name == "Equals"
            && invocation.Type?.SpecialType == SpecialType.System_Boolean
            && Comparison.From(invocation) is { } pair
            && !Skip(context))
        {
            CheckComparison(context, pair, invocation.Syntax, fixable: false);
            return;
        }

        if (IsFluentValidation(invocation.TargetMethod) && !Skip(context))
        {
            CheckValidationRule(context, invocation);
            return;
        }

        if (IsAssertion(invocation.TargetMethod) && !Skip(context))
        {
            // `AssertionConcern.AssertStateTrue(this.Active, "Tenant is not active.")`: the helper throws when the flag
            // is not set, as `if (!this.Active) throw ...` does.
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Type.SpecialType == SpecialType.System_Boolean)
                {
                    CheckFlag(context, argument.Value, argument.Value.Syntax);
                }
            }
        }
    }

    /// <summary>
    /// A guard helper of the project's own (<c>AssertionConcern.AssertStateTrue</c>, <c>Guard.Against(..)</c>,
    /// <c>Ensure.That(..)</c>): a method named <c>Assert..</c>, <c>Ensure..</c>, <c>Require..</c> or <c>Verify..</c>, or
    /// one of a type named after guarding. Not the framework's (<c>Debug.Assert</c>) nor a test framework's.
    /// </summary>
    private static bool IsAssertion(IMethodSymbol method)
    {
        if (method.ContainingType is not { } type
            || PolicyAuditTypes.IsFramework(type)
            || ValueTracer.IsFramework(type)
            || PolicyAuditTypes.RootNamespaceOf(type) is "Xunit" or "NUnit" or "FluentAssertions" or "Shouldly" or "Moq" or "NSubstitute")
        {
            return false;
        }

        var name = method.Name;
        return name.StartsWith("Assert", StringComparison.Ordinal) || name.StartsWith("Ensure", StringComparison.Ordinal)
            || name.StartsWith("Require", StringComparison.Ordinal) || name.StartsWith("Verify", StringComparison.Ordinal)
            || type.Name.IndexOf("Guard", StringComparison.Ordinal) >= 0 || type.Name.IndexOf("Assert", StringComparison.Ordinal) >= 0
            || type.Name.IndexOf("Ensure", StringComparison.Ordinal) >= 0;
    }

    public void AnalyzeIsPattern(OperationAnalysisContext context)
    {
        var isPattern = (IIsPatternOperation)context.Operation;
        if (Skip(context))
        {
            return;
        }

        CheckPattern(context, isPattern.Value, isPattern.Pattern, isPattern.Syntax, isPattern.Syntax.ToString(), fixable: true);
    }

    public void AnalyzeSwitchExpression(OperationAnalysisContext context)
    {
        var switchExpression = (ISwitchExpressionOperation)context.Operation;
        if (Skip(context) || IsTranslation(switchExpression) || IsTransitionTable(switchExpression) || IsTransitionPairTable(switchExpression))
        {
            return;
        }

        foreach (var arm in switchExpression.Arms)
        {
            CheckPattern(context, switchExpression.Value, arm.Pattern, arm.Pattern.Syntax, switchExpression.Value.Syntax + " is " + arm.Pattern.Syntax, fixable: false);
            if (arm.Guard is not null)
            {
                CheckFlag(context, arm.Guard, arm.Guard.Syntax);
            }
        }
    }

    /// <summary>
    /// <c>(current, next) switch { (Free, Active) =&gt; true, (Active, PastDue) =&gt; true, (Active, Canceled) =&gt; true, _ =&gt; false }</c>:
    /// the same table written over the pair of a state and the state it would move to. Each arm answers whether one move
    /// is allowed; none refuses a state.
    /// </summary>
    private static bool IsTransitionPairTable(ISwitchExpressionOperation switchExpression)
    {
        if (ValueTracer.Strip(switchExpression.Value) is not ITupleOperation { Elements.Length: 2 } pair
            || ValueTracer.WithoutNullable(pair.Elements[0].Type) is not { TypeKind: TypeKind.Enum } state
            || !SymbolEqualityComparer.Default.Equals(state, ValueTracer.WithoutNullable(pair.Elements[1].Type))
            || switchExpression.Arms.Length < 3)
        {
            return false;
        }

        return switchExpression.Arms.All(arm => ValueTracer.Strip(arm.Value)?.ConstantValue.Value is bool)
            && switchExpression.Arms.Count(arm => arm.Pattern is IRecursivePatternOperation) >= 3;
    }

    /// <summary>
    /// <c>bool valid = current switch { Available =&gt; next is Reserved or Rented, Reserved =&gt; next is Rented or Available, .., _ =&gt; false };</c>:
    /// a state machine's table of the moves each state allows. Its arms pick the row; the move is the question, and a
    /// policy about one state is not decided in another state's row.
    /// </summary>
    private static bool IsTransitionTable(ISwitchExpressionOperation switchExpression)
    {
        var state = ValueTracer.WithoutNullable(switchExpression.Value.Type);
        if (state is not { TypeKind: TypeKind.Enum } || switchExpression.Arms.Length < 3)
        {
            return false;
        }

        var rows = 0;
        foreach (var arm in switchExpression.Arms)
        {
            var answer = ValueTracer.Strip(arm.Value);
            if (answer is IIsPatternOperation { Value: var move } && SymbolEqualityComparer.Default.Equals(ValueTracer.WithoutNullable(move.Type), state)
                && ValueTracer.Strip(move) is ILocalReferenceOperation or IParameterReferenceOperation
                && !SymbolEqualityComparer.Default.Equals(ValueTracer.RootSymbol(move), ValueTracer.RootSymbol(switchExpression.Value)))
            {
                rows++;
            }
            else if (answer?.ConstantValue.Value is not bool)
            {
                return false;
            }
        }

        return rows >= 2;
    }

    public void AnalyzeSwitchStatement(OperationAnalysisContext context)
    {
        var switchStatement = (ISwitchOperation)context.Operation;
        if (Skip(context) || IsTranslation(switchStatement) || IsDisplayNames(switchStatement) || IsKindDispatch(switchStatement))
        {
            return;
        }

        var value = switchStatement.Value;
        foreach (var clause in switchStatement.Cases.SelectMany(c => c.Clauses))
        {
            switch (clause)
            {
                case IPatternCaseClauseOperation patternClause:
                    CheckPattern(context, value, patternClause.Pattern, patternClause.Pattern.Syntax, value.Syntax + " is " + patternClause.Pattern.Syntax, fixable: false);
                    if (patternClause.Guard is not null)
                    {
                        CheckFlag(context, patternClause.Guard, patternClause.Guard.Syntax);
                    }

                    break;
                case ISingleValueCaseClauseOperation valueClause when Governed(value) is { } read && Decides(valueClause.Value, read):
                    Report(context, valueClause.Value.Syntax, value.Syntax + " is " + valueClause.Value.Syntax, read, "==", Comparison.ValueKey(valueClause.Value), fixable: false);
                    break;
            }
        }
    }

    /// <summary>
    /// <c>switch (source.PaymentStatus) { case Active: return ApprenticeshipStatus.Live; case Withdrawn: return
    /// ApprenticeshipStatus.Stopped; ... }</c>: every arm gives another state for the state it matches, which translates
    /// one state into another vocabulary (a status shown, an event's kind). Nothing is refused: no arm but the default
    /// throws, and no arm answers yes or no, gives a number (a rate or a limit by tier is a policy's value) or a text.
    /// </summary>
    /// <remarks>
    /// An arm that gives no state (<c>Enterprise =&gt; null</c>: no next plan) belongs to the translation beside arms
    /// that do. Distinct texts for three or more states, with a text for the rest (<c>Active =&gt; "Activa", .., _ =&gt;
    /// status.ToString()</c>), or for two states and a written text for the rest (<c>Success =&gt; "Payment Successful",
    /// Failed =&gt; "Payment Failed", _ =&gt; "Payment Update"</c>), name each state for display; refusal texts leave the
    /// rest without one (<c>_ =&gt; null</c>).
    /// </remarks>
    private static bool IsTranslation(ISwitchExpressionOperation switchExpression) =>
        switchExpression.Arms.Length >= 2
        && ((switchExpression.Arms.All(arm => arm.Pattern is IDiscardPatternOperation || IsTranslatedValue(arm.Value) || IsNoValue(arm.Value))
                && switchExpression.Arms.Any(arm => arm.Pattern is not IDiscardPatternOperation && IsTranslatedValue(arm.Value)))
            || IsDisplayNames(switchExpression));

    private static bool IsNoValue(IOperation value) =>
        ValueTracer.Strip(value) is { ConstantValue: { HasValue: true, Value: null } } or IDefaultValueOperation;

    private static bool IsDisplayNames(ISwitchExpressionOperation switchExpression)
    {
        var named = switchExpression.Arms.Where(arm => arm.Pattern is not IDiscardPatternOperation).ToList();
        var texts = named.SelectMany(arm => ArmTexts(arm.Value)).ToList();
        var rest = switchExpression.Arms.Where(arm => arm.Pattern is IDiscardPatternOperation).ToList();
        var textForTheRest = rest.Count == 1 && ValueTracer.Strip(rest[0].Value)?.ConstantValue is { HasValue: true, Value: string { Length: > 0 } };
        return (named.Count >= 3 || (named.Count == 2 && textForTheRest))
            && ValueTracer.IsEnumStateType(switchExpression.Value.Type)
            && named.All(arm => arm.Pattern is IConstantPatternOperation or IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or })
            && texts.All(text => !string.IsNullOrEmpty(text))
            && texts.Distinct(StringComparer.Ordinal).Count() == texts.Count
            && switchExpression.Arms.Where(arm => arm.Pattern is IDiscardPatternOperation)
                .All(rest => ValueTracer.Strip(rest.Value) is not ({ ConstantValue: { HasValue: true, Value: null or "" } } or IThrowOperation));
    }

    /// <summary>
    /// The texts an arm can give: its constant, or both constants of a choice between two (<c>Cancelled =&gt; paymentStatus
    /// == Refunded ? "Refunded" : "Cancelled"</c>); a null entry for anything else.
    /// </summary>
    private static IEnumerable<string?> ArmTexts(IOperation value) => ValueTracer.Strip(value) switch
    {
        IConditionalOperation { WhenFalse: { } otherwise } choice => [Text(choice.WhenTrue), Text(otherwise)],
        var given => [Text(given)],
    };

    /// <summary>A constant text; null for anything else.</summary>
    private static string? Text(IOperation? value) => ValueTracer.Strip(value)?.ConstantValue is { HasValue: true, Value: string text } ? text : null;

    /// <summary>
    /// <c>BookingStatus.Confirmed when paymentStatus == PaymentLookupStatus.Completed =&gt; "Paid"</c>: a test in an arm's
    /// guard or value of a switch that names each state for display only chooses the name.
    /// </summary>
    private static bool IsInDisplayNamesArm(IOperation operation) =>
        EnclosingInStatement<ISwitchExpressionArmOperation>(operation) is { Parent: ISwitchExpressionOperation switchExpression } && IsDisplayNames(switchExpression);

    /// <summary>
    /// <c>switch (mode) { case OnlyPhone: return "phone"; case AtNextShift: return "shift"; case Anytime: return "anytime";
    /// default: throw new ArgumentOutOfRangeException(..); }</c>: the statement form of a state's names for display or
    /// storage, a distinct text for each of three or more states. A default that rejects a value the enum does not
    /// declare refuses no state.
    /// </summary>
    private static bool IsDisplayNames(ISwitchOperation switchStatement)
    {
        if (!ValueTracer.IsEnumStateType(switchStatement.Value.Type))
        {
            return false;
        }

        var texts = new List<string>();
        foreach (var section in switchStatement.Cases)
        {
            var statements = section.Body.Where(statement => statement is not IBranchOperation { BranchKind: BranchKind.Break }).ToList();
            var given = statements.Count == 1 ? GivenValue(statements[0]) : null;
            var text = ValueTracer.Strip(given)?.ConstantValue is { HasValue: true, Value: string { Length: > 0 } written } ? written : null;
            if (section.Clauses.Any(clause => clause.CaseKind == CaseKind.Default))
            {
                if (text is null && !(statements.Count == 1 && RejectsUndeclaredValue(statements[0])))
                {
                    return false;
                }

                continue;
            }

            if (text is null)
            {
                return false;
            }

            texts.Add(text);
        }

        return texts.Count >= 3 && texts.Distinct(StringComparer.Ordinal).Count() == texts.Count;
    }

    /// <summary><c>throw new ArgumentOutOfRangeException(nameof(mode), mode, null);</c>: a value outside the enum's members.</summary>
    private static bool RejectsUndeclaredValue(IOperation statement) =>
        (statement is IExpressionStatementOperation { Operation: var thrown } ? thrown : statement) is IThrowOperation { Exception: { } exception }
        && ValueTracer.Strip(exception)?.Type?.Name is "ArgumentOutOfRangeException" or "ArgumentException" or "InvalidEnumArgumentException"
            or "NotSupportedException" or "NotImplementedException" or "UnreachableException" or "SwitchExpressionException";

    /// <inheritdoc cref="IsTranslation(ISwitchExpressionOperation)"/>
    private static bool IsTranslation(ISwitchOperation switchStatement)
    {
        var translated = 0;
        foreach (var section in switchStatement.Cases)
        {
            if (section.Clauses.Any(clause => clause.CaseKind == CaseKind.Default))
            {
                continue;
            }

            var statements = section.Body.Where(statement => statement is not IBranchOperation { BranchKind: BranchKind.Break }).ToList();
            if (statements.Count == 0 || !statements.All(statement => GivenValue(statement) is { } given && IsTranslatedValue(given)))
            {
                return false;
            }

            translated++;
        }

        return translated >= 2;
    }

    /// <summary>
    /// What a translation gives for a state: another state (an enum, or its <c>Nullable</c>), or a value named in the
    /// project's configuration (a static property or field that is not a constant: <c>Phase1Incentive.EligibilityStartDate</c>,
    /// <c>GameConfig.RequireCharacterLevel.Weapon</c>), whose number a policy owner keeps elsewhere. A text or a number
    /// written in the arm (<c>"too late"</c>, <c>0.10m</c>) often states the decision itself, and an answer (<c>true</c>,
    /// a call such as <c>Forbid()</c>) is one.
    /// </summary>
    private static bool IsTranslatedValue(IOperation value)
    {
        var stripped = ValueTracer.Strip(value);
        if (stripped is IConditionalOperation { WhenFalse: { } otherwise } choice)
        {
            return IsTranslatedValue(choice.WhenTrue) && IsTranslatedValue(otherwise);
        }

        if (IsTranslatedType(stripped?.Type) && stripped is not (IThrowOperation or IInvocationOperation))
        {
            return true;
        }

        if (stripped is ITupleOperation { Elements.Length: >= 2 } tuple && tuple.Elements.All(IsScreenText))
        {
            // `"pending" when isOwner => ("awaiting_response", "INCOMING_REQUEST", Notifications.Request, new List<string> { "accept" })`:
            // the keys and texts a screen shows for the state; a single text may be the decision's own message.
            return true;
        }

        return stripped switch
        {
            IPropertyReferenceOperation { Property.IsStatic: true } property => !ValueTracer.IsFlagType(property.Type) && !ValueTracer.IsFramework(property.Property.ContainingType),
            IFieldReferenceOperation { Field: { IsStatic: true, IsConst: false } field } => !ValueTracer.IsFlagType(field.Type) && !ValueTracer.IsFramework(field.ContainingType),
            IPropertyReferenceOperation { Instance: IPropertyReferenceOperation or IFieldReferenceOperation } nested when IsTranslatedValue(nested.Instance!) => !ValueTracer.IsFlagType(nested.Type),
            _ => false,
        };
    }

    /// <summary>A text written in place or kept in a static member, a list of such texts (or an empty one), or none.</summary>
    private static bool IsScreenText(IOperation element) => ValueTracer.Strip(element) switch
    {
        { ConstantValue: { HasValue: true, Value: null or string } } => true,
        IPropertyReferenceOperation { Property: { IsStatic: true, Type.SpecialType: SpecialType.System_String } } => true,
        IFieldReferenceOperation { Field: { IsStatic: true, Type.SpecialType: SpecialType.System_String } } => true,
        IObjectCreationOperation { Initializer: null, Arguments.Length: 0 } empty => empty.Type is INamedTypeSymbol { TypeArguments.Length: 1 } list && list.TypeArguments[0].SpecialType == SpecialType.System_String,
        IObjectCreationOperation { Initializer: { } initializer } => initializer.Initializers.All(item =>
            item is IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1 } add && IsScreenText(add.Arguments[0].Value)),
        IArrayCreationOperation { Initializer: { } items } => items.ElementValues.All(IsScreenText),
        _ => false,
    };

    /// <summary>
    /// <c>if (Phase.Identifier == Phase.Phase1) return Phase1Incentive.EligibilityStartDate; if (Phase.Identifier ==
    /// Phase.Phase2) return Phase2Incentive.EligibilityStartDate; ...</c>: the <c>if</c> chain form of a translation (see
    /// <see cref="IsTranslation(ISwitchOperation)"/>), two or more tests of the same state in a row (or <c>else if</c>),
    /// each giving a translated value.
    /// </summary>
    private static bool IsTranslationChain(Comparison comparison, MemberRead read)
    {
        if (!ValueTracer.IsEnumStateType(read.MemberType)
            || comparison.Operand.Parent is not IBinaryOperation test
            || test.Parent is not IConditionalOperation branch
            || TranslationBranchOf(branch) is not { } key)
        {
            return false;
        }

        var chained = 1;
        if (branch.WhenFalse is IConditionalOperation elseIf && TranslationBranchOf(elseIf) == key)
        {
            chained++;
        }

        if (branch.Parent is IConditionalOperation outer && outer.WhenFalse == branch && TranslationBranchOf(outer) == key)
        {
            chained++;
        }

        if (branch.Parent is IBlockOperation block)
        {
            var index = block.Operations.IndexOf(branch);
            if ((index > 0 && block.Operations[index - 1] is IConditionalOperation before && TranslationBranchOf(before) == key)
                || (index + 1 < block.Operations.Length && block.Operations[index + 1] is IConditionalOperation after && TranslationBranchOf(after) == key))
            {
                chained++;
            }
        }

        return chained >= 2;
    }

    /// <summary>
    /// <c>if (user.Role == UserRole.Member) { user.Member = await members.GetAsync(..); } else if (user.Role ==
    /// UserRole.Librarian) { user.Librarian = await librarians.GetAsync(..); }</c>: an <c>else if</c> chain testing one
    /// value against different constants, no branch of which leaves or throws, does for each kind what that kind needs
    /// (loads its details, fills its fields); nothing is refused.
    /// </summary>
    private static bool IsKindDispatch(Comparison comparison)
    {
        if (comparison.Operator != "==" || Comparison.ValueKey(comparison.Other) is not { } value
            || DecidedChoice(comparison.Operand) is not { Type: null } branch
            || ValueTracer.Strip(comparison.Operand)?.Syntax.ToString() is not { } tested)
        {
            return false;
        }

        var first = branch;
        while (first.Parent is IConditionalOperation outer && outer.WhenFalse == first)
        {
            first = outer;
        }

        var values = new HashSet<string>(StringComparer.Ordinal);
        var links = 0;
        for (IOperation? link = first; link is not null; link = (link as IConditionalOperation)?.WhenFalse)
        {
            if (link is not IConditionalOperation conditional)
            {
                if (Leaves(link))
                {
                    return false;
                }

                break;
            }

            if (Leaves(conditional.WhenTrue))
            {
                return false;
            }

            var tests = conditional.Condition.DescendantsAndSelf().OfType<IBinaryOperation>().Where(b => b.OperatorKind == BinaryOperatorKind.Equals).ToList();
            if (tests.Count(test => TestedValue(test) is not null) != 1)
            {
                // `if (Stage == Paid || Stage == Shipped)`: several values in one link are one decision, not kinds.
                return false;
            }

            values.Add(tests.Select(TestedValue).First(key => key is not null)!);
            links++;
        }

        return links >= 2 && values.Count == links && values.Contains(value);

        string? TestedValue(IBinaryOperation test)
        {
            var (operand, other) = ValueTracer.Strip(test.LeftOperand)?.Syntax.ToString() == tested ? (test.LeftOperand, test.RightOperand) : (test.RightOperand, test.LeftOperand);
            return ValueTracer.Strip(operand)?.Syntax.ToString() == tested ? Comparison.ValueKey(other) : null;
        }

        // A lambda's return (`GetAsync(m => m.UserId == user.Id)`) leaves the lambda, not the branch.
        static bool Leaves(IOperation branch) =>
            branch.DescendantsAndSelf().Any(o => IsLeaving(o) && !IsInFunctionWithin(o, branch));
    }

    /// <summary>
    /// <c>switch (request.Status) { case Approved: notifications.Add(..); break; case Rejected: notifications.Add(..); break; }</c>:
    /// the <c>switch</c> form of <see cref="IsKindDispatch(Comparison)"/>. Two or more sections each do something for
    /// their state and no section returns, throws or skips (<c>continue</c>), so nothing is refused. A section that does
    /// nothing (<c>case Draft: break;</c>) leaves its state out, which is a decision about it.
    /// </summary>
    private static bool IsKindDispatch(ISwitchOperation switchStatement)
    {
        var sections = switchStatement.Cases.Where(section => section.Clauses.All(clause => clause.CaseKind != CaseKind.Default)).ToList();
        return sections.Count >= 2
            && sections.All(section => section.Body.Any(statement => statement is not IBranchOperation { BranchKind: BranchKind.Break }))
            // A section's `break` ends the switch, not the method.
            && !switchStatement.Cases.Any(section => section.Body.Any(statement => statement.DescendantsAndSelf().Any(o =>
                IsLeaving(o) && o is not IBranchOperation { BranchKind: BranchKind.Break } && !IsInFunctionWithin(o, statement))));
    }

    /// <summary>The tested value's text when <paramref name="branch"/> is <c>if (value == Constant) return translated;</c>; null otherwise.</summary>
    private static string? TranslationBranchOf(IConditionalOperation branch)
    {
        if (branch.Condition is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } test
            || Statements(branch.WhenTrue) is not { Length: 1 } only
            || GivenValue(only[0]) is not { } given
            || !(IsTranslatedValue(given) || IsDispatchedValue(given)))
        {
            return null;
        }

        if (ValueTracer.Strip(test.RightOperand) is { ConstantValue.HasValue: true })
        {
            return ValueTracer.Strip(test.LeftOperand)?.Syntax.ToString();
        }

        return ValueTracer.Strip(test.LeftOperand) is { ConstantValue.HasValue: true } ? ValueTracer.Strip(test.RightOperand)?.Syntax.ToString() : null;
    }

    /// <summary>The value a statement gives: what it returns (<c>return X;</c>) or assigns (<c>x = X;</c>); null for any other.</summary>
    private static IOperation? GivenValue(IOperation statement) => statement switch
    {
        IReturnOperation { ReturnedValue: { } returned } => returned,
        IExpressionStatementOperation { Operation: ISimpleAssignmentOperation assignment } => assignment.Value,
        _ => null,
    };

    /// <summary>
    /// In a chain of tests of one state, what a per-state implementation gives: an instance of the business's own type
    /// (<c>new Phase1Incentive(..)</c>) or the answer of its static method (<c>Phase2Incentive.MinimumAgreementVersion(date)</c>),
    /// as a virtual call would choose by type.
    /// </summary>
    /// <remarks>
    /// A failure built with a message (<c>Result.Fail("Cannot modify a paid invoice.")</c>, <c>Error.Conflict("..")</c>)
    /// refuses the state; it is no implementation of it.
    /// </remarks>
    private static bool IsDispatchedValue(IOperation value) => ValueTracer.Strip(value) switch
    {
        IObjectCreationOperation { Type: { } created } creation => !ValueTracer.IsFramework(created) && !PolicyAuditTypes.IsFramework(created) && !CarriesText(creation.Arguments),
        IInvocationOperation { Instance: null, TargetMethod: { IsStatic: true, IsExtensionMethod: false } method } call => !ValueTracer.IsFramework(method.ContainingType) && !PolicyAuditTypes.IsFramework(method.ContainingType) && !CarriesText(call.Arguments) && !IsFailure(call),
        _ => false,
    };

    /// <summary>
    /// <c>Result.Failure(ApplicationErrors.AlreadyWithdrawn)</c>, <c>Result.Conflict(..)</c>: a failure named by its method
    /// or built from an error (a value whose type, or whose declaring class, is named for errors) refuses, as one built
    /// with a message does.
    /// </summary>
    private static bool IsFailure(IInvocationOperation call) =>
        OperandName.Words(call.TargetMethod.Name).Any(word => FailureWords.Contains(word))
        || call.Arguments.Any(argument => ValueTracer.Strip(argument.Value) switch
        {
            IFieldReferenceOperation { Field: { IsStatic: true } field } => NamesAnError(field.ContainingType) || NamesAnError(field.Type),
            IPropertyReferenceOperation { Property: { IsStatic: true } property } => NamesAnError(property.ContainingType) || NamesAnError(property.Type),
            { Type: { } type } => NamesAnError(type),
            _ => false,
        });

    /// <summary>Words that name a failed outcome in a method's name (<c>Fail</c>, <c>Failure</c>, <c>Conflict</c>, ..).</summary>
    private static readonly ImmutableHashSet<string> FailureWords = ImmutableHashSet.Create(
        "fail", "failed", "failure", "error", "invalid", "conflict", "forbidden", "forbid", "unauthorized", "denied", "deny", "rejected", "problem");

    /// <summary>A type named for errors: <c>Error</c>, <c>DomainError</c>, <c>ApplicationErrors</c>.</summary>
    private static bool NamesAnError(ITypeSymbol? type) =>
        type is not null && OperandName.Words(type.Name).Any(word => word is "error" or "errors");

    private static bool CarriesText(ImmutableArray<IArgumentOperation> arguments) =>
        arguments.Any(argument => ValueTracer.Strip(argument.Value) is { Type.SpecialType: SpecialType.System_String } text
            && (text.ConstantValue.HasValue || text is IInterpolatedStringOperation));

    /// <summary>A state: an enum, or its <c>Nullable</c>.</summary>
    private static bool IsTranslatedType(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type is { TypeKind: TypeKind.Enum };
    }

    /// <summary>A governed flag deciding an <c>if</c>, <c>?:</c> or loop: <c>if (!workspace.AllowsExport) return Forbid();</c>.</summary>
    public void AnalyzeConditional(OperationAnalysisContext context)
    {
        var condition = context.Operation switch
        {
            IConditionalOperation conditional => conditional.Condition,
            IWhileLoopOperation loop => loop.Condition,
            _ => null,
        };
        if (condition is not null && !Skip(context))
        {
            CheckFlag(context, condition, condition.Syntax);
        }
    }

    /// <summary><c>return plan.AllowsExport;</c> from a method: the method answers the policy's question itself.</summary>
    public void AnalyzeReturn(OperationAnalysisContext context)
    {
        var returned = (IReturnOperation)context.Operation;
        if (returned.ReturnedValue is null
            || (returned.IsImplicit && !IsExpressionBody(returned.ReturnedValue.Syntax))
            || context.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.LocalFunction or MethodKind.PropertyGet } method
            || Skip(context))
        {
            return;
        }

        var answer = TaskResult(returned.ReturnedValue) ?? returned.ReturnedValue;
        if (IsAccessor(context.ContainingSymbol, answer))
        {
            return;
        }

        // `public bool CanExport => plan.AllowsExport;` forwards the member; `public bool HasParcels => Parcels.Any();`
        // and `AddedToOrder => OrderId.HasValue` answer a question about it, as a method does.
        if (method.MethodKind == MethodKind.PropertyGet && IsForwarded(ValueTracer.Strip(answer)))
        {
            return;
        }

        if (ValueTracer.Strip(answer) is ISwitchExpressionOperation { Type.SpecialType: SpecialType.System_Boolean } perCase)
        {
            // `feature switch { "ALERTS" => plan.HasAlerts, "API" => plan.HasApiAccess, _ => true }`: each arm answers
            // with its own flag, as `return plan.HasAlerts;` would.
            foreach (var arm in perCase.Arms.Where(arm => !ValueTracer.Strip(arm.Value)!.ConstantValue.HasValue))
            {
                CheckFlag(context, arm.Value, arm.Value.Syntax);
            }

            return;
        }

        CheckFlag(context, answer, answer.Syntax);
    }

    /// <summary>A member of the business's own read as it is (<c>plan.AllowsExport</c>), not a framework member over one (<c>OrderId.HasValue</c>).</summary>
    private static bool IsForwarded(IOperation? answer) => answer switch
    {
        IPropertyReferenceOperation property => !ValueTracer.IsFramework(property.Property.ContainingType),
        IFieldReferenceOperation field => !ValueTracer.IsFramework(field.Field.ContainingType),
        _ => false,
    };

    /// <summary>
    /// <c>GetEmailConfirmedAsync(user) =&gt; Task.FromResult(user.EmailConfirmed)</c>: a <c>Get</c> method that hands the
    /// member over as it is forwards it, as a property getter does; the decision is made where its answer is used.
    /// </summary>
    private static bool IsAccessor(ISymbol? method, IOperation answer) =>
        method?.Name.StartsWith("Get", StringComparison.Ordinal) == true
        && ValueTracer.Strip(answer) is IPropertyReferenceOperation or IFieldReferenceOperation;

    /// <summary>
    /// <c>return new ValueTask&lt;bool&gt;(!context.Options.IgnoreEndpointPermissions);</c>, <c>Task.FromResult(flag)</c>:
    /// an asynchronous predicate that answers at once answers with the wrapped value. Null for any other value.
    /// </summary>
    private static IOperation? TaskResult(IOperation returned)
    {
        switch (ValueTracer.Strip(returned))
        {
            case IObjectCreationOperation { Arguments.Length: 1 } created when IsTaskOfBool(created.Type):
                return created.Arguments[0].Value;
            case IInvocationOperation { TargetMethod.Name: "FromResult", Arguments.Length: 1 } call when IsTaskOfBool(call.Type):
                return call.Arguments[0].Value;
            default:
                return null;
        }
    }

    private static bool IsTaskOfBool(ITypeSymbol? type) => ValueTracer.TaskResultType(type)?.SpecialType == SpecialType.System_Boolean;

    /// <summary>
    /// <c>bool Neg(Workspace w) =&gt; !w.AllowsExport;</c> returns like a <c>return</c> statement; a lambda's expression body,
    /// also an implicit return, is not a method's answer.
    /// </summary>
    private static bool IsExpressionBody(SyntaxNode returned)
    {
        // `=> (i.IsConfigured)`: parentheses the operation tree does not keep.
        var body = returned.Parent;
        while (body is ParenthesizedExpressionSyntax)
        {
            body = body.Parent;
        }

        return body is ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax or LocalFunctionStatementSyntax or PropertyDeclarationSyntax or AccessorDeclarationSyntax };
    }

    public void AnalyzeCatchFilter(OperationAnalysisContext context)
    {
        var clause = (ICatchClauseOperation)context.Operation;
        if (clause.Filter is not null && !Skip(context))
        {
            CheckFlag(context, clause.Filter, clause.Filter.Syntax);
        }
    }

    /// <summary>A LINQ predicate that is just a governed flag: <c>orders.Where(o =&gt; o.IsVip)</c>.</summary>
    public void AnalyzeLambda(OperationAnalysisContext context)
    {
        var lambda = (IAnonymousFunctionOperation)context.Operation;
        if (!IsLinqArgument(lambda) || Skip(context))
        {
            return;
        }

        if (ValueTracer.ReturnedValue(lambda) is { } returned)
        {
            CheckFlag(context, returned, lambda.Syntax);
        }
    }

    private bool Skip(OperationAnalysisContext context) =>
        _types.IsInsideRuleDefinition(context.ContainingSymbol) || IsEqualityMember(context.ContainingSymbol) || IsInComparer(context.ContainingSymbol)
        || IsSerializationHook(context.ContainingSymbol);

    /// <summary>
    /// <c>ShouldSerializeHoursUntilCardDrops() =&gt; HoursUntilCardDrops != DefaultHoursUntilCardDrops</c>: the serializer's
    /// convention for leaving defaults out of a file, not a decision about the value.
    /// </summary>
    private static bool IsSerializationHook(ISymbol? symbol) =>
        symbol is IMethodSymbol { Name.Length: > 15 } method && method.Name.StartsWith("ShouldSerialize", StringComparison.Ordinal);

    /// <summary>
    /// A member of an <c>IComparer&lt;T&gt;</c> or <c>IEqualityComparer&lt;T&gt;</c>: it ranks or matches values (the best
    /// release first, by protocol and age), it does not decide a case.
    /// </summary>
    private static bool IsInComparer(ISymbol? symbol)
    {
        for (var type = symbol?.ContainingType; type is not null; type = type.ContainingType)
        {
            if (type.AllInterfaces.Any(i => i.Name is "IComparer" or "IEqualityComparer" && PolicyAuditTypes.RootNamespaceOf(i) == "System"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>Equals</c>, <c>CompareTo</c>, <c>GetHashCode</c> and the equality and comparison operators: a value object
    /// comparing its own parts (<c>this.Amount == other.Amount</c> in <c>Money.Equals</c>) is structural equality, never a policy.
    /// </summary>
    private static bool IsEqualityMember(ISymbol? symbol) => symbol is IMethodSymbol method
        && (method.Name is "Equals" or "CompareTo" or "GetHashCode"
            || (method.MethodKind == MethodKind.UserDefinedOperator
                && method.Name is "op_Equality" or "op_Inequality" or "op_LessThan" or "op_LessThanOrEqual" or "op_GreaterThan" or "op_GreaterThanOrEqual"));

    private MemberRead? Governed(IOperation? operation) => ValueTracer.Find(operation, _isGoverned);

    private void CheckComparison(OperationAnalysisContext context, (Comparison First, Comparison Second) pair, SyntaxNode flagged, bool fixable)
    {
        foreach (var comparison in new[] { pair.First, pair.Second })
        {
            if ((OwnerThroughItsKey(comparison.Operand) ?? Governed(comparison.Operand) ?? OwnerKeyTwin(comparison.Operand) ?? OwnerThroughNavigation(comparison.Operand)) is not { } read
                || read.Kind is ReadKind.NotEmpty or ReadKind.AnyMatching
                || comparison.Other is null
                || (!Decides(comparison.Other, read) && !IsDifferenceWithZero(comparison) && !RefusesAStateOutsideTheAllowed(comparison, read))
                || (VersionComparison.IsVersionComparison(comparison, read, GovernedMember(read.Member)) && !RelatedByPolicy(read, comparison.Other) && !ComparedWithItself(comparison, read) && !IsKeyOfAnotherKind(comparison, read) && !IsOwnerKeyOfTheCaller(comparison, read))
                || (RangeOrdering.IsRangeOrdering(comparison, read) && !IsComputedDeadline(comparison.Other) && (!_catalog.Value.ComparesWith(GovernedMember(read.Member), Comparison.OtherDateKey) || SearchCriterion.IsInDatabaseQuery(comparison.Operand)))
                || RangeOrdering.IsOwnEnds(comparison)
                || IsRandomDraw(comparison.Other)
                || IsLoopBound(comparison)
                || IsIndexBound(comparison)
                || IsOrderingOfItsType(context, comparison)
                || IsFlagCopy(comparison)
                || IsElementLookup(comparison, read)
                || IsTranslationChain(comparison, read)
                || IsKindDispatch(comparison)
                || IsToggle(comparison, read)
                || IsChangeTest(comparison, read)
                || IsSnapshotComparison(comparison)
                || IsLengthOfMatchedText(read)
                || SearchCriterion.IsOptionalCriterion(comparison)
                || SearchCriterion.IsQueryExtensionFilter(comparison)
                || (IsLookupById(comparison, read) && !IsOwnershipTested(read))
                || IsKeyMatchInQuery(comparison, read)
                || IsAddressingTheOwner(context, comparison, read)
                || IsKeyPairOfOneEntity(comparison, read)
                || IsSizeOfMembershipList(read)
                || PicksWordingOnly(comparison)
                || IsDateEqualityWhereDatesAreOrdered(comparison, read)
                || IsPointOrderingOfSpannedDate(comparison, read)
                || IsUnlimitedGuard(comparison, read)
                || IsClamp(comparison)
                || IsTimeScheduled(comparison)
                || IsUnmatchedRequestValue(read, comparison.Other, comparison.Operator)
                || IsStateCheckInDeclaringType(context, read, comparison.Operator, Comparison.ValueKey(comparison.Other)))
            {
                continue;
            }

            var canFix = fixable && read.Kind == ReadKind.Value && IsMemberReadItself(comparison.Operand) && IsCoveredByFact(comparison.Other, read);
            Report(context, flagged, flagged.ToString(), read, comparison.Operator, Comparison.ValueKey(comparison.Other), canFix);
            return;
        }

        foreach (var comparison in new[] { pair.First, pair.Second })
        {
            if (StoredAfterCheck(comparison) is { } stored)
            {
                Report(context, flagged, flagged.ToString(), stored, comparison.Operator, Comparison.ValueKey(comparison.Other), fixable: false);
                return;
            }
        }

        foreach (var comparison in new[] { pair.First, pair.Second })
        {
            if ((ThresholdTwin(comparison) ?? StateTwin(comparison)) is { } twin)
            {
                Report(context, flagged, flagged.ToString(), twin, comparison.Operator, Comparison.ValueKey(comparison.Other) ?? DefaultLimit(comparison.Other!), fixable: false);
                return;
            }
        }
    }

    /// <summary>
    /// <c>var userRole = user.FindFirst(ClaimTypes.Role)?.Value; if (userRole != "Staff" &amp;&amp; userRole != "Admin")</c>,
    /// <c>currentRole == TenantRole.Owner</c> read from a token: a local named after a governed
    /// state (its last word is the member's, and one name's words hold the other's: <c>userRole</c>, <c>currentRole</c>
    /// for <c>Role</c>) matched to a state a policy names for that member (the same text, or the same member of the same
    /// enum), read where no tracing reaches (a claim, a token). Not a parameter, nor a local a parameter fills: a
    /// state chosen by the caller (<c>newStatus</c>, a state machine's <c>status</c>, <c>request.Status ?? Scheduled</c>) is
    /// input, not the actor's own.
    /// </summary>
    private MemberRead? StateTwin(Comparison comparison)
    {
        if (comparison.Operator is not ("==" or "!=")
            || ValueTracer.Strip(comparison.Other) is not { ConstantValue.HasValue: true } state
            || !(state.Type?.TypeKind == TypeKind.Enum || state.ConstantValue.Value is string { Length: > 0 })
            || Comparison.ValueKey(state) is not { } key
            || (_catalog.Value.OrderedAgainst(Comparison.StateKeyPrefix + key) is { Count: > 0 } namedStates ? namedStates : OutsideTheAllowed(comparison, state, key)) is not { Count: > 0 } candidates
            || ValueTracer.Strip(comparison.Operand) is not ILocalReferenceOperation { Local: var named } local
            || IsCallersInput(ValueTracer.Strip(ValueTracer.Initializer(local)))
            || Governed(comparison.Operand) is not null)
        {
            return null;
        }

        foreach (var (member, _) in candidates)
        {
            if (IsNamedAfter(named.Name, member, eitherWay: true)
                && (state.Type?.TypeKind != TypeKind.Enum || SymbolEqualityComparer.Default.Equals(ValueTracer.HeldType(member), state.Type)))
            {
                return new MemberRead(member, null, ReadKind.Value);
            }
        }

        return null;
    }

    /// <summary>
    /// <c>var effectiveStatus = GetEffectiveStatus(sub, now); if (effectiveStatus == Cancelled) return Failure(..)</c>: for a
    /// state no policy names, the members whose policies allow a set of other states of the same enum (<c>s.Status !=
    /// Trialing &amp;&amp; s.Status != Active</c>), when the test refuses (see <see cref="RefusesAStateOutsideTheAllowed"/>).
    /// </summary>
    private IReadOnlyList<(ISymbol Member, Governor Governor)> OutsideTheAllowed(Comparison comparison, IOperation state, string key)
    {
        if (comparison.Operator != "==" || state.Type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType || !LeavesOnTest(comparison))
        {
            return [];
        }

        var found = new List<(ISymbol Member, Governor Governor)>();
        foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue))
        {
            var other = Convert.ToString(field.ConstantValue, System.Globalization.CultureInfo.InvariantCulture);
            foreach (var (member, governor) in _catalog.Value.OrderedAgainst(Comparison.StateKeyPrefix + other))
            {
                if (AllowsOnlyOtherStates(governor, key)
                    && SymbolEqualityComparer.Default.Equals(ValueTracer.HeldType(member), enumType)
                    && !found.Any(f => SymbolEqualityComparer.Default.Equals(f.Member, member)))
                {
                    found.Add((member, governor));
                }
            }
        }

        return found;
    }

    /// <summary>No value, a parameter, or a parameter's member (<c>request.Status ?? Scheduled</c>): what the caller chose.</summary>
    private static bool IsCallersInput(IOperation? value)
    {
        if (value is ICoalesceOperation coalesce)
        {
            value = ValueTracer.Strip(coalesce.Value);
        }

        return value is null or IParameterReferenceOperation
            || (value is IMemberReferenceOperation { Instance: { } instance } && ValueTracer.Strip(instance) is IParameterReferenceOperation);
    }

    /// <summary>
    /// <c>_age &gt;= 18</c> in a business-rule object, <c>customerHeight &lt;= MaximumHeight</c>: a local, parameter or
    /// private field that names the governed member (its words are some of the member's, ending in the same word:
    /// <c>age</c> for <c>CustomerAge</c>) ordered against the very number a policy orders that member against, or a date
    /// ordered against the clock where a policy orders that member against it (<c>scheduledUtc &lt; now.AddDays(-7)</c>
    /// for <c>ScheduledAtUtc</c>). It was
    /// copied from the member, or will be stored in it, where no tracing can see (another project's caller), and the
    /// number is the policy's. Not a property of another type that shares the name (its own attribute), and not a
    /// governed value that another rule leaves out.
    /// </summary>
    private MemberRead? ThresholdTwin(Comparison comparison)
    {
        if (comparison.Operator is not ("<" or "<=" or ">" or ">=")
            || comparison.Other is null
            || (Comparison.ValueKey(comparison.Other) ?? DefaultLimit(comparison.Other) ?? ClockWindow(comparison)) is not { } threshold
            || _catalog.Value.OrderedAgainst(threshold) is not { Count: > 0 } candidates
            || OperandName.SymbolOf(CountedItems(comparison.Operand) ?? comparison.Operand) is not { } named
            || named is not (ILocalSymbol or IParameterSymbol or IFieldSymbol { DeclaredAccessibility: not Accessibility.Public })
            || Governed(comparison.Operand) is not null)
        {
            return null;
        }

        foreach (var (member, governor) in candidates)
        {
            if (threshold == Comparison.ClockWindowKey
                && !governor.Tests.Any(t => t.Value is null && t.Key is null && (t.Operator[0] == comparison.Operator[0])))
            {
                // A policy that wants the date after the clock's bound says nothing about a date before it.
                continue;
            }

            if (IsNamedAfter(named.Name, member, eitherWay: false))
            {
                // `date` in `BeAValidDate(DateTime? date)` names no date in particular: every `..Date` ends in its word.
                if (threshold == Comparison.ClockWindowKey && OperandName.Words(named.Name).All(word => word is "date" or "time" or "datetime" or "utc" or "at" or "on"))
                {
                    continue;
                }

                if (threshold == Comparison.ClockWindowKey && IsNewDateNotInThePast(comparison, named, member))
                {
                    continue;
                }

                return new MemberRead(member, null, ReadKind.Value);
            }
        }

        // `var activeCount = await loans.CountAsync(..); if (activeCount >= LoanPolicy.MaxActiveLoansPerUser)`: a limit
        // named in the project's own settings after the member (all of `Loans`' words), where one governed member alone
        // is ordered against its value, names the policy even when the local does not name the member.
        if (threshold == Comparison.ClockWindowKey || !IsNamedLimit(comparison.Other))
        {
            return null;
        }

        var limitWords = OperandName.Words(OperandName.SymbolOf(comparison.Other)?.Name ?? "").Select(Singular).ToList();
        var namedMembers = candidates
            .Where(candidate => candidate.Governor.Tests.Any(t => t.Value == threshold)
                && OperandName.Words(candidate.Member.Name).Select(Singular).All(limitWords.Contains))
            .Select(candidate => candidate.Member)
            .Distinct(SymbolEqualityComparer.Default)
            .ToList();
        return limitWords.Count > 0 && namedMembers.Count == 1 ? new MemberRead(namedMembers[0]!, null, ReadKind.Value) : null;
    }

    /// <summary>
    /// <c>players</c> in <c>players.Count()</c> or <c>players.Count</c>: the items counted, whose name names the collection a
    /// policy counts (<c>t.Players.Count &lt; 5</c>); null for anything else.
    /// </summary>
    private static IOperation? CountedItems(IOperation operand) => ValueTracer.Strip(operand) switch
    {
        IInvocationOperation { TargetMethod: { Name: "Count" or "LongCount", IsExtensionMethod: true }, Arguments.Length: 1 } count => count.Arguments[0].Value,
        IPropertyReferenceOperation { Property.Name: "Count" or "Length", Instance: { } items } => items,
        _ => null,
    };

    /// <summary>
    /// <c>ValidateMaximumTeamsAsync(Guid id, int maxTeams = 32) { .. if (teams.Count() &gt;= maxTeams) throw ..; }</c>: a
    /// helper's limit parameter whose default is the number a policy orders the member against; the key of that number.
    /// </summary>
    private static string? DefaultLimit(IOperation value) =>
        ValueTracer.Strip(value) is IParameterReferenceOperation { Parameter: { HasExplicitDefaultValue: true, ExplicitDefaultValue: IConvertible number and not (bool or string or char) } }
            ? Comparison.NumberKey(number)
            : null;

    /// <summary>
    /// <c>public Discount(.., DateTime? expiresAt, DateTime now) { if (expiresAt &lt; now) throw ..; ExpiresAt = expiresAt; }</c>:
    /// a parameter the method stores into the member, ordered against the clock itself (no span added), is the new
    /// date checked not to lie in the past: validation of the input, whatever a policy later says of the stored date.
    /// </summary>
    private static bool IsNewDateNotInThePast(Comparison comparison, ISymbol named, ISymbol member) =>
        named is IParameterSymbol
        && comparison.Other is not null && IsUnmovedPoint(comparison.Other)
        && ValueTracer.Root(comparison.Operand).Descendants().OfType<ISimpleAssignmentOperation>().Any(assignment =>
            ValueTracer.Strip(assignment.Value) is IParameterReferenceOperation stored
            && SymbolEqualityComparer.Default.Equals(stored.Parameter, named)
            && ValueTracer.Strip(assignment.Target) is IMemberReferenceOperation target
            && target.Member.Name == member.Name);

    /// <summary><c>loan</c> for <c>loans</c>, so that <c>MaxActiveLoansPerUser</c> names <c>Loan</c> and <c>Loans</c> alike.</summary>
    private static string Singular(string word) => word.Length > 3 && word.EndsWith("s", StringComparison.Ordinal) ? word.Substring(0, word.Length - 1) : word;

    /// <summary>A constant or static value of the project's own types (<c>LoanPolicy.MaxActiveLoansPerUser</c>), not a number written in place.</summary>
    private static bool IsNamedLimit(IOperation value) => ValueTracer.Strip(value) switch
    {
        IFieldReferenceOperation { Field: { IsStatic: true } field } => !ValueTracer.IsFramework(field.ContainingType),
        IPropertyReferenceOperation { Property: { IsStatic: true } property } => !ValueTracer.IsFramework(property.ContainingType),
        _ => false,
    };

    /// <summary>
    /// A name that names <paramref name="member"/>: both end in the same word, and the name's words are some of the
    /// member's (<c>age</c>, <c>customerAge</c> for <c>CustomerAge</c>), or with <paramref name="eitherWay"/> the member's are
    /// some of the name's (<c>userRole</c> for <c>Role</c>).
    /// </summary>
    private static bool IsNamedAfter(string name, ISymbol member, bool eitherWay)
    {
        var words = OperandName.Words(name);
        var memberWords = OperandName.Words(member.Name);
        return words.Count > 0 && memberWords.Count > 0
            && memberWords[memberWords.Count - 1] == words[words.Count - 1]
            && (words.All(memberWords.Contains) || (eitherWay && memberWords.All(words.Contains)));
    }

    /// <summary>
    /// <see cref="Comparison.ClockWindowKey"/> for a date or time ordered against a value read from the clock
    /// (<c>scheduledUtc &lt; now.AddDays(-7)</c>); null otherwise.
    /// </summary>
    private static string? ClockWindow(Comparison comparison) =>
        DateTimeTypes.IsDateOrTime(ValueTracer.Strip(comparison.Operand)?.Type) && RangeOrdering.ReadsClock(comparison.Other!)
            ? Comparison.ClockWindowKey
            : null;

    /// <summary>
    /// <c>if (settings.ReturnDays &gt; 0 &amp;&amp; daysPassed &gt;= settings.ReturnDays)</c>, or <c>if (limit == 0) return; if (count
    /// &gt;= limit) ...</c>: where zero means "no limit", the zero test only asks whether the limit is set, even when the
    /// policy states it too. The comparison it guards is the policy's check, and that one is reported.
    /// </summary>
    private bool IsUnlimitedGuard(Comparison comparison, MemberRead read)
    {
        // An enum's zero member (`TaskTrigger.NotEnabled`) is a state like any other, not "no limit".
        if (ValueTracer.IsStateType(read.MemberType))
        {
            return false;
        }

        // A limit is a stored setting: `remainingSpace <= 0` (free space minus the size) asks whether it fits at all.
        var set = comparison.Operator is ">" or "!=";
        if (IsDifference(comparison.Operand, 0) || Comparison.ValueKey(comparison.Other) != "0" || !(set || comparison.Operator is "==" or "<="))
        {
            return false;
        }

        var test = comparison.Operand;
        while (test.Parent is not null && test is not IBinaryOperation { OperatorKind: not (BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr) })
        {
            test = test.Parent;
        }

        for (var current = test; current.Parent is { } parent; current = parent)
        {
            switch (parent)
            {
                // `limit <= 0 || count < limit` guards its own right side; `limit <= 0 || command is not Create` does
                // not, but may still be one part of an early exit whose code below compares the limit.
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } conjunction when set && conjunction.LeftOperand == current:
                    if (ComparesAgain(conjunction.RightOperand, read))
                    {
                        return true;
                    }

                    continue;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } disjunction when !set && disjunction.LeftOperand == current:
                    if (ComparesAgain(disjunction.RightOperand, read))
                    {
                        return true;
                    }

                    continue;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr }:
                case IParenthesizedOperation:
                case IConversionOperation:
                    continue;
                case IConditionalOperation conditional when conditional.Condition == current:
                    if (set)
                    {
                        return ComparesAgain(conditional.WhenTrue, read);
                    }

                    return conditional.WhenFalse is { } otherwise
                        ? ComparesAgain(otherwise, read)
                        : ExitsEarly(conditional.WhenTrue) && conditional.Parent is IBlockOperation block
                            && block.Operations.SkipWhile(o => o != conditional).Skip(1).Any(o => ComparesAgain(o, read));
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>user.AllowedDevices.Count &gt; 3</c> or <c>client.AllowedGrantTypes.First() == GrantType.Implicit</c>, where
    /// every policy asks only whether the list holds an item: its size or an element is another question.
    /// </summary>
    private bool IsSizeOfMembershipList(MemberRead read) =>
        read.Kind is ReadKind.Size or ReadKind.Derived
        && _catalog.Value.OnlyTests(GovernedMember(read.Member), t => t.Value is Membership.Inside or Membership.Outside);

    private static bool IsEnumState(MemberRead read) => ValueTracer.IsEnumStateType(read.MemberType);

    /// <summary>A value computed by adding or subtracting, itself or in the local it was read from.</summary>
    private static bool IsDifference(IOperation? value, int depth) => ValueTracer.Strip(value) switch
    {
        IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract or BinaryOperatorKind.Add } => true,
        ILocalReferenceOperation local when depth < ValueTracer.MaxLocalDepth => IsDifference(ValueTracer.Initializer(local), depth + 1),
        _ => false,
    };

    /// <summary>
    /// <c>$"{n} user{(n - plan.MaxUsers &gt; 1 ? "s" : "")} over"</c>: a choice between two texts inside an interpolation
    /// only words a message; so do a word and its plural wherever they go, and a choice between two localised texts
    /// passed on or joined into one.
    /// </summary>
    private static bool PicksWordingOnly(Comparison comparison)
    {
        var test = TestOf(comparison);
        var choice = test?.Parent as IConditionalOperation;
        var hole = choice?.Parent;
        while (hole is IConversionOperation or IParenthesizedOperation)
        {
            hole = hole.Parent;
        }

        if (choice is not { WhenFalse: { } otherwise } || choice.Condition != test || choice.Type?.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        return (IsFixedText(choice.WhenTrue) && IsFixedText(otherwise) && (hole is IInterpolationOperation || IsPlural(choice.WhenTrue, otherwise)))
            || (IsWrittenText(choice.WhenTrue) && IsWrittenText(otherwise) && IsSameOutcomeWorded(choice.WhenTrue, otherwise))
            || (IsResourceText(choice.WhenTrue) && IsResourceText(otherwise)
                && hole is IInterpolationOperation or IArgumentOperation or IBinaryOperation { OperatorKind: BinaryOperatorKind.Add });
    }

    /// <summary>A text written in place: a constant or an interpolated string.</summary>
    private static bool IsWrittenText(IOperation value) => IsFixedText(value) || ValueTracer.Strip(value) is IInterpolatedStringOperation;

    /// <summary>
    /// <c>applied == cmd.Amount ? "Funding recorded." : $"Funding recorded (auto-adjusted to {applied:0.00}).";</c>: a
    /// message of several words and a longer one that opens with all of it tell one outcome, once with a detail added;
    /// <c>"Rent granted."</c> against <c>"Rent refused."</c> are two outcomes.
    /// </summary>
    private static bool IsSameOutcomeWorded(IOperation first, IOperation second)
    {
        var one = Written(first).Trim().TrimEnd('.', '!', ':', ',');
        var other = Written(second).Trim().TrimEnd('.', '!', ':', ',');
        var (shorter, longer) = one.Length <= other.Length ? (one, other) : (other, one);
        return shorter.IndexOf(' ') > 0 && longer.Length > shorter.Length
            && longer.StartsWith(shorter, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The text written before a value's first hole (all of a constant's).</summary>
    private static string Written(IOperation value) => ValueTracer.Strip(value) switch
    {
        { ConstantValue.Value: string text } => text,
        IInterpolatedStringOperation interpolated => interpolated.Parts.FirstOrDefault() is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string opening } ? opening : string.Empty,
        _ => string.Empty,
    };

    /// <summary>
    /// <c>duration.Days == 1 ? "day" : "days"</c>: a word and its plural (or <c>""</c> and <c>"s"</c>), wherever the
    /// chosen text goes (a translation key, a local joined later), only words a message.
    /// </summary>
    private static bool IsPlural(IOperation first, IOperation second)
    {
        if (ValueTracer.Strip(first)?.ConstantValue.Value is not string one || ValueTracer.Strip(second)?.ConstantValue.Value is not string other)
        {
            return false;
        }

        var (shorter, longer) = one.Length <= other.Length ? (one, other) : (other, one);
        return longer.StartsWith(shorter, StringComparison.OrdinalIgnoreCase)
            && longer.Substring(shorter.Length).ToLowerInvariant() is "s" or "es";
    }

    /// <summary>
    /// <c>Resources.Club.errClubPromoExpired</c>: a localised message, a static text property or field. Choosing between
    /// two of them for a message (<c>ReBrand(expired ? Resources.X : Resources.Y)</c>) words it; constants passed on as
    /// arguments may be codes (a tier, a route) and stay reported.
    /// </summary>
    private static bool IsResourceText(IOperation value) => ValueTracer.Strip(value) switch
    {
        IPropertyReferenceOperation { Property: { IsStatic: true, Type.SpecialType: SpecialType.System_String } } => true,
        IFieldReferenceOperation { Field: { IsStatic: true, IsConst: false, Type.SpecialType: SpecialType.System_String } } field => !IsFixedText(field),
        _ => false,
    };

    private static bool IsFixedText(IOperation value) =>
        ValueTracer.Strip(value) is { ConstantValue.HasValue: true }
            or IFieldReferenceOperation { Field: { Name: "Empty", ContainingType.SpecialType: SpecialType.System_String } };

    /// <summary>
    /// <c>devices.First(x =&gt; x.ID == deviceId)</c>: an entity's identity matched to a value finds that entity, even
    /// when a policy tests the identity (<c>settings.BannedDevices.Contains(d.ID)</c>); only a constant id is a test. So
    /// does a foreign key matched to another entity's own id (<c>x.ObserverId == observer.PersonId</c>), where a policy
    /// compares the key with another of its fact's keys (<c>f.ObserverId == f.TargetId</c>).
    /// </summary>
    private static bool IsLookupById(Comparison comparison, MemberRead read) =>
        comparison.Operator is "==" or "!="
        && read.Kind == ReadKind.Value
        && Comparison.ValueKey(comparison.Other) is null
        && (PolicyConditionScanner.IsIdentityKey(read.Member) || (IsKeyNamed(read.Member) && IsIdentityRead(comparison.Other)));

    /// <summary>
    /// A key a policy matches with another fact's, usually an actor's (<c>u.Id != auction.OwnerId</c>: only the owner):
    /// the code's comparison of it with another value (<c>auction.OwnerId != currentUserId</c>) is that policy's test, even
    /// against another entity's identity.
    /// </summary>
    private bool IsOwnershipTested(MemberRead read) =>
        read.Kind == ReadKind.Value && _catalog.Value.ComparesWith(GovernedMember(read.Member), Comparison.OwnerKey);

    /// <summary>
    /// <c>leaveRequest.AssignedTo.Id != leaveRequest.CreatedBy.Id</c>: two keys of one entity compared relate its parties
    /// to each other; the ownership match compares a key with whoever asks.
    /// </summary>
    private bool IsKeyPairOfOneEntity(Comparison comparison, MemberRead read) =>
        IsOwnershipTested(read)
        && comparison.Other is { } other
        && PartyOf(comparison.Operand) is { } party
        && PartyOf(other) is { } otherParty
        && SymbolEqualityComparer.Default.Equals(party, otherParty);

    /// <summary>
    /// The object whose party a navigation's key names (<c>leaveRequest</c> in <c>leaveRequest.CreatedBy.Id</c>, the
    /// containing type for <c>CreatedBy.Id</c> on <c>this</c>); null for anything else.
    /// </summary>
    private static ISymbol? PartyOf(IOperation operation)
    {
        var (navigation, key) = KeyOnHolder(operation);
        if (key is null || !(PolicyConditionScanner.IsIdentityKey(key) || IsKeyNamed(key))
            || navigation is not IMemberReferenceOperation { Member: var navigated } holderRead
            || !PolicyConditionScanner.IsNavigation(navigated))
        {
            return null;
        }

        return ValueTracer.Strip(holderRead.Instance) switch
        {
            null or IInstanceReferenceOperation => navigated.ContainingType,
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IMemberReferenceOperation field => field.Member,
            _ => null,
        };
    }

    /// <summary>
    /// <c>booking.UserId != _userContext.UserId</c> on a <c>BookingResponse</c>, <c>model.SenderId != userId</c> on a
    /// <c>MessageModel</c>: a read model or service model of the entity (its type's name holds the entity's) that
    /// carries the key a policy matches with an actor under the same name, filled where no tracing reaches (a mapper, a
    /// query), stands for that key. The governed key, read on the model.
    /// </summary>
    private MemberRead? OwnerKeyTwin(IOperation operand)
    {
        if (ValueTracer.Strip(operand) is not IMemberReferenceOperation { Member: IPropertySymbol or IFieldSymbol, Instance: { } instance } member
            || member.Member.ContainingType is not { } model)
        {
            return null;
        }

        foreach (var (key, _) in _catalog.Value.OrderedAgainst(Comparison.OwnerKey))
        {
            if (key.Name == member.Member.Name
                && key.ContainingType is { } entity
                && !SymbolEqualityComparer.Default.Equals(entity.OriginalDefinition, model.OriginalDefinition)
                && model.Name.IndexOf(entity.Name, StringComparison.Ordinal) >= 0)
            {
                return new MemberRead(key, instance, ReadKind.Value);
            }
        }

        return null;
    }

    /// <summary>
    /// <c>room.Host?.UserID</c>, <c>topic.Creator.Id</c>: the key of a navigation a policy matches with an actor
    /// (<c>!u.Equals(room.Host)</c>, <c>t.Creator != user</c>) stands for it, as code compares entities by their keys.
    /// </summary>
    private MemberRead? OwnerThroughItsKey(IOperation operand) =>
        KeyOnHolder(operand) is ({ } holder, { } key) && key is IPropertySymbol or IFieldSymbol ? OwnerHeldBy(holder, key) : null;

    /// <summary>
    /// <c>course.Teacher.User.Id != userId</c>, <c>lesson.CourseContent.Course.Teacher.User.Id</c>: a key read through
    /// the navigation whose foreign key a policy matches with an actor's (<c>Course.TeacherId</c>, named as EF pairs them:
    /// the navigation's name and <c>Id</c>) stands for that key: the course's teacher is matched with the caller.
    /// </summary>
    private MemberRead? OwnerThroughNavigation(IOperation operand)
    {
        if (KeyOnHolder(operand) is not ({ } holder, { } key) || !(PolicyConditionScanner.IsIdentityKey(key) || IsKeyNamed(key)))
        {
            return null;
        }

        for (var current = holder; current is IPropertyReferenceOperation navigation && PolicyConditionScanner.IsNavigation(navigation.Property); current = ValueTracer.Strip(navigation.Instance))
        {
            var foreignKey = navigation.Property.ContainingType.GetMembers(navigation.Property.Name + "Id").FirstOrDefault(member => member is IPropertySymbol or IFieldSymbol);
            if (foreignKey is not null && _catalog.Value.ComparesWith(foreignKey, Comparison.OwnerKey))
            {
                return new MemberRead(foreignKey, navigation.Instance, ReadKind.Value);
            }
        }

        return null;
    }

    /// <summary>
    /// The member a read names and the object it is read on, through <c>?.</c> (<c>room.Host</c> and <c>UserID</c> in
    /// <c>room.Host?.UserID</c>), the object stripped; nulls when the operand reads no member of an object.
    /// </summary>
    private static (IOperation? Holder, ISymbol? Key) KeyOnHolder(IOperation operand) => ValueTracer.Strip(operand) switch
    {
        IConditionalAccessOperation { Operation: var holder, WhenNotNull: IMemberReferenceOperation { Instance: IConditionalAccessInstanceOperation } member } => (ValueTracer.Strip(holder), member.Member),
        IMemberReferenceOperation { Instance: { } instance } member => (ValueTracer.Strip(instance), member.Member),
        _ => (null, null),
    };

    private MemberRead? OwnerHeldBy(IOperation holder, ISymbol key) =>
        (PolicyConditionScanner.IsIdentityKey(key) || IsKeyNamed(key))
        && holder is IPropertyReferenceOperation navigation
        && PolicyConditionScanner.IsNavigation(navigation.Property)
        && navigation.Property.Type is INamedTypeSymbol navigated
        && key.ContainingType is { } declaring
        && FactTypes.SupertypesOf(navigated).Contains(declaring.OriginalDefinition, SymbolEqualityComparer.Default)
        && _catalog.Value.ComparesWith(navigation.Property, Comparison.OwnerKey)
            ? new MemberRead(navigation.Property, navigation.Instance, ReadKind.Value)
            : null;

    /// <summary>
    /// <c>account.BankId != teller.BankId</c>: a key a policy matches with an actor's, against the same-named key of
    /// another type, is that match, not a change of the key between two versions of one entity.
    /// </summary>
    private bool IsKeyOfAnotherKind(Comparison comparison, MemberRead read) =>
        IsOwnershipTested(read)
        && ValueTracer.Strip(comparison.Other) is IMemberReferenceOperation { Member.ContainingType: { } otherType }
        && !SymbolEqualityComparer.Default.Equals(otherType.OriginalDefinition, read.Member.ContainingType?.OriginalDefinition);

    /// <summary>
    /// <c>if (examAttempt.StudentId != studentId) throw new UnauthorizedAccessException(..)</c>: a key a policy matches
    /// with an actor's, against a parameter or local named after it, is the caller's key (the ownership match), not a
    /// new version of the key, unless the method writes that value to the member (<c>entity.StudentId = studentId</c>).
    /// </summary>
    private bool IsOwnerKeyOfTheCaller(Comparison comparison, MemberRead read) =>
        comparison.Operator is "==" or "!="
        && IsOwnershipTested(read)
        && ValueTracer.Strip(comparison.Other) is IParameterReferenceOperation or ILocalReferenceOperation
        && !VersionComparison.IsValueAboutToBeAssigned(comparison, read);

    /// <summary>
    /// <c>if (post.UserId != userId) await notifications.CreatePostLikeNotification(post.UserId, ..);</c>, and in a
    /// notification service <c>if (userId == comment.UserId) return; // don't notify yourself</c>: the owner matched
    /// with the actor to address the owner (the branch passes the owner's key on), or to spare the actors a notice
    /// about their own doing; nothing the owner may do is allowed or refused.
    /// </summary>
    private bool IsAddressingTheOwner(OperationAnalysisContext context, Comparison comparison, MemberRead read)
    {
        if (comparison.Operator is not ("==" or "!=") || Comparison.ValueKey(comparison.Other) is not null || !IsOwnershipTested(read))
        {
            return false;
        }

        var method = context.ContainingSymbol as IMethodSymbol;
        if ((method?.Name ?? string.Empty).IndexOf("Notif", StringComparison.OrdinalIgnoreCase) >= 0
            || (context.ContainingSymbol?.ContainingType?.Name ?? string.Empty).IndexOf("Notif", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return true;
        }

        var owner = ValueTracer.Strip(comparison.Operand)?.Syntax.ToString();
        return DecidedChoice(comparison.Operand) is { } choice
            && new[] { choice.WhenTrue, choice.WhenFalse }.Where(branch => branch is not null)
                .SelectMany(branch => branch!.DescendantsAndSelf().OfType<IInvocationOperation>())
                .Any(call => IsDone(call) && call.Arguments.Any(argument => ValueTracer.Strip(argument.Value)?.Syntax.ToString() == owner));

        // A call made for its effect (a statement, awaited or not); not a refusal's message nor its details' dictionary.
        static bool IsDone(IInvocationOperation call) =>
            call.Parent is IExpressionStatementOperation || call.Parent is IAwaitOperation { Parent: IExpressionStatementOperation };
    }

    /// <summary>
    /// <c>auctions.Where(a =&gt; a.OwnerId == userId)</c>: a key a policy matches with an actor, matched to a value inside a
    /// query's predicate, lists or finds the actor's rows; the decision, if any, is made on what the query returns.
    /// The same match choosing between two constants (<c>owner != currentUserId ? Activity.CreateOnBehalfOf : Activity.Create</c>)
    /// only labels what happened.
    /// </summary>
    private bool IsKeyMatchInQuery(Comparison comparison, MemberRead read) =>
        comparison.Operator is "==" or "!="
        && Comparison.ValueKey(comparison.Other) is null
        && IsOwnershipTested(read)
        && (SearchCriterion.IsInQueryLambda(comparison.Operand) || SearchCriterion.IsInDatabaseQuery(comparison.Operand) || LabelsAChoice(comparison.Operand));

    private static bool LabelsAChoice(IOperation operand)
    {
        var check = operand.Parent;
        while (check is IParenthesizedOperation or IConversionOperation or IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } or IInvocationOperation { TargetMethod.Name: "Equals" } or IArgumentOperation)
        {
            check = check.Parent;
        }

        var climbed = check is IBinaryOperation ? check.Parent : check;
        while (climbed is IParenthesizedOperation)
        {
            climbed = climbed.Parent;
        }

        return climbed is IConditionalOperation { WhenFalse: { } whenFalse } choice
            && choice.Type?.SpecialType != SpecialType.System_Boolean
            && IsConstant(choice.WhenTrue) && IsConstant(whenFalse);

        static bool IsConstant(IOperation value) => ValueTracer.Strip(value) is { ConstantValue.HasValue: true } or IFieldReferenceOperation { Field.IsStatic: true };
    }

    /// <summary>A foreign key by its name (<c>ObserverId</c>, <c>OwnerID</c>): matched to an entity's own id, it finds rows.</summary>
    private static bool IsKeyNamed(ISymbol member) =>
        member.Name.Length > 2 && member.Name.EndsWith("Id", StringComparison.OrdinalIgnoreCase) && !char.IsLower(member.Name[member.Name.Length - 2]);

    /// <summary>Another entity's own identity: <c>payment.Id</c>, <c>group.GroupId</c>.</summary>
    private static bool IsIdentityRead(IOperation? value) =>
        ValueTracer.Strip(value) is IPropertyReferenceOperation { Instance: not null } property && PolicyConditionScanner.IsIdentityKey(property.Property);

    /// <summary>
    /// True when every policy governing the member tests only whether it is set, as its whole question
    /// (<c>c.OrderId != null</c>, a coupon already used; not <c>o.PaymentId == null</c> beside the order's payment
    /// deadline, which only scopes it): then <c>== null</c>, <c>HasValue</c> and <c>is null</c> are that policy's test. With or
    /// without companions, a comparison with another entity's identity (<c>coupon.OrderId != order.Id</c>) is a match of keys.
    /// A policy's match of the member with an actor (<c>c.MemberId != null</c> beside <c>r.ContactId != c.MemberId</c>)
    /// asks the same question of a set member, so it leaves the presence test whole.
    /// </summary>
    /// <param name="read">The member read.</param>
    /// <param name="whole">Only presence tests that are the policy's whole question, with no companions; otherwise any.</param>
    private bool IsPresenceOnly(MemberRead read, bool whole = true) =>
        read.Kind == ReadKind.Value
        && _catalog.Value.ComparesWith(GovernedMember(read.Member), "null")
        && _catalog.Value.OnlyTestsWhereTested(GovernedMember(read.Member), t => (t.Value == "null" && t.Key is null && (!whole || t.With.Count == 0)) || t.Value == Comparison.OwnerKey);

    /// <summary>
    /// <c>options.HasFlag(ContinuationOptions.OnlyOnSucceededState)</c> on a governed <c>[Flags]</c> state: the same test
    /// as <c>options == OnlyOnSucceededState</c> for a policy naming that state. The governed member and the state; null
    /// for any other call, or a state no policy names.
    /// </summary>
    private (MemberRead Read, string State)? FlagOfState(IInvocationOperation call)
    {
        if (!ValueTracer.IsHasFlag(call)
            || Governed(call.Instance) is not { Kind: ReadKind.Value } read
            || !IsEnumState(read)
            || Comparison.ValueKey(call.Arguments[0].Value) is not { } state
            || !Decides(call.Arguments[0].Value, read))
        {
            return null;
        }

        return (read, state);
    }

    /// <summary>
    /// <c>_captureValidStates.Contains(payment.PaymentStatus)</c> over a fixed set of states (an array of constants, inline
    /// or in a local or a field initialised with one): the same test as <c>Status == A || Status == B</c>. The governed
    /// member and the first state of the set a policy names; null when it is no such test.
    /// </summary>
    private (MemberRead Read, string State)? StateInConstantSet(IInvocationOperation call)
    {
        var (set, item) = Membership.Parts(call);
        if (Governed(item) is not { Kind: ReadKind.Value } read || ConstantElements(set) is not { Count: > 0 } states)
        {
            return null;
        }

        var member = GovernedMember(read.Member);
        return states.FirstOrDefault(state => _catalog.Value.ComparesWith(member, state)) is { } named ? (read, named) : null;
    }

    /// <summary>The constants a fixed set holds: <c>new[] { A, B }</c>, <c>[A, B]</c>, or a local or field initialised with one.</summary>
    private static List<string>? ConstantElements(IOperation? set)
    {
        var value = ValueTracer.Strip(set);
        if (value is ILocalReferenceOperation local)
        {
            value = ValueTracer.Strip(ValueTracer.Initializer(local));
        }
        else if (value is IFieldReferenceOperation { Field: { IsReadOnly: true } field } reference
            && field.DeclaringSyntaxReferences.Length == 1
            && reference.SemanticModel is { } model
            && field.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initializer } declarator
            && declarator.SyntaxTree == model.SyntaxTree)
        {
            value = ValueTracer.Strip(model.GetOperation(initializer));
        }

        var elements = value switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
            IArrayInitializerOperation initializer => initializer.ElementValues,
            IObjectCreationOperation { Initializer: { } collection } => collection.Initializers,
            _ => default(ImmutableArray<IOperation>?),
        };
        if (elements is not { IsEmpty: false } items)
        {
            return null;
        }

        var keys = new List<string>();
        foreach (var element in items)
        {
            var unwrapped = element is IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1 } add ? add.Arguments[0].Value : element;
            if (ValueTracer.Strip(unwrapped)?.ConstantValue.HasValue != true || Comparison.ValueKey(unwrapped) is not { } key)
            {
                return null;
            }

            keys.Add(key);
        }

        return keys;
    }

    /// <summary>
    /// <c>x.ValidUptoUtc == validUpto</c> where every policy orders the date (<c>r.At &gt; t.ValidUpto</c>): matching a
    /// date exactly finds a record (a notice already sent for that date), it does not test a deadline.
    /// </summary>
    private bool IsDateEqualityWhereDatesAreOrdered(Comparison comparison, MemberRead read) =>
        comparison.Operator is "==" or "!="
        && (read.Kind == ReadKind.Value || IsCalendarPart(comparison.Operand))
        && DateTimeTypes.IsDateOrTime(read.MemberType)
        && _catalog.Value.OnlyTests(GovernedMember(read.Member), t => t.Operator is "<" or "<=" or ">" or ">=");

    /// <summary>
    /// <c>loan.ReturnDate.Value &gt; loan.DueDate</c>, <c>loan.DueDate &lt;= DateTime.Now</c>, where every policy on the date
    /// measures a span from it (<c>(l.DueDate - l.LoanDate).TotalDays &gt; 30</c>, a number of days): ordering the date
    /// against a point (another date, the clock) asks whether it is passed (overdue, started), not how long the span
    /// is. A point moved by a span (<c>now.AddDays(-30)</c>, <c>dueDate - grace</c>) measures one, and stays reported.
    /// </summary>
    private bool IsPointOrderingOfSpannedDate(Comparison comparison, MemberRead read) =>
        comparison.Operator is "<" or "<=" or ">" or ">="
        && read.Kind == ReadKind.Value
        && DateTimeTypes.IsDateOrTime(read.MemberType)
        && IsMemberReadItself(comparison.Operand)
        && comparison.Other is { } other
        && DateTimeTypes.IsDateOrTime(ValueTracer.Strip(other)?.Type)
        && IsUnmovedPoint(other)
        && _catalog.Value.OnlyTests(GovernedMember(read.Member), t => IsNumber(t.Value));

    /// <summary>A date read as it is: a member, the clock, a local or parameter whose value no span moved; not <c>now.AddDays(-30)</c> nor <c>end - grace</c>.</summary>
    private static bool IsUnmovedPoint(IOperation value) => ValueTracer.Strip(value) switch
    {
        IPropertyReferenceOperation or IFieldReferenceOperation or IParameterReferenceOperation => true,
        ILocalReferenceOperation local => local.Local.DeclaringSyntaxReferences.All(reference =>
            reference.GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } initial }
            || !initial.DescendantNodesAndSelf().Any(node => node is BinaryExpressionSyntax || node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } } && name.StartsWith("Add", StringComparison.Ordinal))),
        _ => false,
    };

    /// <summary>
    /// <c>p.PubDateUtc.Value.Year</c>, <c>.Month</c>, <c>.Date</c>: a part of a date, matched to file a record under a
    /// year or a day (an archive, a calendar), as the date itself is matched to find one.
    /// </summary>
    private static bool IsCalendarPart(IOperation operand) =>
        ValueTracer.Strip(operand) is IPropertyReferenceOperation { Property.Name: "Year" or "Month" or "Day" or "Date" or "DayOfWeek" or "DayOfYear" or "Hour" or "Minute", Instance: { } instance }
        && DateTimeTypes.IsDateOrTime(instance.Type);

    private bool ComparesAgain(IOperation region, MemberRead read)
    {
        var member = GovernedMember(read.Member);
        return region.DescendantsAndSelf().Any(operation =>
            Comparison.From(operation) is { } pair
            && new[] { pair.First, pair.Second }.Any(c =>
                c.Other is not null
                && Comparison.ValueKey(c.Other) != "0"
                && Governed(c.Operand) is { } again
                && SymbolEqualityComparer.Default.Equals(GovernedMember(again.Member), member)));
    }

    /// <summary>
    /// <c>password = string.IsNullOrEmpty(c.AdminPassword) ? string.Empty : c.AdminPassword.Substring(0, 10);</c>: a
    /// presence test choosing between a constant and a value read from the same member only guards that read.
    /// </summary>
    private static bool IsGuardOfItsOwnRead(IOperation check, MemberRead read, string? value)
    {
        if (value != "null")
        {
            return false;
        }

        if (DecidedChoice(check) is not { WhenFalse: { } otherwise, Type: not null } choice)
        {
            return false;
        }

        bool IsConstant(IOperation branch) => IsFixedText(branch) || ValueTracer.Strip(branch) is IDefaultValueOperation;
        bool ReadsMember(IOperation branch) => branch.DescendantsAndSelf().Any(o =>
            o is IMemberReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Member.OriginalDefinition, read.Member.OriginalDefinition));

        return (IsConstant(choice.WhenTrue) && ReadsMember(otherwise)) || (IsConstant(otherwise) && ReadsMember(choice.WhenTrue));
    }

    /// <summary>
    /// The test's branch leaves as work already done: a bare <c>return;</c>, or any branch that says so
    /// (<c>throw new ..("Damage report is already approved.")</c>, <c>return Failed("Event is already published")</c>).
    /// A branch that answers something else (<c>return "Rent granted";</c>) decides.
    /// </summary>
    private static bool LeavesAsDoneAlready(IOperation check)
    {
        // A flag's check may be the whole `if` (see AnalyzeConditional) or a test inside its condition.
        if (DecidedChoice(check) is not { WhenTrue: var branch })
        {
            return false;
        }

        if (branch is IReturnOperation { ReturnedValue: null } || (branch is IBlockOperation { Operations.Length: 1 } block && block.Operations[0] is IReturnOperation { ReturnedValue: null }))
        {
            return true;
        }

        return branch.DescendantsAndSelf().Any(said => said switch
        {
            { ConstantValue: { HasValue: true, Value: string text } } => text.IndexOf("already", StringComparison.OrdinalIgnoreCase) >= 0,

            // An error named for it says so as well: `Result.Failure(CompanyErrors.AlreadyVerified)`, `throw new AlreadyClosedException()`.
            IMemberReferenceOperation { Member: { IsStatic: true } error } => SaysAlready(error.Name),
            IObjectCreationOperation { Type: { } created } => SaysAlready(created.Name),
            _ => false,
        });
    }

    /// <summary>An identifier with the word "already" in it: <c>AlreadyVerified</c>, <c>OrderAlreadyShippedException</c>.</summary>
    private static bool SaysAlready(string identifier) => OperandName.Words(identifier).Contains("already");

    /// <summary>
    /// <c>string GetTimeUntilFormatted(..) { if (timeUntil.TotalHours &lt; 1) return $"in {..} minutes"; .. return $"in {..} days"; }</c>,
    /// <c>GetLateFeeDetails</c>: a method that always answers with a text built from the case's values (two or more
    /// returns, each an interpolated string, nothing thrown) describes the case; its tests choose the words. A method
    /// that answers with a message only when it refuses (<c>return null;</c> otherwise), or with fixed verdicts
    /// (<c>"Rent granted"</c>, <c>"Activated"</c>), is a check.
    /// </summary>
    private static bool IsInDescribingMethod(OperationAnalysisContext context)
    {
        if (context.ContainingSymbol is not IMethodSymbol { ReturnType.SpecialType: SpecialType.System_String } || NearestLambda(context.Operation) is not null)
        {
            return false;
        }

        var body = ValueTracer.Root(context.Operation);
        var inBody = body.Descendants().Where(operation => !IsInFunctionWithin(operation, body)).ToList();
        var returns = inBody.OfType<IReturnOperation>().ToList();
        return returns.Count >= 2
            && returns.All(answer => ValueTracer.Strip(answer.ReturnedValue) is IInterpolatedStringOperation { Parts: var parts } && parts.Any(part => part is IInterpolationOperation))
            && !inBody.OfType<IThrowOperation>().Any();
    }

    /// <summary>
    /// <c>public static Money operator -(Money left, Money right) { var result = left.Amount - right.Amount; if (result &lt; 0) throw ..; }</c>:
    /// an operator or conversion defines what the value type's arithmetic means; it refuses an impossible value for every
    /// caller, whatever a policy says of the amounts it is given.
    /// </summary>
    private static bool IsOperatorBody(ISymbol? containing) =>
        containing is IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator or MethodKind.Conversion };

    /// <summary>
    /// <c>public void ApproveDamageReport(int id) { if (report.Approved) throw new ..("already approved"); .. }</c>,
    /// <c>if (!eventEntity.IsPublished) return Failed("already unpublished")</c> in an <c>UnpublishEventCommandHandler</c>,
    /// <c>if (vehicle.Status == Retired) return;</c> in <c>RetireVehicle</c>: a test of the very state the method's verb puts
    /// the thing in (or takes it out of) asks whether the work is already done, whichever state a policy denies. Verbs that
    /// take what another party then holds (book, reserve, rent, register, redeem) are not such work: "already booked" is
    /// availability. See <see cref="ActionVerb"/>.
    /// </summary>
    private bool IsAlreadyDoneTest(OperationAnalysisContext context, MemberRead read)
    {
        if (read.Kind != ReadKind.Value || ActionVerb.Of(context.ContainingSymbol) is not { } verb
            || ValueTracer.WithoutNullable(read.MemberType) is not { } type
            || NearestLambda(context.Operation) is not null
            || !LeavesAsDoneAlready(context.Operation))
        {
            return false;
        }

        if (type.SpecialType == SpecialType.System_Boolean)
        {
            return ActionVerb.Produces(verb, GovernedMember(read.Member).Name);
        }

        if (type.TypeKind != TypeKind.Enum)
        {
            return false;
        }

        var states = context.Operation.DescendantsAndSelf().OfType<IFieldReferenceOperation>()
            .Where(state => state.Field.HasConstantValue && SymbolEqualityComparer.Default.Equals(state.Field.ContainingType, type))
            .Select(state => state.Field)
            .ToList();
        if (states.Count == 0 || !states.All(state => ActionVerb.Produces(verb, state.Name)))
        {
            return false;
        }

        // `if (registration.Status == Confirmed) return Failed("already confirmed")` in a confirm handler, beside a policy
        // that lets only Pending or Waitlisted registrations be confirmed: the state is outside the set the policy
        // allows, so the policy refuses it too.
        var governors = _catalog.Value.GetGovernors(GovernedMember(read.Member));
        return !states.Any(state => Convert.ToString(state.ConstantValue, System.Globalization.CultureInfo.InvariantCulture) is { } key
            && governors.Any(governor => AllowsOnlyOtherStates(governor, key)));
    }

    /// <summary>
    /// <c>if (task.CompletedDate.HasValue) return; ... task.CompletedDate = now;</c>: a flag or presence test whose branch
    /// only leaves the method, which then sets that member on the same object, makes the method idempotent; it decides
    /// nothing a policy does. A branch that throws or answers (a single-use check) is still reported.
    /// </summary>
    private static bool IsNoOpBeforeSetting(IOperation check, MemberRead read, string? value)
    {
        if (value is not ("true" or "false" or "null") || read.Kind != ReadKind.Value || read.Member is not (IPropertySymbol or IFieldSymbol))
        {
            return false;
        }

        // `if (IsEnabled) return Result.Success(); IsEnabled = true; ..; return Result.Success();`: the early answer is
        // the one the method gives once it has made the change.
        if (DecidedChoice(check) is not { WhenFalse: null, Parent: IBlockOperation } conditional
            || VersionComparison.AnswerAfterLogging(conditional.WhenTrue) is not IReturnOperation { ReturnedValue: var returned }
            || (returned is not null && !VersionComparison.IsWhatTheMethodEndsWith(returned, check)))
        {
            return false;
        }

        return ValueTracer.Root(conditional).Descendants().OfType<ISimpleAssignmentOperation>().Any(assignment =>
            assignment.Syntax.SpanStart > conditional.Syntax.Span.End && WritesReadMember(assignment, read));
    }

    /// <summary>
    /// <c>if (entity.Status == Active) { var property = await _context.Properties.FindAsync(entity.PropertyId);
    /// property.Status = Occupied; property.IsAvailable = false; .. }</c>: a test whose branch (with no <c>else</c>)
    /// only writes to records it loads itself carries the tested state over to related records; it never leaves,
    /// throws, or writes the tested object, a local from before, or anything the caller sees.
    /// </summary>
    private static bool OnlyUpdatesWhatItLoads(IOperation check)
    {
        if (DecidedChoice(check) is not { WhenFalse: null, Type: null } conditional)
        {
            return false;
        }

        var branch = conditional.WhenTrue;
        var declared = new HashSet<ISymbol>(branch.DescendantsAndSelf().OfType<IVariableDeclaratorOperation>().Select(d => d.Symbol), SymbolEqualityComparer.Default);
        var writesLoaded = false;
        foreach (var operation in branch.DescendantsAndSelf())
        {
            if (IsInFunctionWithin(operation, branch))
            {
                // A query's predicate (`AnyAsync(l => ..)`) returns from the lambda, not from the branch.
                continue;
            }

            if (IsLeaving(operation))
            {
                return false;
            }

            switch (operation)
            {
                case ISimpleAssignmentOperation or ICompoundAssignmentOperation or IIncrementOrDecrementOperation:
                    var target = ValueTracer.Strip(operation switch
                    {
                        ISimpleAssignmentOperation simple => simple.Target,
                        ICompoundAssignmentOperation compound => compound.Target,
                        _ => ((IIncrementOrDecrementOperation)operation).Target,
                    });
                    if (target is IMemberReferenceOperation { Instance: { } instance }
                        && ValueTracer.Strip(instance) is ILocalReferenceOperation { Local: var holder } && declared.Contains(holder))
                    {
                        writesLoaded = true;
                        continue;
                    }

                    if (target is ILocalReferenceOperation { Local: var local } && declared.Contains(local))
                    {
                        continue;
                    }

                    return false;
            }
        }

        return writesLoaded;
    }

    /// <summary>A statement that leaves a branch: <c>return</c>, <c>throw</c>, <c>continue</c>, <c>break</c>, or a call of a helper that only throws.</summary>
    private static bool IsLeaving(IOperation operation) =>
        operation is IReturnOperation or IThrowOperation or IBranchOperation { BranchKind: BranchKind.Continue or BranchKind.Break }
        || (operation is IInvocationOperation { TargetMethod: var helper } && OnlyThrows(helper));

    /// <summary>Inside a lambda or local function within <paramref name="branch"/>: its <c>return</c> leaves that function, not the branch.</summary>
    private static bool IsInFunctionWithin(IOperation operation, IOperation branch)
    {
        for (var current = operation.Parent; current is not null && current != branch; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>if (user.CurrentActivities.Count == 0 &amp;&amp; !user.IsAvailable) { user.IsAvailable = true; }</c>, where a
    /// policy denies on <c>!u.IsAvailable || u.CurrentActivities.Count &gt; 0</c>: a condition that tests a governed flag
    /// and whose branch writes the flag back to the value no policy denies on keeps the flag in step with the other
    /// terms (a release, a repair); every test in it is bookkeeping. A branch that writes the denied value (<c>if
    /// (attempts &gt;= 5 &amp;&amp; !user.IsLocked) user.IsLocked = true;</c>) applies the policy and stays reported, and so does a
    /// branch that refuses (throws or returns) before it releases the flag a level deeper.
    /// </summary>
    private bool ReleasesAFlagItTests(IOperation check)
    {
        if (DecidedChoice(check) is not { WhenFalse: null } conditional)
        {
            return false;
        }

        // `if (student.Blocked) { var late = ..; if (late == null) { student.Blocked = false; } }`: a branch that neither
        // throws nor leaves may release the flag a level deeper, once it has looked again.
        var leaves = conditional.WhenTrue.DescendantsAndSelf().Any(o => IsLeaving(o) && !IsInFunctionWithin(o, conditional.WhenTrue));
        var statements = leaves
            ? Statements(conditional.WhenTrue).AsEnumerable()
            : conditional.WhenTrue.DescendantsAndSelf().OfType<IExpressionStatementOperation>();
        foreach (var statement in statements)
        {
            if (statement is not IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Value: var written } assignment }
                || ValueTracer.Strip(written)?.ConstantValue is not { HasValue: true, Value: bool released }
                || ValueTracer.Strip(assignment.Target) is not IMemberReferenceOperation { Member: IPropertySymbol or IFieldSymbol } target)
            {
                continue;
            }

            var deniedOn = (!released) ? "true" : "false";
            var tested = conditional.Condition.DescendantsAndSelf().OfType<IMemberReferenceOperation>().Any(read =>
                SymbolEqualityComparer.Default.Equals(read.Member.OriginalDefinition, target.Member.OriginalDefinition)
                && ValueTracer.Strip(read.Instance)?.Syntax.ToString() == ValueTracer.Strip(target.Instance)?.Syntax.ToString());
            var governors = _catalog.Value.GetGovernors(GovernedMember(target.Member));
            if (tested && !governors.IsEmpty
                && governors.All(g => g.Tests.Count > 0 && g.Tests.All(t => t.Key is null && t.Operator == "==" && t.Value == deniedOn)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="assignment"/> writes the member <paramref name="read"/> reads, on the same object.</summary>
    private static bool WritesReadMember(ISimpleAssignmentOperation assignment, MemberRead read) =>
        ValueTracer.Strip(assignment.Target) is IMemberReferenceOperation target
        && SymbolEqualityComparer.Default.Equals(target.Member.OriginalDefinition, read.Member.OriginalDefinition)
        && SymbolEqualityComparer.Default.Equals(ValueTracer.RootSymbol(target.Instance), ValueTracer.RootSymbol(read.Instance));

    /// <summary>
    /// <c>if (flag.IsArchived) return true; var change = flag.Archive(userId); ...; return true;</c>: a flag or presence test
    /// whose branch returns the very constant the method ends by returning. The answer is the same either way; the test
    /// only skips work already done (an archived flag archived again), which is no decision.
    /// </summary>
    private static bool IsAnsweredAlikeEitherWay(IOperation check, string? value)
    {
        if (value is not ("true" or "false" or "null")
            || DecidedChoice(check) is not { WhenFalse: null, Parent: IBlockOperation body } conditional
            || Statements(conditional.WhenTrue) is not { Length: 1 } only
            || only[0] is not IReturnOperation { ReturnedValue: { } early }
            || ValueTracer.Strip(early) is not { ConstantValue.HasValue: true } earlyConstant
            || body.Parent is not (IMethodBodyOperation or ILocalFunctionOperation or IAnonymousFunctionOperation)
            || body.Operations.LastOrDefault() is not IReturnOperation { ReturnedValue: { } last } finalReturn
            || finalReturn == only[0]
            || ValueTracer.Strip(last) is not { ConstantValue.HasValue: true } lastConstant)
        {
            return false;
        }

        return Equals(earlyConstant.ConstantValue.Value, lastConstant.ConstantValue.Value);
    }

    /// <summary>
    /// <c>if (!request.IsActive &amp;&amp; student.IsActive) student.Deactivate();</c> in an <c>UpdateStudentCommand</c>'s handler: the
    /// member tested beside the request's copy of it (see <see cref="CarriedValues.IsRequestTwin"/>) applies what the caller
    /// asked for; nothing is allowed or refused.
    /// </summary>
    private bool IsRequestApplied(IOperation check, MemberRead read)
    {
        if (_carried.Value.IsRequestTwin(read.Member))
        {
            return false;
        }

        var origin = GovernedMember(read.Member);
        var conjunct = read.Instance?.Parent is IPropertyReferenceOperation tested ? tested : check;
        while (conjunct.Parent is IParenthesizedOperation or IConversionOperation or IUnaryOperation { OperatorKind: UnaryOperatorKind.Not }
            or IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd })
        {
            if (conjunct.Parent is IBinaryOperation both
                && (both.LeftOperand == conjunct ? both.RightOperand : both.LeftOperand).DescendantsAndSelf().OfType<IPropertyReferenceOperation>().Any(requested =>
                    _carried.Value.IsRequestTwin(requested.Property)
                    && SymbolEqualityComparer.Default.Equals(GovernedMember(requested.Property), origin)))
            {
                return true;
            }

            conjunct = conjunct.Parent;
        }

        return false;
    }

    /// <summary>
    /// <c>public void Activate() { if (!this.Active) { this.Active = true; Publish(new TenantActivated(..)); } }</c>: a flag
    /// tested only to switch it (and announce the change) when it is not switched yet. The branch writes the member it
    /// tests, on the same object, so nothing but the change itself is decided.
    /// </summary>
    private static bool IsSwitchedWhenNeeded(IOperation check, MemberRead read, string? value)
    {
        if (value is not ("true" or "false") || read.Kind != ReadKind.Value || read.Member is not (IPropertySymbol or IFieldSymbol)
            || DecidedChoice(check) is not { } conditional)
        {
            return false;
        }

        return Statements(conditional.WhenTrue).Any(statement =>
            statement is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Value: var written } assignment }
            && ValueTracer.Strip(written) is { ConstantValue.Value: bool }
            && WritesReadMember(assignment, read));
    }

    /// <summary>
    /// <c>if (units != lr.DaysRequested) { lr.DaysRequested = units; }</c>: a difference tested only to copy one side onto
    /// the other keeps a stored value in step with a recomputed one; nothing is allowed or refused.
    /// </summary>
    private static bool IsCopiedWhenDifferent(IOperation check)
    {
        if (ValueTracer.Strip(check) is not IBinaryOperation { OperatorKind: BinaryOperatorKind.NotEquals } difference
            || DecidedChoice(check) is not { WhenFalse: null } conditional
            || ValueTracer.Strip(conditional.Condition) != difference)
        {
            return false;
        }

        var left = ValueTracer.Strip(difference.LeftOperand)?.Syntax.ToString();
        var right = ValueTracer.Strip(difference.RightOperand)?.Syntax.ToString();
        return Statements(conditional.WhenTrue).Any(statement =>
            statement is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation assignment }
            && ValueTracer.Strip(assignment.Target)?.Syntax.ToString() is { } target
            && ValueTracer.Strip(assignment.Value)?.Syntax.ToString() is { } copied
            && ((target == left && copied == right) || (target == right && copied == left)));
    }

    /// <summary>
    /// <c>if (lr.Status == Approved) throw ..; if (lr.Status == Cancelled) return true; .. if (lr.Status == Submitted) {
    /// release the reserved days }</c>: once a guard earlier in the method has refused on a state, a later test of the
    /// same member whose branch neither throws nor leaves picks the bookkeeping for the state the case is in; the
    /// decision was the guard's.
    /// </summary>
    private static bool IsBookkeepingAfterItsGuard(IOperation check, MemberRead read, string op, string? value)
    {
        if (op is not ("==" or "!=") || value is null || read.Kind != ReadKind.Value || !IsEnumState(read)
            || NearestLambda(check) is not null
            || DecidedChoice(check) is not { WhenFalse: null } conditional
            || Statements(conditional.WhenTrue).Any(IsLeaving))
        {
            return false;
        }

        var holder = ValueTracer.RootSymbol(read.Instance);
        return ValueTracer.Root(check).Descendants().OfType<IConditionalOperation>().Any(guard =>
            guard.Syntax.Span.End <= conditional.Syntax.SpanStart
            && Statements(guard.WhenTrue).Any(IsLeaving)
            && guard.Condition.DescendantsAndSelf().OfType<IMemberReferenceOperation>().Any(tested =>
                SymbolEqualityComparer.Default.Equals(tested.Member.OriginalDefinition, read.Member.OriginalDefinition)
                && SymbolEqualityComparer.Default.Equals(ValueTracer.RootSymbol(tested.Instance), holder)));
    }

    private static bool ExitsEarly(IOperation branch) =>
        LastStatement(branch) is IReturnOperation or IThrowOperation or IBranchOperation { BranchKind: BranchKind.Continue or BranchKind.Break };

    /// <summary>What a branch ends with: its last statement (a block's, or itself), seen through an expression statement.</summary>
    private static IOperation? LastStatement(IOperation branch)
    {
        var last = branch is IBlockOperation block ? block.Operations.LastOrDefault() : branch;
        return last is IExpressionStatementOperation statement ? statement.Operation : last;
    }

    /// <summary>
    /// <c>var maxStorageGb = (short)(baseGb + extraGb); if (maxStorageGb &gt; 100) throw ...; user.MaxStorageGb = maxStorageGb;</c>:
    /// the new value of a governed member, checked against that member's own policy threshold before it is stored, is
    /// the policy's check made ahead of the write. Only a local or parameter compared with a constant that a policy's
    /// condition on the member names, and then assigned unchanged to the member in the same method, counts.
    /// </summary>
    private MemberRead? StoredAfterCheck(Comparison comparison)
    {
        var key = Comparison.ValueKey(comparison.Other);
        var value = LocalOrParameter(comparison.Operand);
        if (key is null or "null" || value is null)
        {
            return null;
        }

        foreach (var (target, assignment) in VersionComparison.WritesAround(comparison.Operand))
        {
            if (assignment.Syntax.SpanStart > comparison.Operand.Syntax.SpanStart
                && SymbolEqualityComparer.Default.Equals(LocalOrParameter(assignment.Value), value)
                && _catalog.Value.ComparesWith(target, key))
            {
                return new MemberRead(target, null, ReadKind.Derived);
            }
        }

        return null;
    }

    /// <summary>The local or parameter a value is, itself (not a member read on it).</summary>
    private static ISymbol? LocalOrParameter(IOperation? value) => ValueTracer.Strip(value) switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };

    /// <summary>
    /// <c>current.BookStorageLimit &gt; next.BookStorageLimit</c> where a policy orders the member against itself on two
    /// facts (a downgrade, a rank above another), or <c>user.DepartmentId != caller.DepartmentId</c> where it equates
    /// them (a manager's own department): the comparison is that policy's test.
    /// </summary>
    private bool ComparedWithItself(Comparison comparison, MemberRead read) =>
        _catalog.Value.ComparesWith(GovernedMember(read.Member), Comparison.SameMemberKey)
        && Governed(comparison.Other) is { } other
        && SymbolEqualityComparer.Default.Equals(GovernedMember(other.Member).OriginalDefinition, GovernedMember(read.Member).OriginalDefinition);

    /// <summary>
    /// <c>var currentPrice = product.UnitPrice; var newPrice = line.UnitPrice.Value; if (newPrice != currentPrice) ..</c>,
    /// <c>LogFieldChange(.., oldRole.RoleName, role.RoleName)</c> comparing <c>oldValue != newValue</c>: an equality
    /// between two values of one attribute (the same member, or members of that name on two types) asks whether it
    /// changed, whatever the locals or parameters holding them are called. Keys are left out (<c>order.TenantId ==
    /// user.TenantId</c> matches two records), and so are two members a policy itself equates (<c>t.Currency !=
    /// a.Currency</c>).
    /// </summary>
    private bool IsChangeTest(Comparison comparison, MemberRead read) =>
        comparison.Operator is "==" or "!="
        && read.Kind == ReadKind.Value
        && !IsKeyNamed(GovernedMember(read.Member))
        && Governed(comparison.Other) is { Kind: ReadKind.Value } other
        && OperandName.SameAttribute(GovernedMember(other.Member).Name, GovernedMember(read.Member).Name)
        && !(RelatedByPolicy(read, comparison.Other!)
            && _catalog.Value.GetGovernors(GovernedMember(read.Member)).Any(g => g.Tests.Any(t => t.Operator is "==" or "!=" && t.Value is null or Comparison.SameMemberKey)));

    /// <summary>
    /// <c>var prevTeamId = task.OwningTeamId; .. if (prevTeamId != task.OwningTeamId) task.AddDomainEvent(..)</c>: a member
    /// against the copy the method took of it earlier asks whether the method changed it, a key as much as any value.
    /// </summary>
    private static bool IsSnapshotComparison(Comparison comparison)
    {
        if (comparison.Operator is not ("==" or "!=") || comparison.Other is not { } other)
        {
            return false;
        }

        static bool IsCopyOf(IOperation side, IOperation member) =>
            ValueTracer.Strip(side) is ILocalReferenceOperation local
            && ValueTracer.Strip(ValueTracer.Initializer(local)) is IMemberReferenceOperation copied
            && ValueTracer.Strip(member) is IMemberReferenceOperation current
            && SymbolEqualityComparer.Default.Equals(copied.Member.OriginalDefinition, current.Member.OriginalDefinition)
            && copied.Instance is { } copiedFrom && current.Instance is { } currentOn
            && SymbolEqualityComparer.Default.Equals(ValueTracer.RootSymbol(copiedFrom), ValueTracer.RootSymbol(currentOn));

        return IsCopyOf(other, comparison.Operand) || IsCopyOf(comparison.Operand, other);
    }

    /// <summary>
    /// <c>if (role.RoleName.Length &lt; 2 || role.RoleName.Length &gt; 50) throw new ArgumentException(..)</c>, where every
    /// policy matches the name with a word (<c>RoleName == "Admin"</c>): the text's length is validation of input,
    /// not the question the policy asks of the text.
    /// </summary>
    private bool IsLengthOfMatchedText(MemberRead read) =>
        read.Kind == ReadKind.Size
        && GovernedMember(read.Member) is { } member
        && member switch { IPropertySymbol p => p.Type, IFieldSymbol f => f.Type, _ => null } is { SpecialType: SpecialType.System_String }
        && _catalog.Value.OnlyTests(member, t => t.Operator is "==" or "!=" && !IsNumber(t.Value));

    /// <summary>A policy test's value that is a number (<c>30</c>, <c>0.5</c>), not a state, a text or a marker.</summary>
    private static bool IsNumber(string? value) =>
        double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);

    /// <summary>
    /// Whether the other side is a different governed member that shares a policy with the first: the policy
    /// relates the two (<c>t.Currency != account.Currency</c>), so their equality is its test, not two versions of
    /// one attribute. A carried copy of the same member (<c>model.Price</c> filled from <c>product.Price</c>) is a version.
    /// </summary>
    private bool RelatedByPolicy(MemberRead read, IOperation other)
    {
        if (Governed(other) is not { Kind: ReadKind.Value } otherRead)
        {
            return false;
        }

        var first = GovernedMember(read.Member);
        var second = GovernedMember(otherRead.Member);
        if (SymbolEqualityComparer.Default.Equals(first.OriginalDefinition, second.OriginalDefinition))
        {
            return false;
        }

        var policies = _catalog.Value.GetGovernors(first).Select(g => g.PolicyId);
        return _catalog.Value.GetGovernors(second).Any(g => policies.Contains(g.PolicyId));
    }

    /// <summary>A boolean deciding on its own: a governed flag, plain or negated, or <c>Any</c> over a governed collection.</summary>
    private void CheckFlag(OperationAnalysisContext context, IOperation condition, SyntaxNode flagged)
    {
        if (InitializerTest(condition) is { } written)
        {
            // `var isReviewer = Reviewers.Any(r => r.MemberId == id); return isReviewer;`: the test is written where the
            // local is declared, and is reported there, once.
            if (Governed(written) is null || !_initializerTests.TryAdd(written.Syntax, 0))
            {
                return;
            }

            condition = written;
            flagged = written.Syntax;
        }

        var negated = false;
        var current = ValueTracer.Strip(condition);
        while (true)
        {
            if (current is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
            {
                negated = !negated;
                current = ValueTracer.Strip(not.Operand);
            }
            else if (current is ICoalesceOperation coalesce && (coalesce.WhenNull.ConstantValue.Value is bool || ValueTracer.Strip(coalesce.WhenNull) is IThrowOperation))
            {
                // `auth.User?.HasPermission(PermissionKind.IsDisabled) ?? false`, `indexer?.IsConfigured ?? throw ..`: the
                // flag, read through a null check.
                current = ValueTracer.Strip(coalesce.Value);
            }
            else
            {
                break;
            }
        }

        if (current is IConditionalAccessOperation access)
        {
            current = ValueTracer.Strip(access.WhenNotNull);
        }

        if (current is IInvocationOperation call && Membership.Of(call, _isGoverned, constantItem: true) is { } collection)
        {
            var membership = negated ? Membership.Outside : Membership.Inside;
            if (_catalog.Value.GetGovernors(GovernedMember(collection.Member)).Any(g => g.Tests.Any(t => t.Key == collection.Key && t.Value is Membership.Inside or Membership.Outside)))
            {
                Report(context, flagged, flagged.ToString(), collection, "==", membership, fixable: false);
            }

            return;
        }

        if (current is IInvocationOperation { TargetMethod.Name: "Contains" } inSet && StateInConstantSet(inSet) is var (stateRead, state))
        {
            Report(context, flagged, flagged.ToString(), stateRead, negated ? "!=" : "==", state, fixable: false);
            return;
        }

        if (current is IInvocationOperation hasFlag && FlagOfState(hasFlag) is var (flagRead, flagState))
        {
            if (!IsStateCheckInDeclaringType(context, flagRead, negated ? "!=" : "==", flagState))
            {
                Report(context, flagged, flagged.ToString(), flagRead, negated ? "!=" : "==", flagState, fixable: false);
            }

            return;
        }

        if (!ValueTracer.IsFlagType(current?.Type) || Governed(current) is not { } read)
        {
            return;
        }

        if (current is IInvocationOperation empty && ValueTracer.IsEmptinessTest(empty))
        {
            // `string.IsNullOrEmpty(config.AdminPassword)`: a presence test, the policy's own where it only asks that.
            if (Governed(empty.Arguments[0].Value) is { } text && IsPresenceOnly(text))
            {
                Report(context, flagged, flagged.ToString(), text, negated ? "!=" : "==", "null", fixable: false);
            }

            return;
        }

        if (current is IPropertyReferenceOperation { Property.Name: "HasValue", Instance: { } present }
            && present.Type?.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            if (Governed(present) is { } set && IsPresenceOnly(set))
            {
                Report(context, flagged, flagged.ToString(), set, negated ? "==" : "!=", "null", fixable: false);
            }

            return;
        }

        string op;
        string value;
        switch (read.Kind)
        {
            case ReadKind.Value:
                op = "==";
                value = negated ? "false" : "true";
                if (IsStateCheckInDeclaringType(context, read, op, value))
                {
                    return;
                }

                break;
            case ReadKind.NotEmpty when _catalog.Value.ComparesWith(GovernedMember(read.Member), "0"):
                op = negated ? "==" : "!=";
                value = "0";
                break;
            case ReadKind.AnyMatching when !_catalog.Value.OnlyTests(GovernedMember(read.Member), t => t.Value is not (Membership.Inside or Membership.Outside)):
                // `!Items.Any(i => i.CatalogItemId == id)` searches the basket; a policy asking only whether it is empty
                // (`!b.Items.Any()`) or how full it is does not make that search.
                op = "==";
                value = negated ? Membership.Outside : Membership.Inside;
                break;
            default:
                return;
        }

        Report(context, flagged, flagged.ToString(), read, op, value, fixable: false);
    }

    private void CheckPattern(OperationAnalysisContext context, IOperation value, IPatternOperation pattern, SyntaxNode flagged, string text, bool fixable)
    {
        if (Governed(value) is { } read && PatternTest(pattern, read) is var (op, key))
        {
            if (!IsStateCheckInDeclaringType(context, read, op, key))
            {
                Report(context, flagged, text, read, op, key, fixable && read.Kind == ReadKind.Value && IsMemberReadItself(value));
            }

            return;
        }

        if (FindInSubpatterns(value, pattern) is var (nested, nestedOp, nestedKey)
            && !IsStateCheckInDeclaringType(context, nested, nestedOp, nestedKey))
        {
            Report(context, flagged, text, nested, nestedOp, nestedKey, fixable: false);
        }
    }

    /// <summary>A governed member tested inside a property or positional (tuple) pattern, at any depth.</summary>
    private (MemberRead Read, string Operator, string? Value)? FindInSubpatterns(IOperation? value, IPatternOperation pattern)
    {
        switch (pattern)
        {
            case IRecursivePatternOperation recursive:
                foreach (var subpattern in recursive.PropertySubpatterns)
                {
                    if (Governed(subpattern.Member) is { } read && PatternTest(subpattern.Pattern, read) is var (op, key))
                    {
                        return (read, op, key);
                    }

                    if (FindInSubpatterns(null, subpattern.Pattern) is { } deeper)
                    {
                        return deeper;
                    }
                }

                var elements = ValueTracer.Strip(value) is ITupleOperation tuple ? tuple.Elements : ImmutableArray<IOperation>.Empty;
                for (var i = 0; i < recursive.DeconstructionSubpatterns.Length; i++)
                {
                    var subpattern = recursive.DeconstructionSubpatterns[i];
                    var element = i < elements.Length ? elements[i] : null;
                    if (Governed(element) is { } read && PatternTest(subpattern, read) is var (op, key))
                    {
                        return (read, op, key);
                    }

                    if (FindInSubpatterns(element, subpattern) is { } deeper)
                    {
                        return deeper;
                    }
                }

                return null;
            case IBinaryPatternOperation binary:
                return FindInSubpatterns(value, binary.LeftPattern) ?? FindInSubpatterns(value, binary.RightPattern);
            case INegatedPatternOperation negated:
                return FindInSubpatterns(value, negated.Pattern);
            default:
                return null;
        }
    }

    /// <summary>The operator and constant of a pattern that decides on the value itself, or null for guards (null, zero, default) and type tests.</summary>
    private (string Operator, string? Value)? PatternTest(IPatternOperation pattern, MemberRead read)
    {
        switch (pattern)
        {
            case IRelationalPatternOperation relational when Decides(relational.Value, read):
                return (Comparison.OperatorText(relational.OperatorKind) ?? "==", Comparison.ValueKey(relational.Value));
            case IConstantPatternOperation constant when Decides(constant.Value, read):
                return ("==", Comparison.ValueKey(constant.Value));
            case IBinaryPatternOperation binary:
                return PatternTest(binary.LeftPattern, read) ?? PatternTest(binary.RightPattern, read);
            case INegatedPatternOperation negated when PatternTest(negated.Pattern, read) is var (op, key):
                return (Comparison.Negate(op), key);
            default:
                return null;
        }
    }

    /// <summary>
    /// <c>var end = validFrom.AddDays(settings.RenewalDays); if (endMinValid &lt; end)</c>: a bound-named value computed
    /// from a governed setting is the policy's deadline, not one end of a range of the domain's stored dates.
    /// </summary>
    private bool IsComputedDeadline(IOperation? other) => Governed(other) is { Kind: ReadKind.Derived };

    /// <summary>
    /// <c>Random.Shared.NextDouble() &lt; 1.0 / daysLeft</c>: a random draw spreads work over a window (renewals, retries);
    /// the value it is drawn against is not decided on.
    /// </summary>
    private static bool IsRandomDraw(IOperation? other) =>
        ValueTracer.Strip(other) is IInvocationOperation { TargetMethod.ContainingType: { Name: "Random", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

    /// <summary>
    /// The initializer of the flag local <paramref name="condition"/> reads, plainly, when it is a test of its own (a call
    /// such as <c>Any(..)</c>, <c>HasValue</c>); null when the condition is no such local, or the local copies a member
    /// (<c>var allowed = plan.AllowsExport;</c>), whose test is where the local is used. Comparisons and patterns in an
    /// initializer are reported where they are written anyway.
    /// </summary>
    private static IOperation? InitializerTest(IOperation condition)
    {
        var value = ValueTracer.Strip(condition);
        while (value is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
        {
            value = ValueTracer.Strip(not.Operand);
        }

        if (value is not ILocalReferenceOperation local
            || !ValueTracer.IsFlagType(local.Type)
            || ValueTracer.Strip(ValueTracer.Initializer(local)) is not { } initializer)
        {
            return null;
        }

        return initializer switch
        {
            IInvocationOperation => initializer,
            IPropertyReferenceOperation { Property.Name: "HasValue" } => initializer,
            _ => null,
        };
    }

    /// <summary>
    /// <c>EmploymentChecks.FirstOrDefault(x =&gt; x.CheckType == EmploymentCheckType.EmployedBeforeSchemeStarted)</c>,
    /// <c>Participants.FirstOrDefault(p =&gt; p.Role == Role.Judge)</c>, <c>hours.FirstOrDefault(h =&gt; h.DayOfWeek == day)</c>:
    /// a state matched (with a constant, a local or a parameter) in the predicate of a call that picks one element finds that element (the check of that type, the judge); what is then decided about it is
    /// tested on it. A filter (<c>Where</c>) or a test (<c>Any</c>) of the same state is reported.
    /// </summary>
    private static bool IsElementLookup(Comparison comparison, MemberRead read)
    {
        if (comparison.Operator != "==" || read.Kind != ReadKind.Value
            || !(ValueTracer.IsEnumStateType(read.MemberType) || (read.MemberType?.SpecialType == SpecialType.System_String && Comparison.ValueKey(comparison.Other) is { Length: > 2 }))
            || ValueTracer.Strip(comparison.Other) is not ({ ConstantValue.HasValue: true } or ILocalReferenceOperation or IParameterReferenceOperation)
            || ScopeFlags.EnclosingLambda(comparison.Operand) is not { } lambda
            || ValueTracer.ArgumentOf(lambda) is not { Parent: IInvocationOperation pick })
        {
            return false;
        }

        // The lambda must answer with the match itself, or with the match beside others (`x.Id == id && x.Status == Pending`).
        for (var current = comparison.Operand.Parent; current is not null && current != lambda; current = current.Parent)
        {
            if (current is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or IUnaryOperation { OperatorKind: UnaryOperatorKind.Not })
            {
                return false;
            }
        }

        return pick.TargetMethod.Name is "First" or "FirstOrDefault" or "Single" or "SingleOrDefault" or "Last" or "LastOrDefault"
            or "Find" or "FindLast" or "FirstAsync" or "FirstOrDefaultAsync" or "SingleAsync" or "SingleOrDefaultAsync"
            && !IsOnlyTestedForPresence(Consumed(QueryEnd(pick)));
    }

    /// <summary>
    /// <c>var existingAccepted = proposals.FirstOrDefault(p =&gt; p.Status == Accepted); if (existingAccepted != null) throw ..</c>:
    /// an element found only to see whether there is one asks whether any matches, as <c>Any</c> would; one whose members
    /// are read (<c>accepted?.Freelancer.UserId</c>) is looked up.
    /// </summary>
    private static bool IsOnlyTestedForPresence(IOperation found)
    {
        if (found.Parent is IBinaryOperation or IIsPatternOperation)
        {
            return true;
        }

        return UsesOfLocalHolding(found) is { Count: > 0 } uses && uses.All(use => use.Parent is IBinaryOperation or IIsPatternOperation
            || (use.Parent is IConversionOperation { Parent: IBinaryOperation or IIsPatternOperation }));
    }

    /// <summary>
    /// <c>Status = Status == Active ? Inactive : Active;</c>: a state flipped to its other value, written back to the
    /// member it tests. Nothing is allowed or refused.
    /// </summary>
    private static bool IsToggle(Comparison comparison, MemberRead read)
    {
        var test = AbovePlainWrapping(comparison.Operand);
        var choice = test?.Parent as IConditionalOperation;
        var write = choice is null ? null : AbovePlainWrapping(choice);

        return choice is { WhenFalse: not null } && choice.Condition == test
            && write is ISimpleAssignmentOperation assignment && ValueTracer.Strip(assignment.Value) == choice
            && WritesReadMember(assignment, read);
    }

    /// <summary>
    /// <c>new ProfileForm { DisablePosting = user.DisablePosting == true }</c>: a flag compared with <c>true</c> or
    /// <c>false</c> only to store it in another object's member (a <c>bool?</c> made a <c>bool</c> for a form) is a copy,
    /// as a plain assignment is. Stored in a local, it stays traced to where it is tested.
    /// </summary>
    private static bool IsFlagCopy(Comparison comparison)
    {
        if (comparison.Operator is not ("==" or "!=") || ValueTracer.Strip(comparison.Other) is not { ConstantValue.Value: bool })
        {
            return false;
        }

        var test = AbovePlainWrapping(comparison.Operand);
        var stored = test is null ? null : AbovePlainWrapping(test);

        return test is IBinaryOperation && stored is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation or IFieldReferenceOperation };
    }

    /// <summary>The operation that uses <paramref name="operation"/>, seen through the conversions and parentheses around it.</summary>
    private static IOperation? AbovePlainWrapping(IOperation operation)
    {
        var above = operation.Parent;
        while (above is IConversionOperation or IParenthesizedOperation)
        {
            above = above.Parent;
        }

        return above;
    }

    /// <summary>
    /// <c>for (var i = 0; i &lt; ticketSale.Amount; i++)</c>, <c>for (var cursor = start; cursor + step &lt;= end; cursor += step)</c>:
    /// the member bounds a loop's counter (or a value computed from it), which repeats work as many times as it says;
    /// nothing is allowed or refused.
    /// </summary>
    private static bool IsLoopBound(Comparison comparison)
    {
        return AbovePlainWrapping(comparison.Operand) is IBinaryOperation { Parent: IForLoopOperation loop } condition
            && loop.Condition == condition
            && comparison.Other is not null
            && comparison.Other.DescendantsAndSelf().OfType<ILocalReferenceOperation>().Any(counter => loop.Locals.Contains(counter.Local, SymbolEqualityComparer.Default));
    }

    /// <summary>
    /// <c>if (execution.CurrentKeyPoint &gt;= 0 &amp;&amp; execution.CurrentKeyPoint &lt; ordered.Count) next =
    /// ordered[execution.CurrentKeyPoint];</c>: a position kept below a list's size before the list is indexed with it
    /// keeps the index in range; it refuses nothing.
    /// </summary>
    private static bool IsIndexBound(Comparison comparison)
    {
        if (comparison.Operator is not ("<" or "<=" or ">" or ">=") || comparison.Other is null
            || DecidedChoice(comparison.Operand) is not { } choice)
        {
            return false;
        }

        var (position, size) = SizedList(comparison.Other) is not null ? (comparison.Operand, comparison.Other) : (comparison.Other, comparison.Operand);
        if (SizedList(size) is not { } list || ValueTracer.Strip(position)?.Syntax.ToString() is not { } index)
        {
            return false;
        }

        return choice.WhenTrue.DescendantsAndSelf().Any(access => access switch
        {
            IArrayElementReferenceOperation { Indices.Length: 1 } element => SameList(element.ArrayReference, list) && ValueTracer.Strip(element.Indices[0])?.Syntax.ToString() == index,
            IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance: { } instance } indexer => SameList(instance, list) && ValueTracer.Strip(indexer.Arguments[0].Value)?.Syntax.ToString() == index,
            _ => false,
        });

        static bool SameList(IOperation indexed, string list) => ValueTracer.Strip(indexed)?.Syntax.ToString() == list;
    }

    /// <summary>
    /// <c>public bool IsGreaterThan(Money other) { .. return Amount &gt; other.Amount; }</c>: a type comparing its own member
    /// with the same member of another instance of that type defines how its values order, as an operator does; the
    /// caller that compares two amounts with it decides.
    /// </summary>
    private static bool IsOrderingOfItsType(OperationAnalysisContext context, Comparison comparison)
    {
        if (comparison.Other is null || context.ContainingSymbol is not IMethodSymbol { IsStatic: false, ContainingType: { } type })
        {
            return false;
        }

        bool OwnAgainstOthers(IOperation? first, IOperation? second) =>
            ValueTracer.Strip(first) is IMemberReferenceOperation { Instance: IInstanceReferenceOperation } own
            && ValueTracer.Strip(second) is IMemberReferenceOperation { Instance: IParameterReferenceOperation { Parameter.Type: var otherType } } its
            && SymbolEqualityComparer.Default.Equals(own.Member.OriginalDefinition, its.Member.OriginalDefinition)
            && SymbolEqualityComparer.Default.Equals(otherType.OriginalDefinition, type.OriginalDefinition);

        return OwnAgainstOthers(comparison.Operand, comparison.Other) || OwnAgainstOthers(comparison.Other, comparison.Operand);
    }

    /// <summary>
    /// The list whose size a value is: <c>ordered</c> for <c>ordered.Count</c>, <c>ordered.Length</c> or <c>ordered.Count()</c>
    /// (the items <see cref="CountedItems"/> finds; a <c>LongCount()</c> bounds no <c>int</c> index).
    /// </summary>
    private static string? SizedList(IOperation value) =>
        ValueTracer.Strip(value) is not IInvocationOperation { TargetMethod.Name: "LongCount" } && CountedItems(value) is { } items
            ? ValueTracer.Strip(items)?.Syntax.ToString()
            : null;

    /// <summary>
    /// False for guards: <c>null</c>, <c>default</c>, empty strings and zero (<c>TimeSpan.Zero</c> too), and the
    /// framework's <c>MinValue</c> and <c>MaxValue</c> markers of "none" and "unlimited", unless a policy's own condition
    /// compares the member with that value. Guards appear in every codebase; they are not policy.
    /// </summary>
    private bool Decides(IOperation other, MemberRead read)
    {
        var stripped = ValueTracer.Strip(other);
        if (stripped is IDefaultValueOperation)
        {
            // A guard, unless a policy's own condition compares the member with default (`RequestedDate != default`
            // is Ombi's "already requested"), as with zero.
            return _catalog.Value.ComparesWith(GovernedMember(read.Member), "default");
        }

        if (Comparison.MarkerKey(stripped) is { } marker)
        {
            return _catalog.Value.ComparesWith(GovernedMember(read.Member), marker);
        }

        if (Comparison.SmartStateName(stripped) is not null)
        {
            // `course.Status != CourseStatus.Published`, a smart enum's state: another state than every policy names asks
            // another question, as with an enum.
            return _catalog.Value.MayTestState(GovernedMember(read.Member), Comparison.ValueKey(stripped));
        }

        if (Comparison.EnumMemberName(stripped) is not null && read.Kind == ReadKind.Value && read.MemberType?.SpecialType == SpecialType.System_String)
        {
            // `lot.LotStatus.Name == AuctionStatus.Sold.ToString()`: a string state's constant, written through its enum.
            return _catalog.Value.MayTestState(GovernedMember(read.Member), Comparison.ValueKey(stripped));
        }

        if (stripped is null || !stripped.ConstantValue.HasValue)
        {
            // `order.PaymentId != payment.Id`, where every policy only asks whether a payment is there: a match of keys.
            // Another value (`coupon.MemberId == contactId`) may be what a policy's join compares it with.
            if (IsPresenceOnly(read, whole: false) && IsIdentityRead(stripped))
            {
                return false;
            }

            // `Where(x => x.Status == status)`, the state chosen by the caller: a listing by state, when the policies
            // governing it only name states of their own.
            return !IsEnumState(read)
                || Governed(stripped) is not null
                || _catalog.Value.MayTestState(GovernedMember(read.Member), null, otherIsChosen: true);
        }

        var value = stripped.ConstantValue.Value;
        if (value is null)
        {
            // A guard, unless the policy's whole test of the member is whether it is set (`c.OrderId != null`: a coupon
            // already used).
            return IsPresenceOnly(read);
        }

        if (value is string { Length: 0 })
        {
            return false;
        }

        if (stripped.Type?.TypeKind == TypeKind.Enum)
        {
            return _catalog.Value.MayTestState(GovernedMember(read.Member), Comparison.ValueKey(stripped));
        }

        if (value is string && read.Kind == ReadKind.Value && read.MemberType?.SpecialType == SpecialType.System_String)
        {
            // `Status == FlagChangeRequestStatus.Applied`, string constants used as states: another state than every
            // policy names asks another question, as with an enum.
            return _catalog.Value.MayTestState(GovernedMember(read.Member), Comparison.ValueKey(stripped));
        }

        if (value is bool or string or char)
        {
            return true;
        }

        if (Comparison.IsNamedNumericState(stripped) && !_catalog.Value.MayTestState(GovernedMember(read.Member), Comparison.ValueKey(stripped)))
        {
            // `po.Status != PurchaseOrderStatus.PendingApproval`, numbers named as states in a class of constants: another
            // state than every policy names asks another question, as with an enum.
            return false;
        }

        return Comparison.ValueKey(stripped) != "0" || _catalog.Value.ComparesWith(GovernedMember(read.Member), "0");
    }

    /// <summary>
    /// <c>if (Status == OrderStatus.Shipped) throw ...</c> inside <c>Order.Cancel()</c>: an entity guarding its own state
    /// transitions enforces an invariant, rarely a policy staff may override, unless the guard refuses exactly what a
    /// policy denies (<c>if (Status != CouponStatus.Available) throw</c> in <c>Coupon.MarkAsUsed()</c> beside a policy
    /// denying <c>c.Status != CouponStatus.Available</c>): that one is the policy's check, written where the state lives.
    /// Only a guard clause is such an invariant: one that throws (itself, or through a helper of the type that only
    /// throws) or leaves a void method (<c>if (Status == Retired) return;</c>); a state the type returns or combines into
    /// an answer (<c>return provider.Enabled &amp;&amp; Use2fa;</c>) is a decision. <c>.editorconfig</c> may skip every
    /// such guard (<c>skip</c>) or report every one (<c>report</c>).
    /// </summary>
    private bool IsStateCheckInDeclaringType(OperationAnalysisContext context, MemberRead read, string op, string? value)
    {
        // A state parameter carrying the member (`EnsureValidStatusTransition(vehicle.Status, ..)` in a service) is in the
        // declaring type only where the member's own type declares the helper; a flag passed to a guard helper
        // (`AssertStateTrue(this.Active, ..)`) is reported where it is passed, so the helper's own test is not.
        var tested = read.Member is IParameterSymbol { Type.SpecialType: not SpecialType.System_Boolean } ? GovernedMember(read.Member) : read.Member;
        if (op is not ("==" or "!=") || !ValueTracer.IsStateType(read.MemberType) || !IsInDeclaringType(context.ContainingSymbol, tested)
            || GuardThrowsWhen(context.Operation) is not { } throwsWhenHolds)
        {
            return false;
        }

        var setting = DeclaringTypeStateChecks(context);
        if (setting == "report")
        {
            return false;
        }

        // A helper's own parameter (`AssertStateTrue(bool value, ..)`) is tested for every caller: its callers' reads are reported.
        if (setting == "skip" || value is null || read.Member is IParameterSymbol or ILocalSymbol)
        {
            return true;
        }

        var refused = Refused(throwsWhenHolds, op, value);
        return !_catalog.Value.GetGovernors(GovernedMember(read.Member))
            .Any(governor => StatedRefusals(governor).Contains(refused));
    }

    /// <summary>
    /// <c>if (!PointsAwarded.HasValue) throw ..("No points have been awarded to revoke")</c>, <c>if (vehicle.Status !=
    /// Retired) throw ..("Only retired vehicles can be restored")</c>, beside policies that deny once points are awarded or
    /// while the vehicle is retired: the guard refuses exactly what every policy naming that value lets through, so it is
    /// another action's precondition, not theirs. With <c>PA0001.state_checks_in_declaring_type = report</c>, the
    /// declaring type's own guards are all reported, as that setting promises.
    /// </summary>
    private bool RefusesWhatThePolicyAllows(OperationAnalysisContext context, MemberRead read, string op, string? value)
    {
        if (op is not ("==" or "!=") || value is null || read.Kind != ReadKind.Value || GuardThrowsWhen(context.Operation) is not { } throwsWhenHolds
            || (IsInDeclaringType(context.ContainingSymbol, GovernedMember(read.Member)) && DeclaringTypeStateChecks(context) == "report"))
        {
            return false;
        }

        var refused = Refused(throwsWhenHolds, op, value);
        var allowed = Refusal(Comparison.Negate(refused.Operator), refused.Value);
        var naming = _catalog.Value.GetGovernors(GovernedMember(read.Member))
            .Select(StatedRefusals)
            .Where(forms => forms.Any(form => form.Value == refused.Value))
            .ToList();
        return naming.Count > 0 && naming.All(forms => forms.Contains(allowed) && !forms.Contains(refused));
    }

    /// <summary>The <c>PA0001.reported_comparisons</c> setting for the check's file, lower-case; empty when unset.</summary>
    private static string ReportedComparisons(OperationAnalysisContext context) => Setting(context, ReportedComparisonsOption);

    /// <summary>The <c>.editorconfig</c> setting <paramref name="key"/> for the check's file, lower-case; empty when unset.</summary>
    private static string Setting(OperationAnalysisContext context, string key) =>
        context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.Operation.Syntax.SyntaxTree).TryGetValue(key, out var configured)
            ? configured.Trim().ToLowerInvariant()
            : string.Empty;

    /// <summary>
    /// Whether the comparison makes a test one of <paramref name="governors"/> makes of the member: the same operator
    /// or its complement, or the same constant. A member the policies only name (no test of it) is tested by any
    /// comparison; a call's test counts only for the same arguments.
    /// </summary>
    private static bool MakesAPolicyTest(ImmutableArray<Governor> governors, string op, string? value, string? key)
    {
        var tests = governors.SelectMany(g => g.Tests).Where(t => t.Key == key).ToList();
        return tests.Count == 0 || tests.Any(t => IsSameOperator(t, op) || IsSameValue(t, value));
    }

    private static bool IsSameOperator(ConditionTest test, string op) => test.Operator == op || test.Operator == Comparison.Negate(op);

    private static bool IsSameValue(ConditionTest test, string? value) => value is not null && test.Value == value;

    /// <summary>The <c>PA0001.state_checks_in_declaring_type</c> setting for the check's file, lower-case; empty when unset.</summary>
    private static string DeclaringTypeStateChecks(OperationAnalysisContext context) => Setting(context, DeclaringTypeStateChecksOption);

    /// <summary>A governor's tests of the member's own value against a constant, each in one form (see <see cref="Refusal"/>).</summary>
    private static List<(string Operator, string Value)> StatedRefusals(Governor governor) =>
        governor.Tests.Where(test => test.Key is null && test.Value is not null).Select(test => Refusal(test.Operator, test.Value!)).ToList();

    /// <summary>
    /// What a guard refuses, in one form (see <see cref="Refusal"/>): the test itself where it throws when the test holds
    /// (<c>if (Status == Paid) throw</c>), its negation where it throws otherwise (<c>if (Status == Paid) { .. } else throw</c>).
    /// </summary>
    private static (string Operator, string Value) Refused(bool throwsWhenHolds, string op, string value) =>
        Refusal(throwsWhenHolds ? op : Comparison.Negate(op), value);

    /// <summary>A state test in one form: <c>!=true</c> is <c>==false</c>.</summary>
    private static (string Operator, string Value) Refusal(string op, string value) => (op, value) switch
    {
        ("!=", "true") => ("==", "false"),
        ("!=", "false") => ("==", "true"),
        _ => (op, value),
    };

    /// <summary>
    /// <c>var available = org.Seats.Value - occupied; var needed = adding - available; if (needed &gt; 0)</c>: a difference
    /// of two quantities compared with zero compares the quantities themselves (<c>adding &gt; available</c>), so zero
    /// is not a guard there.
    /// </summary>
    private static bool IsDifferenceWithZero(Comparison comparison)
    {
        if (Comparison.ValueKey(comparison.Other) != "0")
        {
            return false;
        }

        var value = ValueTracer.Strip(comparison.Operand);
        for (var depth = 0; depth < ValueTracer.MaxLocalDepth; depth++)
        {
            if (value is ILocalReferenceOperation local)
            {
                value = ValueTracer.Strip(ValueTracer.Initializer(local));
            }
            else if (value is IInvocationOperation { TargetMethod: { Name: "Max", ContainingType.SpecialType: SpecialType.None } max, Arguments.Length: 2 } call
                && max.ContainingType.ToDisplayString() == "System.Math"
                && call.Arguments.Count(a => Comparison.ValueKey(a.Value) == "0") == 1)
            {
                // `Math.Max(0, inStock - reserved) > 0` is `inStock - reserved > 0`.
                value = ValueTracer.Strip(call.Arguments.First(a => Comparison.ValueKey(a.Value) != "0").Value);
            }
            else if (value is IPropertyReferenceOperation { Property.ContainingType: { Name: "TimeSpan", ContainingNamespace.Name: "System" }, Instance: { } span })
            {
                // `(DateTime.UtcNow.Date - installment.DueDate).Days <= 0` is `DateTime.UtcNow.Date <= installment.DueDate`.
                value = ValueTracer.Strip(span);
            }
            else
            {
                break;
            }
        }

        static bool Varies(IOperation side) => !ValueTracer.Strip(side)!.ConstantValue.HasValue;

        return value switch
        {
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } difference => Varies(difference.LeftOperand) && Varies(difference.RightOperand),

            // `startDate.Subtract(DateTime.Now).TotalDays < 0`: a date's Subtract is the same difference.
            IInvocationOperation { TargetMethod.Name: "Subtract", Instance: { } from, Arguments.Length: 1 } subtract when DateTimeTypes.IsDateOrTime(from.Type)
                => Varies(from) && Varies(subtract.Arguments[0].Value),
            _ => false,
        };
    }

    /// <summary>
    /// <c>if (subscription.Status == SubscriptionStatus.PastDue) return (false, "..");</c> beside a policy that allows only
    /// some states (<c>s.Status != Active &amp;&amp; s.Status != Trialing</c>): a guard that leaves on one state outside that
    /// set refuses a case the policy denies, though the policy never names that state. Only a set of two or more allowed
    /// states counts (a single one, <c>o.Status != Placed</c>, is one transition's precondition), and only an <c>if</c>
    /// that returns or throws.
    /// </summary>
    private bool RefusesAStateOutsideTheAllowed(Comparison comparison, MemberRead read)
    {
        var state = ValueTracer.Strip(comparison.Other);
        if (comparison.Operator != "=="
            || !((IsEnumState(read) && state is { Type.TypeKind: TypeKind.Enum, ConstantValue.HasValue: true }) || Comparison.IsNamedNumericState(state))
            || Comparison.ValueKey(state) is not { } key)
        {
            return false;
        }

        var governors = _catalog.Value.GetGovernors(GovernedMember(read.Member));
        if (!governors.Any(governor => AllowsOnlyOtherStates(governor, key)))
        {
            return false;
        }

        // `if (o.Status != Paid && o.Status != PartiallyPaid) return NotPaid; if (o.Status == Fulfilled) return AlreadyDelivered;`:
        // where the method tests the allowed states themselves, another state's test is about something else (done already).
        var allowed = new HashSet<string>(governors.SelectMany(g => g.Tests).Where(t => t.Operator == "!=" && t.Value is not null).Select(t => t.Value!), StringComparer.Ordinal);
        var testsAllowedState = ValueTracer.Root(comparison.Operand).Descendants().OfType<IBinaryOperation>().Any(other =>
            other.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals
            && Comparison.From(other) is { } pair
            && new[] { pair.First, pair.Second }.Any(side => side.Other is not null && Comparison.ValueKey(side.Other) is { } otherKey && allowed.Contains(otherKey)
                && ValueTracer.Strip(side.Operand) is IMemberReferenceOperation { Member: var otherMember } && SymbolEqualityComparer.Default.Equals(otherMember.OriginalDefinition, read.Member.OriginalDefinition)));
        if (testsAllowedState)
        {
            return false;
        }

        return LeavesOnTest(comparison);
    }

    /// <summary>
    /// The policy allows a set of states (two or more <c>!=</c> tests of constants: <c>s.Status != Trialing &amp;&amp; s.Status
    /// != Active</c>) and names none of them <paramref name="key"/>: that state is outside what it allows.
    /// </summary>
    private static bool AllowsOnlyOtherStates(Governor governor, string key)
    {
        var tests = governor.Tests.Where(t => t.Key is null && t.Value is not null).ToList();
        return tests.Count(t => t.Operator == "!=") >= 2 && tests.All(t => t.Value != key);
    }

    /// <summary>The test (alone or in an <c>||</c>) is an <c>if</c>'s condition whose branch ends by returning or throwing.</summary>
    private static bool LeavesOnTest(Comparison comparison)
    {
        IOperation? current = TestOf(comparison);
        while (current?.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        return current?.Parent is IConditionalOperation { IsRef: false, WhenTrue: var leaving } branch && branch.Condition == current
            && LastStatement(leaving) is IReturnOperation or IThrowOperation;
    }

    /// <summary>
    /// <c>Remaining = count &lt; 0 ? 0 : count</c> or <c>if (count &lt; 0) count = 0;</c>: a value clamped at zero is
    /// normalised (a <c>Math.Max</c>), nothing is decided.
    /// </summary>
    private static bool IsClamp(Comparison comparison)
    {
        var test = TestOf(comparison);
        if (test?.Parent is not IConditionalOperation)
        {
            return false;
        }

        // Clamped at zero, or at the bound it is compared with (`if (max < status.DisabledTill) status.DisabledTill = max;`).
        var operand = ValueTracer.Strip(comparison.Operand)!.Syntax.ToString();
        var bound = ValueTracer.Strip(comparison.Other)?.Syntax.ToString();
        bool IsZero(IOperation? value) => Comparison.ValueKey(value) == "0" || (bound is not null && ValueTracer.Strip(value)?.Syntax.ToString() == bound);
        bool IsOperand(IOperation? value) => ValueTracer.Strip(value)?.Syntax.ToString() == operand;
        // `plan.MaxUsers != -1 ? plan.MaxUsers : int.MaxValue`: a sentinel replaced by a constant, tested against a constant.
        bool IsSentinelSwap(IOperation? value) =>
            ValueTracer.Strip(comparison.Other)?.ConstantValue.HasValue == true && ValueTracer.Strip(value)?.ConstantValue.HasValue == true;
        return test?.Parent switch
        {
            IConditionalOperation { WhenFalse: { } otherwise } choice when choice.Condition == test && choice.Type is not null =>
                ((IsZero(choice.WhenTrue) || IsSentinelSwap(choice.WhenTrue)) && IsOperand(otherwise))
                || (IsOperand(choice.WhenTrue) && (IsZero(otherwise) || IsSentinelSwap(otherwise))),
            IConditionalOperation { WhenFalse: null } statement when statement.Condition == test =>
                (statement.WhenTrue is IBlockOperation { Operations.Length: 1 } block ? block.Operations[0] : statement.WhenTrue)
                    is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation assignment }
                && IsOperand(assignment.Target) && IsZero(assignment.Value),
            _ => false,
        } || (comparison.Operator is "<" or "<=" or ">" or ">=" && test?.Parent is IConditionalOperation { Type: null } clamped && clamped.Condition == test
            && (StoresASide(clamped.WhenTrue, bound) || StoresASide(clamped.WhenTrue, operand)));
    }

    /// <summary>
    /// <c>if (balance.Balance + credit &gt; type.CarryForwardLimit) { balance.Balance = (decimal)type.CarryForwardLimit; .. } else ..</c>:
    /// a branch that stores one side of the ordering it tested, and neither throws nor leaves, caps a value at that side;
    /// it decides nothing.
    /// </summary>
    private static bool StoresASide(IOperation branch, string? side)
    {
        var statements = Statements(branch);
        return side is not null
            && statements.All(statement => statement is IExpressionStatementOperation)
            && statements.Any(statement => statement is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation assignment }
                && ValueTracer.Strip(assignment.Value)?.Syntax.ToString() == side);
    }

    /// <summary>The comparison's own operation, through the conversions and parentheses around it.</summary>
    private static IOperation? TestOf(Comparison comparison)
    {
        var test = comparison.Operand.Parent;
        while (test is IConversionOperation or IParenthesizedOperation)
        {
            test = test.Parent;
        }

        return test;
    }

    /// <summary>
    /// Whether <paramref name="check"/> is a guard clause's condition (or a part of one): true when the guard throws or
    /// leaves while the check holds (<c>if (Status != Paid) throw</c>), false when it does so while the check fails
    /// (<c>if (Status == Paid) { .. } else throw</c>, <c>AssertStateTrue(Active, ..)</c>), null when no guard tests it.
    /// </summary>
    private static bool? GuardThrowsWhen(IOperation check)
    {
        // `AssertionConcern.AssertStateTrue(this.Active, ..)` throws as `if (!this.Active) throw ..` does.
        if (check is IInvocationOperation assertion && IsAssertion(assertion.TargetMethod))
        {
            var name = assertion.TargetMethod.Name;
            return name.IndexOf("False", StringComparison.Ordinal) >= 0 || name.IndexOf("Against", StringComparison.Ordinal) >= 0;
        }

        var negated = false;
        var current = check;
        while (current.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr }
            or IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } or IParenthesizedOperation or IConversionOperation or IIsPatternOperation)
        {
            negated ^= current.Parent is IUnaryOperation;
            current = current.Parent;
        }

        var conditional = current as IConditionalOperation ?? current.Parent as IConditionalOperation;
        if (conditional is not { IsRef: false } || conditional.Condition != (current is IConditionalOperation ? conditional.Condition : current))
        {
            return null;
        }

        return Throws(conditional.WhenTrue) ? !negated
            : conditional.WhenFalse is { } otherwise && Throws(otherwise) ? negated
            : null;
    }

    /// <summary>
    /// <c>var remindAt = booking.ScheduledStartUtc.AddHours(-2); if (remindAt &gt; clock.UtcNow) jobs.ScheduleReminder(id, remindAt);</c>:
    /// a time still to come is handed to a scheduler; the comparison only keeps it from scheduling the past.
    /// </summary>
    private static bool IsTimeScheduled(Comparison comparison)
    {
        if (ValueTracer.Strip(comparison.Operand) is not ILocalReferenceOperation { Local: var time }
            || comparison.Operator is not ("<" or "<=" or ">" or ">=")
            || comparison.Other is not { } other || !RangeOrdering.ReadsClock(other))
        {
            return false;
        }

        var current = comparison.Operand.Parent;
        while (current is IBinaryOperation or IParenthesizedOperation or IUnaryOperation)
        {
            current = current.Parent;
        }

        return current is IConditionalOperation { WhenTrue: var branch, WhenFalse: null }
            && branch.DescendantsAndSelf().OfType<IArgumentOperation>().Any(argument =>
                argument.Parent is IInvocationOperation
                && ValueTracer.Strip(argument.Value) is ILocalReferenceOperation passed
                && SymbolEqualityComparer.Default.Equals(passed.Local, time));
    }

    /// <summary>
    /// <c>foreach (var acc in all) { if (acc.Owner.Id == userId) mine.Add(acc); }</c>: a <c>Where</c> written by hand, the
    /// items that match collected for a listing or a batch; nothing is allowed or refused.
    /// </summary>
    private static bool IsHandWrittenFilter(IOperation check)
    {
        var current = check;
        while (current.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        if (current.Parent is not IConditionalOperation { WhenFalse: null } conditional || conditional.Condition != current
            || LastStatement(conditional.WhenTrue) is not IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1 } add
            || (conditional.WhenTrue is IBlockOperation block && block.Operations.Length != 1))
        {
            return false;
        }

        for (var around = conditional.Parent; around is not null and not IAnonymousFunctionOperation and not IMethodBodyOperation; around = around.Parent)
        {
            if (around is IForEachLoopOperation loop)
            {
                return ValueTracer.Strip(add.Arguments[0].Value) is ILocalReferenceOperation item
                    && loop.Locals.Any(local => SymbolEqualityComparer.Default.Equals(local, item.Local));
            }
        }

        return false;
    }

    private static bool Throws(IOperation branch) =>
        LastStatement(branch) switch
        {
            IThrowOperation => true,
            IReturnOperation { ReturnedValue: null } => true,
            IInvocationOperation { TargetMethod: var helper } => OnlyThrows(helper),
            _ => false,
        };

    /// <summary><c>private void StatusChangeException(..) { throw new OrderingDomainException(..); }</c>: a helper that only throws.</summary>
    private static bool OnlyThrows(IMethodSymbol method) =>
        method.DeclaringSyntaxReferences.Length == 1
        && method.DeclaringSyntaxReferences[0].GetSyntax() switch
        {
            MethodDeclarationSyntax { Body.Statements: { Count: 1 } statements } => statements[0] is ThrowStatementSyntax,
            MethodDeclarationSyntax { ExpressionBody.Expression: ThrowExpressionSyntax } => true,
            _ => false,
        };

    private static bool IsInDeclaringType(ISymbol? symbol, ISymbol member)
    {
        for (var type = symbol as INamedTypeSymbol ?? symbol?.ContainingType; type is not null; type = type.ContainingType)
        {
            for (var current = (ITypeSymbol?)type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, member.ContainingType?.OriginalDefinition))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The operand is the member read itself (<c>order.Days</c>, <c>order?.Days</c>), not a value computed from it.</summary>
    private static bool IsMemberReadItself(IOperation operand)
    {
        var stripped = ValueTracer.Strip(operand);
        while (stripped is IConditionalAccessOperation conditional)
        {
            stripped = ValueTracer.Strip(conditional.WhenNotNull);
        }

        return stripped is IPropertyReferenceOperation or IFieldReferenceOperation or IInvocationOperation { TargetMethod.IsExtensionMethod: false };
    }

    /// <summary>
    /// True when everything the other side reads is a constant or a member of the fact the engine would be asked
    /// about, so that <c>Evaluate(fact)</c> sees every value the comparison saw. <c>OnHand + quantity &gt; Capacity</c>
    /// reads <c>quantity</c>, which the engine would never see: rewriting it would change behaviour.
    /// </summary>
    private static bool IsCoveredByFact(IOperation other, MemberRead read)
    {
        if (read.Member.IsStatic)
        {
            return false;
        }

        var fact = ValueTracer.RootSymbol(read.Instance);
        foreach (var node in new[] { other }.Concat(other.Descendants()))
        {
            switch (node)
            {
                case ILocalReferenceOperation or IParameterReferenceOperation or IInstanceReferenceOperation:
                    if (!SymbolEqualityComparer.Default.Equals(ValueTracer.RootSymbol(node), fact) || (fact is null && node is not IInstanceReferenceOperation))
                    {
                        return false;
                    }

                    break;
                case IPropertyReferenceOperation { Instance: null }:
                case IFieldReferenceOperation { Instance: null, Field.IsConst: false }:
                case IInvocationOperation:
                    return false;
            }
        }

        return fact is not null || read.Instance is null or IInstanceReferenceOperation;
    }

    private void CheckValidationRule(OperationAnalysisContext context, IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var values = method.IsExtensionMethod ? invocation.Arguments.Skip(1).ToList() : invocation.Arguments.ToList();
        if (method.Name is "When" or "Unless" or "WhenAsync" or "UnlessAsync")
        {
            foreach (var argument in values)
            {
                if (ValueTracer.AsLambda(argument.Value) is { } lambda && ValueTracer.ReturnedValue(lambda) is { } returned)
                {
                    CheckFlag(context, returned, lambda.Syntax);
                }
            }

            return;
        }

        if (!Validators.TryGetValue(method.Name, out var op) || RuleMember(invocation) is not { } read)
        {
            return;
        }

        var limits = values.Select(a => a.Value).Where(v => ValueTracer.Strip(v) is not (IAnonymousFunctionOperation or IDelegateCreationOperation)).ToList();
        if (limits.Count > 0 && limits.Count == values.Count && !limits.Any(l => Decides(l, read)))
        {
            return;
        }

        if (_carried.Value.IsRequestTwin(read.Member) && (limits.Count != values.Count || limits.All(l => IsUnmatchedRequestValue(read, l, op))))
        {
            // `RuleFor(c => c.CreditHours).GreaterThan(0)` on a create command: the request's own shape, unless a limit is the policy's.
            return;
        }

        var start = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ? access.Name.SpanStart : invocation.Syntax.SpanStart;
        var span = TextSpan.FromBounds(start, invocation.Syntax.Span.End);
        var location = Location.Create(invocation.Syntax.SyntaxTree, span);
        var text = invocation.Syntax.SyntaxTree.GetText(context.CancellationToken).ToString(span);
        Report(context, location, text, read, op, limits.Count == 1 ? Comparison.ValueKey(limits[0]) : null, fixable: false);
    }

    /// <summary>
    /// <c>request.Capacity &lt;= 10000</c>, <c>RuleFor(c =&gt; c.EndDate).GreaterThan(c =&gt; c.StartDate)</c> on a
    /// <c>CreateEventCommand</c>: a request's copy of a governed member (see <see cref="CarriedValues.IsRequestTwin"/>) is
    /// the caller's wish, checked for its own shape; it is the policy's check only where it is ordered against what the
    /// policy orders it against: the policy's own constant (<c>CreditHours &lt;= 6</c> where the policy denies <c>&gt; 6</c>),
    /// or, where the policy compares it with a value, the clock or another governed member
    /// (<c>CheckInDate &gt;= today</c>, <c>totalCapacity &lt; request.NumberOfAdults</c>). A requested state or flag is input.
    /// </summary>
    private bool IsUnmatchedRequestValue(MemberRead read, IOperation? other, string op)
    {
        if (!_carried.Value.IsRequestTwin(read.Member))
        {
            return false;
        }

        if (op is not ("<" or "<=" or ">" or ">=") || other is null)
        {
            return true;
        }

        var tests = _catalog.Value.GetGovernors(GovernedMember(read.Member)).SelectMany(g => g.Tests).Where(t => t.Key is null).ToList();
        if (Comparison.ValueKey(other) is { } value)
        {
            return !tests.Any(t => t.Value == value);
        }

        return !tests.Any(t => t.Value is null)
            || !(RangeOrdering.ReadsClock(other) || Governed(other) is { } governed && !_carried.Value.IsRequestTwin(governed.Member));
    }

    /// <summary>The member a FluentValidation rule chain validates: the lambda of the <c>RuleFor</c> it starts from.</summary>
    private MemberRead? RuleMember(IInvocationOperation invocation)
    {
        IOperation? current = invocation;
        while (ValueTracer.Strip(current) is IInvocationOperation call)
        {
            if (call.TargetMethod.Name is "RuleFor" or "RuleForEach")
            {
                var lambda = call.Arguments.Select(a => ValueTracer.AsLambda(a.Value)).FirstOrDefault(l => l is not null);
                return lambda is null ? null : Governed(ValueTracer.ReturnedValue(lambda));
            }

            current = call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : call.Instance;
        }

        return null;
    }

    private static bool IsFluentValidation(IMethodSymbol method) => PolicyAuditTypes.RootNamespaceOf(method) == "FluentValidation";

    /// <summary>
    /// <c>$"&lt;td&gt;{(type.Category == Privilege ? "Emergency" : type.Name)}&lt;/td&gt;"</c>: whatever a test inside an
    /// interpolation's hole chooses is written into the text (an e-mail, a label, an exception's message), never
    /// what the code goes on to do.
    /// </summary>
    private static bool IsFormattedIntoText(IOperation operation) => EnclosingInStatement<IInterpolationOperation>(operation) is not null;

    /// <summary>
    /// <c>ClubId = buyingNetwork ? null : clubId</c>, <c>days = request.HalfDay ? days / 2 : days</c>: a test that picks
    /// which of two values to store or pass on computes a value; what refuses is a test that throws, leaves or answers.
    /// A choice returned (<c>return owner == caller ? Ok(x) : NotFound()</c>), between two answers, between two constants
    /// (codes: <c>Route(late ? "refund" : "exchange")</c>), or between two states stored as the outcome
    /// (<c>Status = returned &gt; due ? Late : Completed</c>) stays reported.
    /// </summary>
    private static bool IsValueChoice(IOperation operation)
    {
        var test = WholeTest(operation);
        var choice = operation as IConditionalOperation ?? test.Parent as IConditionalOperation;
        if (choice is not { Type: { } type, WhenFalse: { } otherwise } || (choice != operation && choice.Condition != test)
            || type.SpecialType == SpecialType.System_Boolean || ValueTracer.IsEnumStateType(type)
            || ValueTracer.Strip(choice.WhenTrue) is IThrowOperation || ValueTracer.Strip(otherwise) is IThrowOperation
            || (ValueTracer.Strip(choice.WhenTrue)?.ConstantValue.HasValue == true && ValueTracer.Strip(otherwise)?.ConstantValue.HasValue == true))
        {
            return false;
        }

        IOperation consumer = choice;
        while (consumer.Parent is IParenthesizedOperation or IConversionOperation or ICoalesceOperation)
        {
            consumer = consumer.Parent;
        }

        return consumer.Parent is ISimpleAssignmentOperation or ICompoundAssignmentOperation or IVariableInitializerOperation or IArgumentOperation or IPropertyInitializerOperation;
    }

    /// <summary>The whole test a check is part of: through parentheses, conversions, <c>!</c>, <c>&amp;&amp;</c> and <c>||</c>.</summary>
    private static IOperation WholeTest(IOperation check)
    {
        while (check.Parent is IParenthesizedOperation or IConversionOperation or IUnaryOperation { OperatorKind: UnaryOperatorKind.Not }
            or IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr })
        {
            check = check.Parent;
        }

        return check;
    }

    /// <summary>
    /// The nearest <typeparamref name="T"/> around <paramref name="operation"/> within its statement, not crossing into a
    /// lambda's caller; null when there is none.
    /// </summary>
    private static T? EnclosingInStatement<T>(IOperation operation)
        where T : class, IOperation
    {
        for (var current = operation.Parent; current is not null and not IBlockOperation and not IAnonymousFunctionOperation; current = current.Parent)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>
    /// <c>threads.Select(t =&gt; new ThreadVm { IsTopicLocked = t.Topic.LockedBy != null })</c>,
    /// <c>subscriptions.Select(s =&gt; new SubscriptionDto(s.Id, s.Status == SubscriptionStatus.Trial))</c>: a test whose answer a
    /// query's projection stores in the row it builds (a member of an object or anonymous initializer, a constructor's
    /// argument) shows it, also when the
    /// test is a nested query's predicate whose result is stored (<c>CanTerminate = c.Memberships.Any(m =&gt; m.IsActive)</c>,
    /// <c>Name = c.Memberships.Where(m =&gt; m.IsActive).Select(m =&gt; m.Name).FirstOrDefault()</c>); the decision, if any,
    /// is made where the row is read.
    /// </summary>
    private static bool IsProjectedForDisplay(IOperation operation)
    {
        var current = operation;
        while (true)
        {
            current = WholeTest(current);

            // `MembershipName = c.Memberships.Where(m => m.IsActive).Select(m => m.Name).FirstOrDefault()`,
            // `CanTerminate = c.Memberships.Any(m => m.IsActive && ..)`: the test picks, inside a nested query's
            // predicate, what the row shows; follow the query out to where its result is stored.
            var predicate = current as IAnonymousFunctionOperation
                ?? (current.Parent is IReturnOperation { IsImplicit: true } returned ? returned.Parent?.Parent as IAnonymousFunctionOperation : null);
            if (predicate is not null
                && ValueTracer.ArgumentOf(predicate) is { Parent: IInvocationOperation call }
                && ValueTracer.IsLinqOperators(call.TargetMethod.ContainingType)
                && IsPredicate(PredicateOf(predicate)))
            {
                current = Consumed(QueryEnd(call));
                while (current.Parent is ICoalesceOperation or IConversionOperation or IParenthesizedOperation)
                {
                    current = current.Parent;
                }

                continue;
            }

            break;
        }

        var stored = current.Parent is ISimpleAssignmentOperation { Parent: IObjectOrCollectionInitializerOperation } assignment && assignment.Value == current
            || current.Parent is IPropertyInitializerOperation or IArgumentOperation { Parent: IAnonymousObjectCreationOperation or IObjectCreationOperation }
            || current.Parent is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } } } implicitMember && implicitMember.Value == current;
        return stored
            && Governance.ScopeFlags.EnclosingLambda(current) is { } lambda
            && ValueTracer.ArgumentOf(lambda) is { Parent: IInvocationOperation { TargetMethod.Name: "Select" } };
    }

    /// <summary>
    /// <c>public UpcomingExamsSpec(DateTime now) { Criteria = e =&gt; e.ExamDate &gt;= now &amp;&amp; e.Status != ExamStatus.Cancelled;
    /// AddOrderBy(e =&gt; e.ExamDate); }</c>: a predicate of a specification (the pattern's type, named <c>..Spec</c> or
    /// <c>..Specification</c>, or derived from one) states which rows a repository's query returns; the decision, if
    /// any, is made on what it finds.
    /// </summary>
    private static bool IsSpecificationCriteria(IOperation operation, ISymbol? containing)
    {
        if (NearestLambda(operation) is null)
        {
            return false;
        }

        for (var type = containing as INamedTypeSymbol ?? containing?.ContainingType; type is not null; type = type.BaseType)
        {
            if (type.Name.EndsWith("Spec", StringComparison.Ordinal) || type.Name.EndsWith("Specification", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>.ForMember(d =&gt; d.AssignedFreelancer, o =&gt; o.MapFrom(s =&gt; s.Proposals.Any(p =&gt; p.Status == "Accepted") ? .. : null))</c>
    /// in an AutoMapper profile, or a Mapster mapping: the configuration of how an entity is copied into a DTO shows a
    /// value; nothing is allowed or refused.
    /// </summary>
    private static bool IsMappingConfiguration(IOperation operation)
    {
        for (var lambda = NearestLambda(operation); lambda is not null; lambda = Governance.ScopeFlags.EnclosingLambda(lambda))
        {
            if (ValueTracer.ArgumentOf(lambda) is { Parent: IInvocationOperation call }
                && PolicyAuditTypes.RootNamespaceOf(call.TargetMethod) is "AutoMapper" or "Mapster")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>query.OrderBy(o =&gt; o.Status == "Open" &amp;&amp; !o.Stage.IsWon)</c>: a governed test in the key of a sort or a
    /// grouping orders or groups rows; nothing is allowed or refused.
    /// </summary>
    private static bool IsSortKey(IOperation operation)
    {
        return LambdaArgument(operation) is { Parent: IInvocationOperation { TargetMethod.Name: "OrderBy" or "OrderByDescending" or "ThenBy" or "ThenByDescending" or "GroupBy" } };
    }

    /// <summary>
    /// Inside the predicate of a count or a sum (<c>loans.Count(l =&gt; l.Status == Active) &gt;= 5</c>), directly or through
    /// a <c>Where</c> whose query ends in one (<c>Where(..).CountAsync()</c>).
    /// </summary>
    private static bool IsInCount(IOperation operation)
    {
        for (var lambda = NearestLambda(operation); lambda is not null; lambda = Governance.ScopeFlags.EnclosingLambda(lambda))
        {
            if (ValueTracer.ArgumentOf(lambda) is not { Parent: IInvocationOperation call })
            {
                continue;
            }

            if (IsTally(call.TargetMethod.Name) || IsTally(QueryEnd(call).TargetMethod.Name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A query operator that counts or sums what it is given.</summary>
    private static bool IsTally(string name) => name is "Count" or "LongCount" or "CountAsync" or "LongCountAsync" or "Sum" or "SumAsync";

    /// <summary>
    /// <c>GetGradePoint(this LetterGrade grade) =&gt; grade switch { AA =&gt; 4.0f, .. }</c>, where a policy compares
    /// <c>g.LetterGrade.GetGradePoint()</c> with its threshold: the body of a governed method or property that answers
    /// a number computes what the policy reads, and the check is where that number is compared. One that answers a
    /// state (<c>Status =&gt; EndDate &lt;= DateTime.Now ? "Expired" : "Active"</c>) decides it.
    /// </summary>
    private bool DefinesGovernedValue(ISymbol? containing)
    {
        var member = containing is IMethodSymbol { AssociatedSymbol: IPropertySymbol property } ? property : containing;
        var answer = member switch
        {
            IMethodSymbol method => method.ReturnType,
            IPropertySymbol value => value.Type,
            _ => null,
        };
        return answer is not null
            && IsNumberType(answer)
            && _catalog.Value.IsGoverned(member!.OriginalDefinition);
    }

    private static bool IsNumberType(ITypeSymbol type) =>
        ValueTracer.WithoutNullable(type)!.SpecialType
            is SpecialType.System_Int16 or SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Byte
            or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64
            or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal;

    /// <summary>
    /// Code of the read side, by the CQRS names for it: a query and its handler (<c>GetTransactionsUserQuery</c>,
    /// <c>GetOrdersQueryHandler</c>), a report's service (<c>ReportService</c>, <c>MembershipReportService</c>), or code named for
    /// figures (a dashboard's handler, an analytics controller, see <see cref="IsFiguresName"/>). It lists, counts and shows; a
    /// governed state or flag it reads picks what to show, not what to allow. Matching the actor with an owner key
    /// there (who may see the rows) and a guard that throws or leaves (<c>if (user.Role &lt; Role.Admin) throw ..</c>:
    /// who may ask at all) are still reported.
    /// </summary>
    private static bool IsReadSide(ISymbol? symbol)
    {
        for (var method = symbol as IMethodSymbol; method is not null; method = method.ContainingSymbol as IMethodSymbol)
        {
            // `GetApprovalsDashboardSummaryAsync` in a service of commands: the one method that shows figures is read side.
            if (IsFiguresName(method.Name))
            {
                return true;
            }
        }

        for (var type = symbol as INamedTypeSymbol ?? symbol?.ContainingType; type is not null; type = type.ContainingType)
        {
            var name = type.Name;
            if ((name.EndsWith("Query", StringComparison.Ordinal) && name.Length > "Query".Length)
                || (name.EndsWith("QueryHandler", StringComparison.Ordinal) && name.Length > "QueryHandler".Length)
                || name.EndsWith("ReportService", StringComparison.Ordinal)
                || IsFiguresName(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>GetDashboardDataHandler</c>, <c>GlobalAnalyticsController</c>, <c>GetStatisticsAsync</c>: code named for the figures it
    /// shows (the figures' word followed only by words for the code's kind). <c>DashboardCampaignService</c> serves campaigns.
    /// </summary>
    private static bool IsFiguresName(string name)
    {
        foreach (var figures in FiguresWords)
        {
            var at = name.LastIndexOf(figures, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var rest = name.Substring(at + figures.Length);
            foreach (var kind in CodeKindWords)
            {
                rest = rest.Replace(kind, string.Empty);
            }

            if (rest.Length == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] FiguresWords = { "Dashboard", "Statistics", "Analytics" };

    private static readonly string[] CodeKindWords = { "Async", "Controller", "Handler", "Service", "Query", "Summary", "Data", "Endpoints", "Endpoint", "Api" };

    /// <summary>
    /// <c>await _db.Topics.Where(t =&gt; t.LockedBy != null).OrderBy(..).ToListAsync()</c>: a state, flag or presence
    /// matched in a database query's <c>Where</c> whose query ends in rows (listed, ordered, paged, projected, returned)
    /// picks rows for a page or a batch; nothing is allowed or refused. A query that ends in an answer or an element
    /// (<c>Any</c>, <c>All</c>, <c>Count</c>, <c>First</c>, <c>Sum</c>, ..), a window or threshold (<c>CreatedOn &lt; cutoff</c>)
    /// and a filter of a list in memory (the items a job goes on to process) stay reported.
    /// </summary>
    private static bool IsListingFilter(IOperation operation)
    {
        if (LambdaArgument(operation) is not { Parent: IInvocationOperation { TargetMethod.Name: "Where" } call } predicate
            || !SearchCriterion.IsExpressionTree(predicate))
        {
            return false;
        }

        return OperatorName(QueryEnd(call)) is not ("Any" or "All" or "Count" or "LongCount" or "First" or "FirstOrDefault" or "Single" or "SingleOrDefault"
            or "Last" or "LastOrDefault" or "ElementAt" or "ElementAtOrDefault" or "Sum" or "Min" or "Max" or "Average"
            or "Aggregate" or "Contains" or "Exists" or "TrueForAll" or "MinBy" or "MaxBy");
    }

    /// <summary>
    /// <c>claims.GetListAsync(c =&gt; new { c, c.Claimer }, c =&gt; c.Status == ClaimStatus.Pending &amp;&amp; c.FinanceId != null)</c>,
    /// <c>return viewMode switch { ClaimerMode =&gt; c =&gt; c.ClaimerId == userId &amp;&amp; .., .. };</c>: a predicate (an
    /// expression tree a query provider translates) handed to a repository's listing method, whose name says it
    /// returns rows (<c>List</c>, <c>Paged</c>, <c>Page</c>, <c>All</c>, <c>Many</c>), or returned by a method that
    /// builds the filter of a listing, picks rows to show as a listing's <c>Where</c> does (see
    /// <see cref="IsListingFilter"/>). Rows whose count is compared stay reported.
    /// </summary>
    private static bool IsListingPredicate(IOperation operation, string? value)
    {
        var lambda = OutermostLambda(operation);

        IOperation? current = lambda?.Parent;
        var tree = false;
        while (current is IDelegateCreationOperation or IConversionOperation)
        {
            tree |= current.Type is INamedTypeSymbol { Name: "Expression", ContainingNamespace.Name: "Expressions" };
            current = current.Parent;
        }

        if (lambda is null || !IsPredicate(lambda.Symbol.ReturnType.SpecialType == SpecialType.System_Boolean ? PredicateOf(lambda) : lambda.Symbol.ReturnType))
        {
            return false;
        }

        if (current is IArgumentOperation { Parent: IInvocationOperation call } argument)
        {
            var name = call.TargetMethod.Name;
            // A flag handed to a repository's method (`GetAllWithIncludeAsync(c => c.IsActive && ..)`) is as often what
            // may be offered at all.
            return value is not ("true" or "false")
                && SearchCriterion.IsExpressionTree(argument)
                && !ValueTracer.IsLinqOperators(call.TargetMethod.ContainingType) && !PolicyAuditTypes.IsFramework(call.TargetMethod)
                && (name.Contains("List") || name.Contains("Page") || name.Contains("All") || name.Contains("Many"))
                && !name.Contains("Any") && !name.Contains("Count") && !name.Contains("Exist")
                && !IsCompared(Consumed(call)) && !IsCountedLater(call);
        }

        return tree && current is not null && IsReturned(lambda.Parent!);
    }

    /// <summary><c>claims.Count == 0</c>: whether any rows came back, not how many.</summary>
    private static bool IsEmptinessCheck(IOperation size)
    {
        while (size.Parent is IConversionOperation or IParenthesizedOperation)
        {
            size = size.Parent;
        }

        return size.Parent is IBinaryOperation comparison
            && (comparison.LeftOperand == size ? comparison.RightOperand : comparison.LeftOperand).ConstantValue.Value is 0;
    }

    /// <summary>The delegate type a lambda answering a <c>bool</c> is converted to, for <see cref="IsPredicate"/>.</summary>
    private static ITypeSymbol PredicateOf(IAnonymousFunctionOperation lambda)
    {
        for (var current = lambda.Parent; current is IDelegateCreationOperation or IConversionOperation; current = current.Parent)
        {
            if (current.Type is { } type)
            {
                return type;
            }
        }

        return lambda.Symbol.ReturnType;
    }

    /// <summary>
    /// <c>var list = await repo.GetListAsync(..); if (list.Count &gt;= 3)</c>: rows held in a local whose size is compared
    /// or returned (its callers may compare it); <c>list.Count == 0</c> only asks whether any came back.
    /// </summary>
    private static bool IsCountedLater(IInvocationOperation call) =>
        UsesOfLocalHolding(Consumed(call)) is { } uses
        && uses.Any(reference => reference.Parent is IPropertyReferenceOperation { Property.Name: "Count" or "Length" } or IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Count" or "Any" } }
            && (reference.Parent is IArgumentOperation || IsReturned(reference.Parent!) || (IsCompared(reference.Parent!) && !IsEmptinessCheck(reference.Parent!))));

    /// <summary>
    /// <c>return packages.Where(p =&gt; p.IsActive).Select(MapToDto);</c>, <c>var rows = classes.Where(c =&gt; c.StartTime &gt;
    /// now).Select(c =&gt; new ClassDto(..)).ToList(); return rows;</c>: a filter whose rows are projected into another type
    /// and handed back picks what a page lists; nothing is allowed or refused there. A filter handed back unprojected
    /// (<c>return orders.Where(o =&gt; o.DaysSincePurchase &gt; 30)</c>) may be a policy's selection that callers act on, and
    /// a query that answers (<c>Any</c>, <c>Count</c>, <c>First</c>) decides: both stay reported.
    /// </summary>
    private static bool IsListedForDisplay(IOperation operation)
    {
        if (LambdaArgument(operation) is not { Parent: IInvocationOperation { TargetMethod.Name: "Where" } call }
            || !ValueTracer.IsLinqOperators(call.TargetMethod.ContainingType)
            || ElementOf(call.Type) is not { } element)
        {
            return false;
        }

        var projected = false;
        var end = call;
        for (var step = ConsumerOf(call); step is not null; step = ConsumerOf(step))
        {
            end = step;
            if (step.TargetMethod.Name is "Select" && ElementOf(step.Type) is { } row && !SymbolEqualityComparer.Default.Equals(row, element))
            {
                projected = true;
            }
        }

        if (!projected || OperatorName(end) is not ("Select" or "ToList" or "ToArray" or "AsEnumerable" or "OrderBy" or "OrderByDescending" or "ThenBy" or "ThenByDescending" or "Skip" or "Take" or "Distinct"))
        {
            return false;
        }

        var listed = Consumed(end);
        return IsReturned(listed) || UsesOfLocalHolding(listed) is { Count: > 0 } uses && uses.All(use => IsReturned(Consumed(use)));
    }

    /// <summary>A query operator's name without its <c>Async</c> ending: <c>ToListAsync</c> is <c>ToList</c>.</summary>
    private static string OperatorName(IInvocationOperation call)
    {
        var name = call.TargetMethod.Name;
        return name.EndsWith("Async", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Async".Length) : name;
    }

    /// <summary>The <c>T</c> of a sequence type (<c>IEnumerable&lt;T&gt;</c>, <c>IQueryable&lt;T&gt;</c>, <c>List&lt;T&gt;</c>).</summary>
    private static ITypeSymbol? ElementOf(ITypeSymbol? sequence) =>
        sequence is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named ? named.TypeArguments[0] : null;

    /// <summary>
    /// <c>return await _context.Leases.Where(l =&gt; l.StartDate &lt;= today &amp;&amp; l.EndDate &gt;= today).OrderBy(..).ToListAsync();</c>:
    /// a window against an unmoved point (today, the clock) in a listing filter (see <see cref="IsListingFilter"/>) whose
    /// rows the method returns shows the current rows to its caller. A bound moved by a span (<c>now.AddDays(7)</c>: the
    /// passwords expiring within a week) measures the policy's span, and a batch that goes on to process the rows it picked (<c>foreach (var l in expired) l.Close()</c>)
    /// decides their fate, and stays reported.
    /// </summary>
    private static bool IsReturnedListing(IOperation operation) =>
        operation is IBinaryOperation window && IsUnmovedPoint(window.LeftOperand) && IsUnmovedPoint(window.RightOperand)
        && IsListingFilter(operation)
        && LambdaArgument(operation) is { Parent: IInvocationOperation call }
        && IsReturned(Consumed(QueryEnd(call)));

    /// <summary>
    /// <c>protected override IQueryable&lt;Property&gt; AddFilter(IQueryable&lt;Property&gt; query, PropertySearch search)
    /// { if (..) query = query.Where(p =&gt; !p.IsUnderMaintenance &amp;&amp; p.UnavailableFrom &gt; now); .. return query; }</c>: a method
    /// that narrows a query step by step, as its criteria ask (<c>if (search.AvailableOnly) query = query.Where(..)</c>),
    /// and hands it back composes what a search or a page lists; whatever it
    /// compares, nothing is allowed or refused there. A filter it always applies (<c>return orders.Where(o =&gt;
    /// o.DaysSincePurchase &gt; 30)</c>) may be the policy's threshold copied, and its callers' answers (<c>AnyAsync</c>,
    /// <c>CountAsync</c> compared with a limit) are their own checks: both stay reported.
    /// </summary>
    private static bool IsComposedSearchFilter(IOperation operation, ISymbol containing)
    {
        if (containing is not IMethodSymbol method || !IsQueryType(ValueTracer.TaskResultType(method.ReturnType) ?? method.ReturnType))
        {
            return false;
        }

        var lambda = OutermostLambda(operation);

        if (lambda is null
            || ValueTracer.ArgumentOf(lambda) is not { Parent: IInvocationOperation { TargetMethod.Name: "Where" } call } predicate
            || !SearchCriterion.IsExpressionTree(predicate))
        {
            return false;
        }

        var source = LocalOrParameter(call.Instance ?? call.Arguments[0].Value);
        return Consumed(QueryEnd(call)).Parent is ISimpleAssignmentOperation { Target: var target } narrowing
            && LocalOrParameter(target) is { } composed
            && SymbolEqualityComparer.Default.Equals(composed, source)
            && IsUnderACriterion(narrowing);
    }

    private static bool IsUnderACriterion(IOperation statement)
    {
        for (var current = statement.Parent; current is not null; current = current.Parent)
        {
            if (current is IConditionalOperation or ISwitchCaseOperation)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsQueryType(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "IQueryable" or "IOrderedQueryable", TypeArguments.Length: 1 };

    /// <summary>
    /// <c>s_dal.Delivery.ReadAll(d =&gt; d.CourierId == courierId &amp;&amp; d.DeliveryEndTime == null)</c>: a predicate handed to the
    /// project's own data-access method (not a LINQ operator or a framework collection's) selects stored rows as a query does.
    /// </summary>
    private static bool IsDataAccessPredicate(IInvocationOperation call) =>
        !ValueTracer.IsLinqOperators(call.TargetMethod.ContainingType)
        && !ValueTracer.IsFramework(call.TargetMethod.ContainingType)
        && !call.TargetMethod.IsExtensionMethod;

    /// <summary>
    /// <c>_userManager.Users.FirstOrDefaultAsync(u =&gt; u.Email == email &amp;&amp; !u.IsDeleted)</c>, <c>_bids.GetListAsync(predicate:
    /// x =&gt; x.LotId == lot.Id &amp;&amp; !x.BidRemoved, ..)</c>: a state, flag or presence beside a key matched to a value in a
    /// database query's predicate scopes a lookup (or a listing) by that key; what is decided, if anything, is decided on
    /// what it finds. A query that answers (<c>Any</c>, <c>All</c>, <c>Count</c>, <c>Exists</c>, <c>Contains</c>, <c>Sum</c>,
    /// ..) stays reported, and so does one whose found row is only tested for presence
    /// (<c>var open = await loans.FirstOrDefault(l =&gt; l.BookId == book.Id &amp;&amp; l.Status == Borrowed); if (open != null) return false;</c>),
    /// which asks whether any matches, as <c>Any</c> would.
    /// </summary>
    private static bool IsKeyedLookupScope(IOperation operation)
    {
        if (NearestLambda(operation) is not { Symbol.Parameters.Length: 1 } lambda
            || ValueTracer.ArgumentOf(lambda) is not { Parent: IInvocationOperation call } predicate
            || !(SearchCriterion.IsExpressionTree(predicate) || IsDataAccessPredicate(call)))
        {
            return false;
        }

        // `AnyAsync`, `CountAsync`, `ExistsAsync`, `ReadAll(..).Any()`: a query that answers (a flag, a number) decides on
        // its answer; `ReadAll`, `GetListAsync`, `FirstOrDefaultAsync` hand back rows.
        var end = QueryEnd(call);
        if (IsOnlyTestedForPresence(Consumed(end)))
        {
            return false;
        }

        var answer = ValueTracer.WithoutNullable(ValueTracer.TaskResultType(end.Type) ?? end.Type);
        if (answer is null || answer.SpecialType == SpecialType.System_Boolean || IsNumberType(answer))
        {
            return false;
        }

        var item = lambda.Symbol.Parameters[0];
        bool OnItem(IOperation? side) => SymbolEqualityComparer.Default.Equals(ValueTracer.RootSymbol(side), item);
        return lambda.Body.Descendants().OfType<IBinaryOperation>().Any(match =>
            match.OperatorKind == BinaryOperatorKind.Equals
            && OnItem(match.LeftOperand) != OnItem(match.RightOperand)
            && ValueTracer.Strip(OnItem(match.LeftOperand) ? match.RightOperand : match.LeftOperand) is { ConstantValue.HasValue: false } key
            && Comparison.ValueKey(key) is null
            && ValueTracer.Strip(OnItem(match.LeftOperand) ? match.LeftOperand : match.RightOperand) is IMemberReferenceOperation keyMember
            && !(IsRowsOwnId(keyMember.Member) && IsRefusedWhenMissing(Consumed(end))));
    }

    /// <summary>
    /// <c>var slot = await slots.FirstOrDefaultAsync(s =&gt; s.Id == id &amp;&amp; s.Status == Available); if (slot == null) throw ..</c>:
    /// the row, looked up by its own id only in the state the action needs, is refused when missing: the state is the
    /// action's condition ("not found or not available"), not a scope of the lookup.
    /// </summary>
    private static bool IsRefusedWhenMissing(IOperation found) =>
        UsesOfLocalHolding(found) is { Count: > 0 } uses
        && uses.Any(use =>
        {
            var test = use.Parent is IConversionOperation conversion ? conversion.Parent : use.Parent;
            if (!(test is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equality && (IsNoValue(equality.LeftOperand) || IsNoValue(equality.RightOperand))
                || test is IIsPatternOperation { Pattern: IConstantPatternOperation { Value: var constant } } && IsNoValue(constant)))
            {
                return false;
            }

            var condition = test!;
            while (condition.Parent is IParenthesizedOperation or IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr })
            {
                condition = condition.Parent;
            }

            return condition.Parent is IConditionalOperation { WhenTrue: var refused } branch && branch.Condition == condition && ExitsEarly(refused);
        });

    /// <summary><c>Id</c>, or <c>SlotId</c> on a <c>Slot</c>: the member that names the row itself.</summary>
    private static bool IsRowsOwnId(ISymbol member) =>
        member.Name == "Id" || member.Name == member.ContainingType?.Name + "Id";

    /// <summary>
    /// <c>Stats.Published = await posts.CountAsync(p =&gt; p.PostStatus == Published)</c>, or the same predicate in a
    /// <c>Where</c> ending in <c>Count()</c>: a count stored or passed on uncompared (a dashboard's figure, a page count)
    /// counts cases, it decides none; so does a sum (<c>ItemsTotal = o.Items.Where(i =&gt; i.Status != Voided).Sum(..)</c>,
    /// an order's total without its voided items). A count compared with a limit, directly or through a local (<c>if (open &gt;= 3)</c>),
    /// or returned to callers that may compare it, is a check.
    /// </summary>
    private static bool IsTalliedOnly(IOperation operation)
    {
        if (LambdaArgument(operation) is not { Parent: IInvocationOperation call })
        {
            return false;
        }

        var end = QueryEnd(call);
        if (!IsTally(end.TargetMethod.Name))
        {
            return false;
        }

        var result = Consumed(end);
        if (IsCompared(result) || IsReturned(result))
        {
            // A count a method returns may be compared by its callers (`Late(orders) > 3`).
            return false;
        }

        return UsesOfLocalHolding(result) is not { } uses || !uses.Any(reference => IsCompared(Consumed(reference)));
    }

    /// <summary>
    /// The comparison a count is decided by when the count is first kept in a local (<c>var open = items.Count(i =&gt;
    /// i.IsActive); .. if (open &gt;= Max) throw ..</c>); null when the count is compared where it is taken, or not at all.
    /// A sum's comparison (<c>total &gt; limit</c>) is another rule's: the test inside it stays where it is.
    /// </summary>
    private static IOperation? TalliedThenCompared(IOperation operation)
    {
        if (LambdaArgument(operation) is not { Parent: IInvocationOperation call })
        {
            return null;
        }

        var end = QueryEnd(call);
        if (end.TargetMethod.Name is not ("Count" or "LongCount" or "CountAsync" or "LongCountAsync") || UsesOfLocalHolding(Consumed(end)) is not { } uses)
        {
            return null;
        }

        foreach (var use in uses)
        {
            var value = OutermostArithmetic(Consumed(use));
            if (IsCompared(value) && value.Parent is IBinaryOperation comparison)
            {
                return comparison;
            }
        }

        return null;
    }

    /// <summary>
    /// The references to the local that <paramref name="value"/> initialises (<c>var found = ..;</c>), in the method
    /// around it; null when <paramref name="value"/> initialises no local.
    /// </summary>
    private static IReadOnlyList<ILocalReferenceOperation>? UsesOfLocalHolding(IOperation value) =>
        value.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: { } local } }
            ? ValueTracer.Root(value).Descendants().OfType<ILocalReferenceOperation>()
                .Where(reference => SymbolEqualityComparer.Default.Equals(reference.Local, local)).ToList()
            : null;

    private static bool IsReturned(IOperation value)
    {
        while (value.Parent is ISwitchExpressionArmOperation or ISwitchExpressionOperation or IConditionalOperation or IConversionOperation)
        {
            value = value.Parent;
        }

        return value.Parent is IReturnOperation;
    }

    /// <summary>The arithmetic (and conversions) <paramref name="value"/> is part of: <c>open + 1</c> in <c>open + 1 &gt; max</c>.</summary>
    private static IOperation OutermostArithmetic(IOperation value)
    {
        while (value.Parent is IBinaryOperation arithmetic && ValueTracer.IsArithmetic(arithmetic.OperatorKind)
            || value.Parent is IConversionOperation or IParenthesizedOperation)
        {
            value = value.Parent;
        }

        return value;
    }

    /// <summary>Compared with something, also after arithmetic (<c>open + 1 &gt; max</c>); not a page count (<c>total / 10</c>).</summary>
    private static bool IsCompared(IOperation value)
    {
        value = OutermostArithmetic(value);
        return value.Parent is IIsPatternOperation or IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals
            or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual };
    }

    /// <summary><paramref name="operation"/> itself when it is a lambda, else the nearest lambda around it; null outside any.</summary>
    private static IAnonymousFunctionOperation? NearestLambda(IOperation operation) =>
        operation as IAnonymousFunctionOperation ?? Governance.ScopeFlags.EnclosingLambda(operation);

    /// <summary>The lambda outside every other that holds <paramref name="operation"/> (the <c>Where</c>'s, not an <c>Any</c>'s inside it).</summary>
    private static IAnonymousFunctionOperation? OutermostLambda(IOperation operation)
    {
        var lambda = NearestLambda(operation);
        while (lambda is not null && Governance.ScopeFlags.EnclosingLambda(lambda) is { } outer)
        {
            lambda = outer;
        }

        return lambda;
    }

    /// <summary>The argument the nearest lambda (see <see cref="NearestLambda"/>) is passed as; null when it is not one.</summary>
    private static IArgumentOperation? LambdaArgument(IOperation operation) =>
        NearestLambda(operation) is { } lambda ? ValueTracer.ArgumentOf(lambda) : null;

    /// <summary>The call that ends a query, followed along its operators (<c>Where(..).AsNoTracking().CountAsync()</c>), before <c>ConfigureAwait</c>.</summary>
    private static IInvocationOperation QueryEnd(IInvocationOperation call)
    {
        var end = call;
        while (ConsumerOf(end) is { TargetMethod.Name: not "ConfigureAwait" } next)
        {
            end = next;
        }

        return end;
    }

    /// <summary>The call that takes <paramref name="call"/>'s result as its source (<c>this</c> argument or instance).</summary>
    private static IInvocationOperation? ConsumerOf(IInvocationOperation call)
    {
        IOperation current = call;
        while (current.Parent is IConversionOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        return current.Parent switch
        {
            IArgumentOperation { Parent: IInvocationOperation next } argument when next.TargetMethod.IsExtensionMethod && next.Arguments.Length > 0 && next.Arguments[0] == argument => next,
            IInvocationOperation next when next.Instance == current => next,
            _ => null,
        };
    }

    /// <summary>The value as it is used: through conversions, parentheses, <c>await</c> and <c>ConfigureAwait</c>.</summary>
    private static IOperation Consumed(IOperation value)
    {
        while (value.Parent is IConversionOperation or IParenthesizedOperation or IAwaitOperation
            || (value.Parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configure && configure.Instance == value))
        {
            value = value.Parent;
        }

        return value;
    }

    private static bool IsLinqArgument(IAnonymousFunctionOperation lambda)
    {
        // LINQ, and the framework's other predicate-taking methods: `List<T>.RemoveAll`, `Exists`, `Array.FindIndex`,
        // EF Core's `AnyAsync` and `FirstOrDefaultAsync`.
        return ValueTracer.ArgumentOf(lambda) is { Parent: IInvocationOperation invocation, Parameter: { } parameter }
            && (ValueTracer.IsLinqOperators(invocation.TargetMethod.ContainingType)
                || PolicyAuditTypes.IsFramework(invocation.TargetMethod))
            && IsPredicate(parameter.OriginalDefinition.Type);
    }

    /// <summary>
    /// <c>Func&lt;T, bool&gt;</c> or its expression tree, as the operator declares it: <c>Where</c>'s and <c>Any</c>'s
    /// lambdas decide, while <c>ToDictionary(l =&gt; l.Id, l =&gt; l.AllowScrobbling)</c>'s only copies a flag.
    /// </summary>
    private static bool IsPredicate(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { Name: "Expression", TypeArguments.Length: 1 } expression)
        {
            type = expression.TypeArguments[0];
        }

        return type is INamedTypeSymbol { Name: "Predicate" }
            || (type is INamedTypeSymbol { Name: "Func" } function
                && function.TypeArguments.Length > 0
                && function.TypeArguments[function.TypeArguments.Length - 1].SpecialType == SpecialType.System_Boolean);
    }

    private void Report(OperationAnalysisContext context, SyntaxNode flagged, string text, MemberRead read, string op, string? value, bool fixable) =>
        Report(context, flagged.GetLocation(), text, read, op, value, fixable);

    private void Report(OperationAnalysisContext context, Location location, string text, MemberRead read, string op, string? value, bool fixable)
    {
        if (OnlyLogs(context.Operation) || IsInsideLogging(context.Operation) || IsNoOpBeforeSetting(context.Operation, read, value) || VersionComparison.IsNoOpBeforeWritingState(context.Operation, read)
            || IsAlreadyDoneTest(context, read)
            || IsOperatorBody(context.ContainingSymbol)
            || IsInDescribingMethod(context)
            || _carried.Value.IsTwinReadInItsCopy(read.Member, context.ContainingSymbol)
            || (op is "==" or "!=" && _carried.Value.IsRequestTwin(read.Member))
            || IsAnsweredAlikeEitherWay(context.Operation, value)
            || IsSwitchedWhenNeeded(context.Operation, read, value)
            || IsRequestApplied(context.Operation, read)
            || IsCopiedWhenDifferent(context.Operation)
            || IsBookkeepingAfterItsGuard(context.Operation, read, op, value)
            || RefusesWhatThePolicyAllows(context, read, op, value)
            || ReleasesAFlagItTests(context.Operation)
            || OnlyUpdatesWhatItLoads(context.Operation)
            || IsFormattedIntoText(context.Operation) || IsValueChoice(context.Operation) || IsInDisplayNamesArm(context.Operation)
            || IsGuardOfItsOwnRead(context.Operation, read, value) || IsTalliedOnly(context.Operation) || IsSortKey(context.Operation) || IsProjectedForDisplay(context.Operation) || IsMappingConfiguration(context.Operation)
            || IsSpecificationCriteria(context.Operation, context.ContainingSymbol)
            || (op is "==" or "!=" && (IsListingFilter(context.Operation) || IsHandWrittenFilter(context.Operation) || IsListingPredicate(context.Operation, value) || IsKeyedLookupScope(context.Operation)))
            || (op is "<" or "<=" or ">" or ">=" && IsReturnedListing(context.Operation))
            || IsListedForDisplay(context.Operation)
            || IsComposedSearchFilter(context.Operation, context.ContainingSymbol)
            || DefinesGovernedValue(context.ContainingSymbol)
            || (IsReadSide(context.ContainingSymbol) && !_catalog.Value.ComparesWith(GovernedMember(read.Member), Comparison.OwnerKey) && GuardThrowsWhen(context.Operation) is null))
        {
            return;
        }

        var origin = GovernedMember(read.Member);
        var governors = _catalog.Value.GetGovernors(origin);
        if (SymbolEqualityComparer.Default.Equals(origin, read.Member))
        {
            // `c.Enable` on a download client, where the policy reads `Enable` on indexers: the shared base class's
            // member is another fact's switch here; `part.TaxRate.Value`, where it reads `MaximumOrderQuantity.Value`,
            // another value held in the same field type.
            var onFact = GovernanceCatalog.OnPath(_catalog.Value.OnFact(governors, read.Instance?.Type), read.Instance);
            if (onFact.IsEmpty && !governors.IsEmpty)
            {
                return;
            }

            governors = onFact;
        }

        if (governors.Any(g => g.CountsItems) && !IsInCount(context.Operation))
        {
            // `l.Status == Active` listing loans, where a policy tests it only to choose the loans it counts.
            governors = governors.Where(g => !g.CountsItems).ToImmutableArray();
            if (governors.IsEmpty)
            {
                return;
            }
        }

        HashSet<string>? termsRead = null;
        var accompanied = governors.Where(g => !LacksCompany(g, read.Key, () => termsRead ??= TermsRead(context.Operation))).ToImmutableArray();
        if ((accompanied.IsEmpty && !governors.IsEmpty) || !GovernanceCatalog.MayTestCall(accompanied, read.Key)
            || (accompanied.Length < governors.Length && IsEnumState(read) && !GovernanceCatalog.MayTestState(accompanied, value)))
        {
            // What is left may name other states only: `r.Protocol == Usenet` for a client's name, where only the
            // Usenet policy that needs the release's age named that state.
            return;
        }

        if (!MakesAPolicyTest(accompanied, op, value, read.Key) && ReportedComparisons(context) == "matching")
        {
            return;
        }

        var policies = MatchingPolicies(accompanied, op, value, read.Key);

        if (TalliedThenCompared(context.Operation) is { } compared)
        {
            // `var open = enrollments.Count(e => e.IsActive); if (open >= Max) throw ..`: the decision is the comparison.
            location = compared.Syntax.GetLocation();
            text = compared.Syntax.ToString();
            fixable = false;
        }

        // A carried copy is not what the engine would be asked about: rewriting it to Evaluate(fact) could ask about the wrong fact.
        fixable &= SymbolEqualityComparer.Default.Equals(origin, read.Member);
        var properties = ImmutableDictionary<string, string?>.Empty.Add(HardCodedPolicyCheckAnalyzer.PolicyIdProperty, policies[0]);
        var additional = new List<Location>();
        if (fixable && location.SourceTree is not null)
        {
            properties = properties.Add(HardCodedPolicyCheckAnalyzer.FixKindProperty, HardCodedPolicyCheckAnalyzer.ConditionFix);
            if (read.Instance is null or IInstanceReferenceOperation || read.Instance.Syntax is null)
            {
                properties = properties.Add(HardCodedPolicyCheckAnalyzer.FactsIsThisProperty, "true");
            }
            else
            {
                additional.Add(read.Instance.Syntax.GetLocation());
            }
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.HardCodedPolicyCheck,
            location,
            additional,
            properties,
            Whitespace.Replace(text, " "),
            DescribePolicies(policies)));
    }

    /// <summary>
    /// <c>if (!allowed) { _logger.LogError("..."); }</c>: a condition whose branch only writes to a log, or does nothing,
    /// with no <c>else</c>, decides nothing; the decision is made where the value is used.
    /// </summary>
    private static bool OnlyLogs(IOperation check)
    {
        if (DecidedChoice(check) is not { WhenFalse: null, Type: null } conditional)
        {
            return false;
        }

        // An empty branch (`if (!buyingNetwork && !buyingSingleVisit) { }`) decides nothing either.
        var statements = Statements(conditional.WhenTrue).RemoveAll(statement => statement is IEmptyOperation);
        return statements.All(IsLogStatement);
    }

    /// <summary>
    /// The <c>if</c> or <c>?:</c> a check decides: the check itself (a condition is reported from its <c>if</c>), or the
    /// one whose condition the check is part of; null for a check in a branch, a statement or a lambda.
    /// </summary>
    private static IConditionalOperation? DecidedChoice(IOperation check)
    {
        if (check is IConditionalOperation itself)
        {
            return itself;
        }

        var current = check;
        while (current.Parent is { } parent and not IConditionalOperation and not IBlockOperation and not IAnonymousFunctionOperation)
        {
            current = parent;
        }

        return current.Parent is IConditionalOperation above && above.Condition == current ? above : null;
    }

    /// <summary>The statements of a branch: a block's, or the branch itself.</summary>
    private static ImmutableArray<IOperation> Statements(IOperation branch) =>
        branch is IBlockOperation block ? block.Operations : ImmutableArray.Create(branch);

    /// <summary><c>_logger.LogWarning("{Count} over the limit", items.Count(i =&gt; i.Quota &gt; max))</c>: a value computed for a log message decides nothing.</summary>
    private static bool IsInsideLogging(IOperation check)
    {
        for (var current = check.Parent; current is not null and not IBlockOperation and not IAnonymousFunctionOperation; current = current.Parent)
        {
            if (current is IArgumentOperation { Parent: IInvocationOperation call } && IsLogging(call.TargetMethod))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A statement that only writes to a log (<c>_logger.LogInformation(..);</c>, <c>serviceLog?.Warning(..);</c>).</summary>
    internal static bool IsLogStatement(IOperation statement) =>
        statement is IExpressionStatementOperation { Operation: var call } && LoggingCall(call) is not null;

    /// <summary>The logging call a statement makes, directly or through <c>?.</c> (<c>serviceLog?.Warning(..)</c>); null for any other.</summary>
    private static IInvocationOperation? LoggingCall(IOperation statement) => statement switch
    {
        IInvocationOperation call when IsLogging(call.TargetMethod) => call,
        IConditionalAccessOperation access => LoggingCall(access.WhenNotNull),
        _ => null,
    };

    /// <summary>
    /// A logging call: Microsoft.Extensions.Logging's, Serilog's, NLog's or log4net's, a method taking an
    /// <c>ILogger</c> (generated <c>LoggerMessage</c> methods), or a level method of the project's own logger
    /// (<c>ILog.Warning</c>, <c>ILogService.Verbose</c>: a type whose name ends in Log, Logger or LogService).
    /// </summary>
    private static bool IsLogging(IMethodSymbol method) =>
        PolicyAuditTypes.RootNamespaceOf(method) is "Serilog" or "NLog" or "log4net"
        || (method.ContainingNamespace?.ToDisplayString() ?? string.Empty).StartsWith("Microsoft.Extensions.Logging", StringComparison.Ordinal)
        || method.Parameters.Any(p => p.Type.Name == "ILogger")
        || (method.ReceiverType?.AllInterfaces.Any(i => i.Name == "ILogger") ?? false) || method.ReceiverType?.Name == "ILogger"
        || (LogLevelNames.Contains(method.Name) && IsLoggerTypeName(method.ContainingType?.Name));

    private static bool IsLoggerTypeName(string? name) =>
        name is not null && (name.EndsWith("Log", StringComparison.Ordinal) || name.EndsWith("Logger", StringComparison.Ordinal) || name.EndsWith("LogService", StringComparison.Ordinal));

    /// <summary>
    /// True when every test <paramref name="governor"/> makes of this member (or this call's arguments) is conjoined
    /// with companions (<see cref="FlagCompanions"/>: a flag's other grants, a state's rule) and the method that makes
    /// the check reads none of them: the policy's exemption or scope, read here for another decision.
    /// </summary>
    private static bool LacksCompany(Governor governor, string? key, Func<HashSet<string>> termsRead)
    {
        var tests = governor.Tests.Where(t => t.Key == key).ToList();
        if (tests.Count == 0 || tests.Any(t => t.With.Count == 0))
        {
            return false;
        }

        var read = termsRead();
        return !tests.Any(t => t.With.Any(read.Contains));
    }

    /// <summary>The terms (<see cref="FlagCompanions.TermNameOf"/>) the method that makes <paramref name="check"/> reads.</summary>
    private static HashSet<string> TermsRead(IOperation check)
    {
        var read = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in ValueTracer.Root(check).DescendantsAndSelf())
        {
            if (FlagCompanions.TermNameOf(operation) is { } name)
            {
                read.Add(name);
            }
        }

        return read;
    }

    /// <summary>The governed member itself, or the one whose value a carrier (a view model's copy, a rule object's field) holds.</summary>
    private ISymbol GovernedMember(ISymbol member) =>
        _catalog.Value.IsGoverned(member) ? member : _carried.Value.OriginOf(member) ?? member;

    /// <summary>
    /// The policies whose conditions make the same test: the same constant first, else the same operator (or its
    /// complement, which is how code often states the policy), else every policy governing the member.
    /// </summary>
    private static List<string> MatchingPolicies(ImmutableArray<Governor> governors, string op, string? value, string? key)
    {
        if (key is not null && governors.Where(g => g.Tests.Any(t => t.Key == key)).ToImmutableArray() is { IsEmpty: false } byArguments)
        {
            // `HasPermission(PermissionKind.IsDisabled)` names the policies that ask about that permission.
            governors = byArguments;
        }
        else if (key is null && governors.Any(g => g.Tests.Any(t => t.Key is not null)))
        {
            // `HasPermission(asked)` may ask any of them.
            return governors.Select(g => g.PolicyId).ToList();
        }

        Func<ConditionTest, bool> sameOperator = t => IsSameOperator(t, op);
        Func<ConditionTest, bool> sameValue = t => IsSameValue(t, value);

        // The same test (threshold and operator, or its complement) names one policy; failing that, every policy that
        // shares the threshold or the operator, since `balance - amount < 0` shares 0 with a `!= 0` policy but means
        // the `<` one; failing that, all of them.
        var exact = governors.Where(g => g.Tests.Any(t => sameValue(t) && sameOperator(t))).Select(g => g.PolicyId).ToList();
        if (exact.Count > 0)
        {
            return exact;
        }

        var partial = governors.Where(g => g.Tests.Any(t => sameValue(t) || sameOperator(t))).Select(g => g.PolicyId).ToList();
        return partial.Count > 0 ? partial : governors.Select(g => g.PolicyId).ToList();
    }

    private static string DescribePolicies(List<string> policies) =>
        policies.Count == 1
            ? "policy '" + policies[0] + "'"
            : "policies " + string.Join(", ", policies.Take(policies.Count - 1).Select(p => "'" + p + "'")) + " and '" + policies[policies.Count - 1] + "'";
}
