using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a wallet's fraud service (docs/analyzer-evaluation.md, fifteenth round): the policies read the
/// <c>AccountAgeRule</c> entity, while the application checks its copy (<c>AccountAgeRuleDto</c>, filled by a mapper):
/// <c>if (accountAgeDays &lt;= dto.MinAccountAgeDays) return amount &lt;= dto.MaxAllowedAmount;</c>. A transfer copy named
/// after an entity (Dto, Response, Model, ViewModel, Vm, ReadModel) carries the entity's governed member of the same
/// name. A flag the copy computes for itself, and a copy named after no entity, are not checks.
/// </summary>
public sealed class TransferTwinShapesTests
{
    private const string Policies = """
        using PolicyAudit;
        using Fraud;
        namespace Fraud.Policies
        {
            [Policy("young-account-limit")]
            public sealed class YoungAccountLimit : Policy
            {
                public override void Define()
                {
                    AccountAgeRule rule = null!;
                    Customer customer = null!;
                    When().Match(() => rule).Match(() => customer, c => c.AgeDays <= rule.MinAccountAgeDays);
                    Then().RequireApproval("Young accounts need a review.");
                }
            }
        }
        """;

    [Fact]
    public async Task MemberOfTheEntitysTransferCopy_IsReportedButNotInTheCopysOwnFlagsOrAnUnrelatedCopy()
    {
        await VerifyCS.VerifyBesideAsync("""
            namespace Fraud
            {
                public sealed class AccountAgeRule
                {
                    public int MinAccountAgeDays { get; set; }
                }

                public sealed class Customer
                {
                    public int AgeDays { get; set; }
                }

                public sealed class AccountAgeRuleDto
                {
                    public int MinAccountAgeDays { get; set; }
                    public bool IsStrict => MinAccountAgeDays > 30;
                }

                public sealed class SettingsDto
                {
                    public int MinAccountAgeDays { get; set; }
                }

                public static class Rules
                {
                    public static bool Young(this AccountAgeRuleDto dto, int accountAgeDays) => [|accountAgeDays <= dto.MinAccountAgeDays|];

                    public static bool Young(this SettingsDto settings, int accountAgeDays) => accountAgeDays <= settings.MinAccountAgeDays;
                }
            }
            """,
            [Policies]);
    }
}
