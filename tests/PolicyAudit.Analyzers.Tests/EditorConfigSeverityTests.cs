using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PolicyAudit.Analyzers.Tests.Verifiers;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests;

/// <summary>Severities set in <c>.editorconfig</c> reach the compiler's report, as the build applies them.</summary>
public sealed class EditorConfigSeverityTests
{
    private const string Check = "ticket.Count > 4";

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
        await new VerifyCS.Test
        {
            TestCode = Source.Replace(Check, "{|#0:{|#1:ticket|}.Count > 4|}", StringComparison.Ordinal),
            TestState = { AnalyzerConfigFiles = { PolicyAuditTestSetup.EditorConfig("dotnet_diagnostic.PA0001.severity = error") } },
            ExpectedDiagnostics = { new DiagnosticResult("PA0001", DiagnosticSeverity.Error).WithLocation(0).WithLocation(1) },
        }.RunAsync();
    }

    [Fact]
    public async Task Severity_SetToNoneInEditorConfig_IsNotReported()
    {
        await new VerifyCS.Test
        {
            TestCode = Source,
            TestState = { AnalyzerConfigFiles = { PolicyAuditTestSetup.EditorConfig("dotnet_diagnostic.PA0001.severity = none") } },
        }.RunAsync();
    }
}
