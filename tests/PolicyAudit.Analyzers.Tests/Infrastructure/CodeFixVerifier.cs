using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace PolicyAudit.Analyzers.Tests.Infrastructure;

/// <summary>Applies a code fix through an <see cref="AdhocWorkspace"/> and checks the result, which must compile.</summary>
internal static class CodeFixVerifier
{
    /// <summary>
    /// Finds the diagnostic on the single marked span, applies the code action at <paramref name="actionIndex"/>,
    /// and asserts the fixed source equals <paramref name="expected"/> and compiles without errors.
    /// </summary>
    public static async Task VerifyAsync(CodeFixProvider provider, string markup, string expected, int actionIndex = 0, IEnumerable<MetadataReference>? references = null)
    {
        var parsed = TestMarkup.Parse(markup);
        var span = Assert.Single(parsed.Spans).Span;
        var (workspace, document) = CreateDocument(parsed.Source, references);
        using (workspace)
        {
            var diagnostic = await FindDiagnosticAsync(document, provider, span);
            var actions = await CollectActionsAsync(provider, document, diagnostic);
            Assert.True(actions.Count > actionIndex, $"Expected a code action #{actionIndex}; got {actions.Count}.");

            var fixedDocument = await ApplyAsync(actions[actionIndex], document);
            var text = (await fixedDocument.GetTextAsync()).ToString();
            Assert.Equal(Normalize(expected), Normalize(text));

            var compilation = await fixedDocument.Project.GetCompilationAsync();
            var errors = compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, "The fixed code does not compile:\n" + string.Join("\n", errors) + "\n" + text);
        }
    }

    /// <summary>Asserts the provider offers no fix for the diagnostic on the single marked span.</summary>
    public static async Task VerifyNoFixAsync(CodeFixProvider provider, string markup, IEnumerable<MetadataReference>? references = null)
    {
        var parsed = TestMarkup.Parse(markup);
        var span = Assert.Single(parsed.Spans).Span;
        var (workspace, document) = CreateDocument(parsed.Source, references);
        using (workspace)
        {
            var diagnostic = await FindDiagnosticAsync(document, provider, span);
            Assert.Empty(await CollectActionsAsync(provider, document, diagnostic));
        }
    }

    private static (AdhocWorkspace Workspace, Document Document) CreateDocument(string source, IEnumerable<MetadataReference>? references)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var project = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Create(), "Host", "Host", LanguageNames.CSharp)
                .WithCompilationOptions(TestCompilations.Options)
                .WithParseOptions(TestCompilations.ParseOptions)
                .WithMetadataReferences(TestCompilations.DefaultReferences.AddRange(references ?? [])))
            .GetProject(projectId)!;
        var document = project.AddDocument("File0.cs", SourceText.From(source), filePath: "/src/Host/File0.cs");
        Assert.True(workspace.TryApplyChanges(document.Project.Solution));
        return (workspace, workspace.CurrentSolution.GetDocument(document.Id)!);
    }

    private static async Task<Diagnostic> FindDiagnosticAsync(Document document, CodeFixProvider provider, TextSpan span)
    {
        var compilation = await document.Project.GetCompilationAsync();
        var diagnostics = await AnalyzerVerifier.AnalyzeAsync(compilation!, []);
        var matching = diagnostics.Where(d => provider.FixableDiagnosticIds.Contains(d.Id) && d.Location.SourceSpan == span).ToList();
        Assert.True(matching.Count == 1, $"Expected one fixable diagnostic at {span}; found: " + string.Join("; ", diagnostics.Select(d => $"{d.Id} {d.Location.SourceSpan} {d.GetMessage()}")));
        return matching[0];
    }

    private static async Task<List<CodeAction>> CollectActionsAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);
        return actions;
    }

    private static async Task<Document> ApplyAsync(CodeAction action, Document document)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var apply = Assert.Single(operations.OfType<ApplyChangesOperation>());
        return apply.ChangedSolution.GetDocument(document.Id)!;
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
