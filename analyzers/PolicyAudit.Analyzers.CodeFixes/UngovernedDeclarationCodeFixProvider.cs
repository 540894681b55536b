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
using Microsoft.CodeAnalysis.Simplification;
using PolicyAudit.Analyzers.Governance;

namespace PolicyAudit.Analyzers.CodeFixes;

/// <summary>
/// PA0006: adds <c>[GovernedBy("policy-id")]</c> to the member's declaration in the project that declares it (a code
/// fix may change another project's document), so that PA0001 reports checks of it there too. Offered only where
/// that project can see <c>PolicyAudit.GovernedByAttribute</c>, so the fixed code compiles.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UngovernedDeclarationCodeFixProvider))]
[Shared]
public sealed class UngovernedDeclarationCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UngovernedDeclarationId);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var compilation = await context.Document.Project.GetCompilationAsync(context.CancellationToken).ConfigureAwait(false);
        if (compilation is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(UngovernedDeclarationAnalyzer.PolicyIdProperty, out var policyId)
                || !diagnostic.Properties.TryGetValue(UngovernedDeclarationAnalyzer.MemberIdProperty, out var memberId)
                || policyId is null
                || !diagnostic.Properties.TryGetValue(UngovernedDeclarationAnalyzer.ConditionsProperty, out var conditions)
                || memberId is null
                || DocumentationCommentId.GetFirstSymbolForDeclarationId(memberId, compilation) is not { } member)
            {
                continue;
            }

            var declaration = await FindDeclarationAsync(context.Document.Project.Solution, member, context.CancellationToken).ConfigureAwait(false);
            if (declaration is null)
            {
                continue;
            }

            var (document, node) = declaration.Value;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Mark " + member.Name + " [GovernedBy(\"" + policyId + "\")] in " + document.Project.Name,
                    cancellationToken => MarkAsync(document, node, policyId, conditions, cancellationToken),
                    equivalenceKey: nameof(UngovernedDeclarationCodeFixProvider) + policyId),
                diagnostic);
        }
    }

    /// <summary>The member's declaration in a project of the solution that knows <c>GovernedByAttribute</c>.</summary>
    private static async Task<(Document Document, CSharpSyntaxNode Node)?> FindDeclarationAsync(Solution solution, ISymbol member, CancellationToken cancellationToken)
    {
        var source = await Microsoft.CodeAnalysis.FindSymbols.SymbolFinder.FindSourceDefinitionAsync(member, solution, cancellationToken).ConfigureAwait(false);
        var reference = source?.DeclaringSyntaxReferences.FirstOrDefault();
        if (reference is null || solution.GetDocument(reference.SyntaxTree) is not { } document)
        {
            return null;
        }

        var declared = await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false);
        CSharpSyntaxNode? node = declared switch
        {
            VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: FieldDeclarationSyntax field } } => field,
            PropertyDeclarationSyntax or MethodDeclarationSyntax => (MemberDeclarationSyntax)declared,

            // A record's positional property (`record Account(Guid Id, decimal Balance)`) is declared by its parameter.
            ParameterSyntax { Parent: ParameterListSyntax { Parent: RecordDeclarationSyntax } } parameter => parameter,
            _ => null,
        };
        var declaringCompilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        return node is not null && declaringCompilation?.GetTypeByMetadataName(PolicyAuditTypes.GovernedByAttributeMetadataName) is not null
            ? (document, node)
            : null;
    }

    private static async Task<Solution> MarkAsync(Document document, CSharpSyntaxNode node, string policyId, string? conditions, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document.Project.Solution;
        }

        // The condition's test goes with the id, so that the declaring project knows, for one, that zero is this
        // policy's threshold rather than a guard.
        var arguments = SyntaxFactory.SeparatedList(new[] { SyntaxFactory.AttributeArgument(StringLiteral(policyId)) });
        if (!string.IsNullOrEmpty(conditions))
        {
            arguments = arguments.Add(SyntaxFactory.AttributeArgument(StringLiteral(conditions!))
                .WithNameEquals(SyntaxFactory.NameEquals(GovernanceCatalog.ConditionsArgumentName)));
        }

        var attribute = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(
            SyntaxFactory.Attribute(
                SyntaxFactory.ParseName("global::PolicyAudit.GovernedBy").WithAdditionalAnnotations(Simplifier.Annotation),
                SyntaxFactory.AttributeArgumentList(arguments))));
        if (node is ParameterSyntax parameter)
        {
            // On a record's parameter the attribute targets the property it declares, inline: `[property: GovernedBy(..)] decimal Balance`.
            var targeted = attribute.WithTarget(SyntaxFactory.AttributeTargetSpecifier(SyntaxFactory.Token(SyntaxKind.PropertyKeyword)));
            var inline = parameter.AttributeLists.Count == 0
                ? parameter.WithoutLeadingTrivia().WithAttributeLists(SyntaxFactory.SingletonList(
                    targeted.WithLeadingTrivia(parameter.GetLeadingTrivia()).WithTrailingTrivia(SyntaxFactory.Space)))
                : parameter.AddAttributeLists(targeted.WithTrailingTrivia(SyntaxFactory.Space));
            var changedParameter = document.WithSyntaxRoot(root.ReplaceNode(parameter, inline));
            changedParameter = await Simplifier.ReduceAsync(changedParameter, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return changedParameter.Project.Solution;
        }

        var member = (MemberDeclarationSyntax)node;

        // The attribute goes on its own line above the member, indented like it, after any attributes it has.
        var leading = member.GetLeadingTrivia();
        var indentation = leading.Count > 0 && leading.Last().IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(leading.Last())
            : SyntaxFactory.TriviaList();
        var newLine = root.ToFullString().Contains("\r\n") ? SyntaxFactory.CarriageReturnLineFeed : SyntaxFactory.LineFeed;
        MemberDeclarationSyntax marked;
        if (member.AttributeLists.Count == 0)
        {
            var withoutTrivia = member.WithoutLeadingTrivia().WithLeadingTrivia(indentation);
            marked = withoutTrivia.WithAttributeLists(SyntaxFactory.SingletonList(attribute.WithLeadingTrivia(leading).WithTrailingTrivia(newLine)));
        }
        else
        {
            marked = member.AddAttributeLists(attribute.WithLeadingTrivia(indentation).WithTrailingTrivia(newLine));
        }

        var changed = document.WithSyntaxRoot(root.ReplaceNode(member, marked));
        changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return changed.Project.Solution;
    }

    private static LiteralExpressionSyntax StringLiteral(string value) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value));
}
