using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a leave-management code base (docs/analyzer-evaluation.md, seventeenth round): an HTML e-mail's body
/// chooses a leave type's caption with the policy's own state test inside an interpolation's hole. Whatever the hole
/// chooses becomes text; the same test in a guard decides.
/// </summary>
public sealed class FormattedTextShapesTests
{
    private const string Domain = """
        using PolicyAudit;
        public enum LeaveCategory { Casual, Privilege, RestrictedHoliday }
        public sealed class LeaveType
        {
            [GovernedBy("restricted-holiday-only", Conditions = "==2")] public LeaveCategory Category { get; set; }
            public string Name { get; set; } = "";
            public bool HalfDayAllowed { get; set; }
        }

        """;

    [Fact]
    public async Task TestInsideAnInterpolationHole_IsNotReportedWhileTheSameTestInAGuardIs()
    {
        await VerifyCS.VerifyAnalyzerAsync(Domain + """"
            public static class LeaveMail
            {
                public static string Body(LeaveType type, int days) => $"""
                    <tr><td>Leave type</td><td>{(type.Category == LeaveCategory.RestrictedHoliday ? "Restricted holiday" : type.Name)}</td></tr>
                    <tr><td>Days</td><td>{days}</td></tr>
                    """;

                public static void Refuse(LeaveType type, int days)
                {
                    throw new System.InvalidOperationException($"Refused: {(type.Category == LeaveCategory.RestrictedHoliday ? "restricted holiday" : "leave")} of {days} days");
                }

                public static void Apply(LeaveType type, int days)
                {
                    if ([|type.Category == LeaveCategory.RestrictedHoliday|] && days > 1)
                    {
                        throw new System.InvalidOperationException("A restricted holiday is one day.");
                    }
                }
            }
            """");
    }
}
