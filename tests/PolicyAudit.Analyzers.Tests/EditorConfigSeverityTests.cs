using Microsoft.CodeAnalysis;
using PolicyAudit.Analyzers.Tests.Infrastructure;

namespace PolicyAudit.Analyzers.Tests;

public sealed class EditorConfigSeverityTests
{
    private const string Source = """
        using PolicyAudit;
        public sealed class Ticket
        {
            [GovernedBy("ticket-limit")]
            public int Count { get; set; }
        }

        [Policy("ticket-limit")]
        public sealed class TicketLimit : Policy
        {
            public override void Define() { }
        }

        public static class Sales
        {
            public static bool TooMany(Ticket ticket) => ticket.Count > 4;
        }
        """;

    [Fact]
    public async Task Severity_SetToErrorInEditorConfig_IsReportedAsError()
    {
        var diagnostics = await AnalyzeWithEditorConfigAsync("dotnet_diagnostic.PA0001.severity = error");

        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(diagnostics).Severity);
    }

    [Fact]
    public async Task Severity_SetToNoneInEditorConfig_IsNotReported()
    {
        var diagnostics = await AnalyzeWithEditorConfigAsync("dotnet_diagnostic.PA0001.severity = none");

        Assert.Empty(diagnostics);
    }

    private static Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> AnalyzeWithEditorConfigAsync(string setting)
    {
        var config = AnalyzerConfig.Parse("root = true\n[*.cs]\n" + setting + "\n", "/src/.editorconfig");
        var configSet = AnalyzerConfigSet.Create(System.Collections.Immutable.ImmutableArray.Create(config));
        var compilation = TestCompilations.Create("Host", [Source]);
        compilation = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(new EditorConfigOptions(configSet)));
        return AnalyzerVerifier.AnalyzeAsync(compilation, []);
    }

    /// <summary>Gives the compiler each tree's severities from the .editorconfig, as the build does.</summary>
    private sealed class EditorConfigOptions(AnalyzerConfigSet configSet) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            configSet.GetOptionsForSourcePath(tree.FilePath).TreeOptions.TryGetValue(diagnosticId, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return false;
        }
    }
}
