using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using PolicyAudit.Analyzers;

namespace PolicyAudit.Analyzers.Evaluation;

/// <summary>
/// Writes the <c>[GovernedBy]</c> that PA0006's code fix would write onto each member a policy tests, on the
/// declaration's own line, so that the labels' line numbers stay right. One attribute per member and policy, with the
/// conditions of every PA0006 diagnostic for that pair. Stateless.
/// </summary>
internal static class GovernanceMarker
{
    /// <summary>A member marked, for the report.</summary>
    public sealed record Mark(string Where, string MemberId, string Attribute);

    /// <summary>
    /// Returns <paramref name="trees"/> with the marks applied, what was marked, and what could not be (a member
    /// declared outside <paramref name="domain"/>, or in a declaration the fix does not mark).
    /// </summary>
    public static (IReadOnlyList<SyntaxTree> Trees, IReadOnlyList<Mark> Marked, IReadOnlyList<string> NotMarked) Apply(
        Compilation domain, IReadOnlyList<SyntaxTree> trees, IEnumerable<Diagnostic> ungoverned)
    {
        var wanted = new Dictionary<string, Dictionary<string, List<string>>>(StringComparer.Ordinal);
        foreach (var diagnostic in ungoverned.Where(d => d.Id == "PA0006"))
        {
            if (!diagnostic.Properties.TryGetValue(UngovernedDeclarationAnalyzer.MemberIdProperty, out var memberId) || memberId is null
                || !diagnostic.Properties.TryGetValue(UngovernedDeclarationAnalyzer.PolicyIdProperty, out var policyId) || policyId is null)
            {
                continue;
            }

            diagnostic.Properties.TryGetValue(UngovernedDeclarationAnalyzer.ConditionsProperty, out var conditions);
            if (!wanted.TryGetValue(memberId, out var byPolicy))
            {
                wanted[memberId] = byPolicy = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            }

            if (!byPolicy.TryGetValue(policyId, out var items))
            {
                byPolicy[policyId] = items = new List<string>();
            }

            foreach (var item in (conditions ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!items.Contains(item))
                {
                    items.Add(item);
                }
            }
        }

        var insertions = new Dictionary<SyntaxTree, List<(int Position, string Text)>>();
        var marked = new List<Mark>();
        var notMarked = new List<string>();
        foreach (var (memberId, byPolicy) in wanted.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var member = DocumentationCommentId.GetFirstSymbolForDeclarationId(memberId, domain);
            var declared = member?.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
            if (member is null || declared is null || !trees.Contains(declared.SyntaxTree))
            {
                notMarked.Add($"{memberId}: not declared in Domain");
                continue;
            }

            if (InsertionPoint(declared) is not { } at)
            {
                notMarked.Add($"{memberId}: a declaration PA0006's fix does not mark ({declared.Kind()})");
                continue;
            }

            var target = declared is ParameterSyntax ? "property: " : string.Empty;
            var text = string.Concat(byPolicy.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair =>
                $"[{target}global::PolicyAudit.GovernedBy({Literal(pair.Key)}"
                + (pair.Value.Count > 0 ? $", Conditions = {Literal(string.Join(";", pair.Value))}" : string.Empty)
                + ")] "));
            if (!insertions.TryGetValue(declared.SyntaxTree, out var list))
            {
                insertions[declared.SyntaxTree] = list = new List<(int, string)>();
            }

            list.Add((at, text));
            var line = declared.SyntaxTree.GetLineSpan(new TextSpan(at, 0)).StartLinePosition.Line + 1;
            marked.Add(new Mark($"{declared.SyntaxTree.FilePath}:{line}", memberId, text.TrimEnd()));
        }

        var result = trees.Select(tree => insertions.TryGetValue(tree, out var list)
                ? tree.WithChangedText(tree.GetText().WithChanges(list.Select(i => new TextChange(new TextSpan(i.Position, 0), i.Text))))
                : tree)
            .ToList();
        return (result, marked, notMarked);
    }

    /// <summary>Where on the declaration's line the attribute goes: after its own attributes, before its modifiers.</summary>
    private static int? InsertionPoint(SyntaxNode declared) => declared switch
    {
        VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: FieldDeclarationSyntax field } } => AfterAttributes(field, field.AttributeLists),
        PropertyDeclarationSyntax property => AfterAttributes(property, property.AttributeLists),
        MethodDeclarationSyntax method => AfterAttributes(method, method.AttributeLists),
        ParameterSyntax { Parent: ParameterListSyntax { Parent: RecordDeclarationSyntax } } parameter => AfterAttributes(parameter, parameter.AttributeLists),
        _ => null,
    };

    private static int AfterAttributes(SyntaxNode node, SyntaxList<AttributeListSyntax> attributes) =>
        attributes.Count > 0 ? attributes.Last().Span.End : node.GetFirstToken().SpanStart;

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
}
