using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace PolicyAudit.Analyzers.CodeFixes;

/// <summary>
/// PA0001: where an <c>IPolicyEngine</c> is in scope, replaces the hard-coded condition with a question to the
/// engine about the same facts. Which way round the old condition ran (true when the policy restricts, or true when
/// it allows) cannot be known from the comparison alone, so both rewrites are offered.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardCodedPolicyCheckCodeFixProvider))]
[Shared]
public sealed class HardCodedPolicyCheckCodeFixProvider : CodeFixProvider
{
    private const string RestrictsKey = nameof(HardCodedPolicyCheckCodeFixProvider) + ".Restricts";
    private const string AllowsKey = nameof(HardCodedPolicyCheckCodeFixProvider) + ".Allows";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.HardCodedPolicyCheckId);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        var engineType = model.Compilation.GetTypeByMetadataName(PolicyAuditTypes.PolicyEngineMetadataName);
        if (engineType is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(HardCodedPolicyCheckAnalyzer.FixKindProperty, out var kind)
                || kind != HardCodedPolicyCheckAnalyzer.ConditionFix
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax condition)
            {
                continue;
            }

            var facts = diagnostic.Properties.ContainsKey(HardCodedPolicyCheckAnalyzer.FactsIsThisProperty)
                ? "this"
                : diagnostic.AdditionalLocations.Count > 0 && root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax factsNode
                    ? factsNode.WithoutTrivia().ToString()
                    : null;
            var engine = FindEngineInScope(model, condition, engineType, context.CancellationToken);
            if (facts is null || engine is null)
            {
                continue;
            }

            diagnostic.Properties.TryGetValue(HardCodedPolicyCheckAnalyzer.PolicyIdProperty, out var policyId);
            var ask = engine + ".Evaluate(" + facts + ").Outcome";
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Ask " + engine + " instead (true when '" + policyId + "' does not allow it)",
                    _ => Task.FromResult(Replace(context.Document, root, condition, ask + " != global::PolicyAudit.DecisionOutcome.Allow")),
                    equivalenceKey: RestrictsKey),
                diagnostic);
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Ask " + engine + " instead (true when '" + policyId + "' allows it)",
                    _ => Task.FromResult(Replace(context.Document, root, condition, ask + " == global::PolicyAudit.DecisionOutcome.Allow")),
                    equivalenceKey: AllowsKey),
                diagnostic);
        }
    }

    private static Document Replace(Document document, SyntaxNode root, ExpressionSyntax condition, string question)
    {
        var asked = SyntaxFactory.ParseExpression(question);
        asked = asked.ReplaceNodes(
            asked.DescendantNodes(),
            (original, rewritten) => original is MemberAccessExpressionSyntax or AliasQualifiedNameSyntax
                ? rewritten.WithAdditionalAnnotations(Simplifier.Annotation)
                : rewritten);
        var replacement = SyntaxFactory.ParenthesizedExpression(asked)
            .WithTriviaFrom(condition)
            .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
        return document.WithSyntaxRoot(root.ReplaceNode(condition, replacement));
    }

    /// <summary>
    /// The name of a local, parameter, field or property of type <c>IPolicyEngine</c> usable at the condition:
    /// locals and parameters first, then members (instance members only outside static code).
    /// </summary>
    private static string? FindEngineInScope(SemanticModel model, SyntaxNode condition, INamedTypeSymbol engineType, CancellationToken cancellationToken)
    {
        var position = condition.SpanStart;
        var enclosing = model.GetEnclosingSymbol(position, cancellationToken);
        var inStaticCode = enclosing is { IsStatic: true };
        var candidates = model.LookupSymbols(position)
            .Where(symbol => IsEngine(TypeOf(symbol), engineType))
            .Select(symbol => (Symbol: symbol, Rank: Rank(symbol, enclosing, position, inStaticCode)))
            .Where(candidate => candidate.Rank >= 0)
            .OrderBy(candidate => candidate.Rank)
            .ThenBy(candidate => candidate.Symbol.Name, System.StringComparer.Ordinal)
            .Select(candidate => candidate.Symbol);
        return candidates.FirstOrDefault()?.Name;
    }

    /// <summary>
    /// How good a choice the symbol is (lower is better), or -1 when it cannot be used at the position: locals and
    /// the method's own parameters first, then fields and properties, then primary-constructor parameters (using
    /// one beside a field initialised from it would capture it twice).
    /// </summary>
    private static int Rank(ISymbol symbol, ISymbol? enclosing, int position, bool inStaticCode) => symbol switch
    {
        ILocalSymbol local => local.DeclaringSyntaxReferences.All(r => r.Span.End <= position) ? 0 : -1,
        IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } constructor }
            when !SymbolEqualityComparer.Default.Equals(constructor, enclosing) => inStaticCode ? -1 : 2,
        IParameterSymbol => 0,
        IFieldSymbol or IPropertySymbol => symbol.IsStatic || !inStaticCode ? 1 : -1,
        _ => -1,
    };

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        _ => null,
    };

    private static bool IsEngine(ITypeSymbol? type, INamedTypeSymbol engineType) =>
        type is not null
        && (SymbolEqualityComparer.Default.Equals(type, engineType)
            || type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, engineType)));
}
