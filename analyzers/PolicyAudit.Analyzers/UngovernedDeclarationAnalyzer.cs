using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PolicyAudit.Analyzers.Governance;

namespace PolicyAudit.Analyzers;

/// <summary>
/// PA0006: a policy condition tests a member declared in another project of the solution (the Domain project below
/// the Policies project) that carries no <c>[GovernedBy]</c> naming the policy. The generator's
/// <c>[assembly: GovernedMember]</c> reaches only projects that reference the Policies project, so checks in the
/// declaring project — where most real checks live — stay invisible until the member is marked where it is declared.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UngovernedDeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property holding the id of the policy whose condition tests the member.</summary>
    public const string PolicyIdProperty = "PolicyId";

    /// <summary>Diagnostic property holding the member's documentation-comment id.</summary>
    public const string MemberIdProperty = "MemberId";

    /// <summary>Diagnostic property holding the condition's test of the member (<c>==0</c>), for the fix to record.</summary>
    public const string ConditionsProperty = "Conditions";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UngovernedDeclaration);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var types = PolicyAuditTypes.Create(start.Compilation);
            if (types.Policy is null || types.PolicyAttribute is null)
            {
                return;
            }

            start.RegisterOperationAction(c => Analyze(c, types), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, PolicyAuditTypes types)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!IsConditionMethod(invocation.TargetMethod)
            || context.ContainingSymbol.ContainingType is not { } policyType
            || !types.IsPolicy(policyType)
            || PolicyId(policyType, types.PolicyAttribute!) is not { } policyId)
        {
            return;
        }

        var countsItems = invocation.Syntax is InvocationExpressionSyntax call && PolicyConditionScanner.IsCountedQueryMatch(call);

        // One condition lambda at a time, as the generator reads them, so that both find the same scope flags.
        foreach (var condition in invocation.Arguments.SelectMany(argument => ScopeFlags.Lambdas(argument.Value)))
        {
            // A flag that only scopes a comparison is not governed by the generator either, so it is not asked for.
            var qualifiers = ScopeFlags.Of(condition);
            var tested = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            PolicyConditionScanner.ForEachTest(condition, (read, test, at) =>
            {
                var member = read.Member.OriginalDefinition;
                tested.Add(member);
                if (NearestConditionCall(at) == invocation && !qualifiers.Contains(member))
                {
                    var conditions = HolderPaths.With(FactTypes.With(test.ToString(), FactTypes.Narrowing(member, read.Instance?.Type)), HolderPaths.Narrowing(member, read.Instance));
                    AskToMark(context, policyId, member, countsItems ? ConditionTest.WithItem(conditions, PolicyConditionScanner.CountedItemsPrefix, PolicyConditionScanner.CountedItems.Value) : conditions, at.Syntax);
                }
            });

            // A member the condition reads without a test the scanner knows (an argument: `Contains(d.CouponCode)`) is
            // carried by the generator too, so the declaring project is asked to mark it, without conditions.
            if (condition.Syntax is LambdaExpressionSyntax lambda && condition.SemanticModel is { } model)
            {
                var asked = new HashSet<ISymbol>(tested, SymbolEqualityComparer.Default);
                foreach (var (symbol, name) in PolicyConditionScanner.ReadMembers(lambda, condition, qualifiers, model, context.CancellationToken))
                {
                    if (model.GetOperation(PolicyConditionScanner.AccessOf(name), context.CancellationToken) is { } read
                        && NearestConditionCall(read) == invocation
                        && asked.Add(symbol))
                    {
                        AskToMark(context, policyId, symbol, HolderPaths.With(FactTypes.With(string.Empty, FactTypes.Narrowing(symbol, PolicyConditionScanner.ReceiverType(name, model, context.CancellationToken))), HolderPaths.Narrowing(symbol, (read as IMemberReferenceOperation)?.Instance)), name);
                    }
                }
            }
        }
    }

    private static void AskToMark(OperationAnalysisContext context, string policyId, ISymbol member, string conditions, SyntaxNode at)
    {
        if (SymbolEqualityComparer.Default.Equals(member.ContainingAssembly, context.Compilation.Assembly)
            || PolicyAuditTypes.IsFramework(member)
            || !IsSolutionAssembly(context.Compilation, member.ContainingAssembly)
            || IsMarked(member, policyId)
            || member.GetDocumentationCommentId() is not { } memberId)
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(PolicyIdProperty, policyId)
            .Add(MemberIdProperty, memberId)
            .Add(ConditionsProperty, conditions);
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.UngovernedDeclaration,
            at.GetLocation(),
            properties,
            policyId,
            member.ContainingType.Name + "." + member.Name,
            member.ContainingAssembly.Name));
    }

    /// <summary>NRules' condition methods (and the Query's <c>Where</c>), as the generator scans them.</summary>
    private static bool IsConditionMethod(IMethodSymbol method)
    {
        return PolicyConditionScanner.ConditionMethods.Contains(method.Name)
            && PolicyAuditTypes.RootNamespaceOf(method) is "NRules" or PolicyAuditTypes.RootNamespace;
    }

    /// <summary>The innermost condition call a test sits in, so that nested calls (a Query's Where) report it once.</summary>
    private static IOperation? NearestConditionCall(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IInvocationOperation call && IsConditionMethod(call.TargetMethod))
            {
                return call;
            }
        }

        return null;
    }

    private static string? PolicyId(INamedTypeSymbol policyType, INamedTypeSymbol policyAttribute) =>
        policyType.GetAttributes()
            .Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, policyAttribute) && a.ConstructorArguments.Length > 0)
            .Select(a => a.ConstructorArguments[0].Value as string)
            .FirstOrDefault(id => id is not null);

    /// <summary>By name: the declaring project may see PolicyAudit through a different reference than this one.</summary>
    private static bool IsMarked(ISymbol member, string policyId) =>
        member.GetAttributes().Any(a =>
            a.AttributeClass?.ToDisplayString() == PolicyAuditTypes.GovernedByAttributeMetadataName
            && a.ConstructorArguments.Length == 1
            && a.ConstructorArguments[0].Value as string == policyId);

    /// <summary>
    /// True for an assembly built from the same solution: a project reference (a compilation in the IDE, a file under
    /// the other project's folder on the command line), not a NuGet package or the framework, whose sources the user
    /// cannot mark.
    /// </summary>
    internal static bool IsSolutionAssembly(Compilation compilation, IAssemblySymbol assembly)
    {
        switch (compilation.GetMetadataReference(assembly))
        {
            case CompilationReference:
                return true;
            case PortableExecutableReference { FilePath: { } path }:
                var normalized = path.Replace('\\', '/');
                return normalized.IndexOf("/.nuget/packages/", StringComparison.OrdinalIgnoreCase) < 0
                    && normalized.IndexOf("/NuGetFallbackFolder/", StringComparison.OrdinalIgnoreCase) < 0
                    && normalized.IndexOf("/packs/", StringComparison.OrdinalIgnoreCase) < 0
                    && normalized.IndexOf("/dotnet/shared/", StringComparison.OrdinalIgnoreCase) < 0;
            case PortableExecutableReference:
                // Built in memory, as a test or a host does with a sibling compilation.
                return true;
            default:
                return false;
        }
    }
}
