using System.Collections.Immutable;
using System.Linq;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace PolicyAudit.Analyzers.CodeFixes;

/// <summary>
/// PA0002: keeps the discarded decision in a variable and branches on its outcome, leaving the method (or throwing
/// where it must return a value) when the policies did not allow the action.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DecisionIgnoredCodeFixProvider))]
[Shared]
public sealed class DecisionIgnoredCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DecisionIgnoredId);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax invocation)
            {
                continue;
            }

            var statement = invocation.Parent switch
            {
                ExpressionStatementSyntax direct => direct,
                AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax discarded } => discarded,
                _ => null,
            };
            if (statement?.Parent is not (BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Keep the decision and branch on its outcome",
                    cancellationToken => KeepDecisionAsync(context.Document, root, statement!, invocation, cancellationToken),
                    equivalenceKey: nameof(DecisionIgnoredCodeFixProvider)),
                diagnostic);
        }
    }

    private static async Task<Document> KeepDecisionAsync(Document document, SyntaxNode root, ExpressionStatementSyntax statement, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var name = "decision";
        var enclosing = model?.GetEnclosingSymbol(statement.SpanStart, cancellationToken) as IMethodSymbol;
        if (model is not null)
        {
            for (var suffix = 2; model.LookupSymbols(statement.SpanStart, name: name).Length > 0; suffix++)
            {
                name = "decision" + suffix;
            }
        }

        var stop = CanReturnWithoutValue(enclosing)
            ? "return;"
            : "throw new global::System.InvalidOperationException($\"Policy decision {" + name + ".Id} was {" + name + ".Outcome}.\");";

        // Written as text in the statement's own layout: the formatter keeps a single-line replacement on one line.
        var indentation = statement.GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).ToString();
        var newLine = statement.GetTrailingTrivia().Any(t => t.ToString() == "\r\n") ? "\r\n" : "\n";
        var declaration = SyntaxFactory.ParseStatement("var " + name + " = " + invocation.WithoutTrivia().ToFullString() + ";" + newLine)
            .WithLeadingTrivia(statement.GetLeadingTrivia());
        var branch = SyntaxFactory.ParseStatement(
                indentation + "if (" + name + ".Outcome != global::PolicyAudit.DecisionOutcome.Allow)" + newLine +
                indentation + "{" + newLine +
                indentation + "    // The policies did not allow this: stop here, or let staff record an override with IOverrideRecorder." + newLine +
                indentation + "    " + stop + newLine +
                indentation + "}")
            .WithTrailingTrivia(statement.GetTrailingTrivia());
        branch = branch.ReplaceNodes(
            branch.DescendantNodes(),
            (original, rewritten) => original is MemberAccessExpressionSyntax or QualifiedNameSyntax or AliasQualifiedNameSyntax
                ? rewritten.WithAdditionalAnnotations(Simplifier.Annotation)
                : rewritten);

        return document.WithSyntaxRoot(root.ReplaceNode(statement, new SyntaxNode[] { declaration, branch }));
    }

    private static bool CanReturnWithoutValue(IMethodSymbol? method)
    {
        if (method is null)
        {
            return false;
        }

        if (method.ReturnsVoid)
        {
            return true;
        }

        return method.IsAsync
            && method.ReturnType is INamedTypeSymbol { IsGenericType: false, Name: "Task" or "ValueTask" } returnType
            && returnType.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks";
    }
}
