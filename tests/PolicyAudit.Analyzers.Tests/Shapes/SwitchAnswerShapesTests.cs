using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a server-monitoring SaaS (docs/analyzer-evaluation.md, seventeenth round): feature access answered per
/// feature by a switch whose arms hand back the plan's flags (<c>return feature switch { "ALERTS" =&gt; plan.HasAlerts, ..,
/// _ =&gt; true };</c>). Each arm answers as <c>return plan.HasAlerts;</c> does. The same switch kept for display is not
/// an answer.
/// </summary>
public sealed class SwitchAnswerShapesTests
{
    private const string Domain = """
        using PolicyAudit;
        public sealed class Plan
        {
            [GovernedBy("alerts-require-plan", Conditions = "==false")] public bool HasAlerts { get; set; }
            [GovernedBy("api-requires-plan", Conditions = "==false")] public bool HasApiAccess { get; set; }
        }

        """;

    [Fact]
    public async Task FlagsAnsweredPerArmOfAReturnedSwitch_AreReportedWhileADisplayedSwitchIsNot()
    {
        await VerifyCS.VerifyAnalyzerAsync(Domain + """
            public static class Features
            {
                public static bool CanUse(Plan plan, string feature)
                {
                    return feature.ToUpperInvariant() switch
                    {
                        "ALERTS" => [|plan.HasAlerts|],
                        "API" => [|plan.HasApiAccess|],
                        _ => true,
                    };
                }

                public static string Describe(Plan plan, string feature)
                {
                    var included = feature switch
                    {
                        "ALERTS" => plan.HasAlerts,
                        "API" => plan.HasApiAccess,
                        _ => true,
                    };
                    return feature + ": " + included;
                }
            }
            """);
    }
}
