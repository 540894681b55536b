using PolicyAudit.Analyzers.Tests.Verifiers;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on eShopOnWeb (docs/analyzer-evaluation.md, fifth round): a policy over a member the framework's base class
/// gives the business's own type (<c>TwoFactorEnabled</c> of an <c>ApplicationUser : IdentityUser</c>). The policy governs
/// it on that type, through the generator's <c>[assembly: GovernedMember]</c> (PA0006 cannot mark the framework's
/// declaration); a sibling type deriving from the same base, and framework members no policy reads, stay silent.
/// </summary>
public sealed class FrameworkBaseMemberShapesTests
{
    // Stands in for ASP.NET Core Identity: a compiled assembly of the framework's name.
    private const string Identity = """
        namespace Microsoft.AspNetCore.Identity
        {
            public class IdentityUser<TKey>
            {
                public virtual TKey Id { get; set; } = default!;
                public virtual bool TwoFactorEnabled { get; set; }
                public virtual bool PhoneNumberConfirmed { get; set; }
                public virtual System.DateTimeOffset? LockoutEnd { get; set; }
            }

            public class IdentityUser : IdentityUser<string>
            {
            }
        }
        """;

    private const string Domain = """
        using Microsoft.AspNetCore.Identity;
        namespace Shop.Identity
        {
            public sealed class ApplicationUser : IdentityUser
            {
            }

            public sealed class ServiceAccount : IdentityUser
            {
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Shop.Identity;
        namespace Shop.Policies
        {
            [Policy("two-factor-required")]
            public sealed class TwoFactorRequired : Policy
            {
                public override void Define()
                {
                    ApplicationUser user = null!;
                    When().Match(() => user, u => !u.TwoFactorEnabled);
                    Then().Deny("Turn on two-factor authentication first.");
                }
            }
        }
        """;

    [Fact]
    public async Task InheritedFrameworkMember_ReadOnThePolicysFact_IsReported()
    {
        var framework = TestFramework.Net100;
        var identity = framework.CompileReference("Microsoft.Extensions.Identity.Stores", [Identity]);
        var domain = framework.CompileReference("Shop.Domain", [Domain], [identity]);
        var policies = framework.CompileReference("Shop.Policies", [Policies], [identity, domain]);

        await new VerifyCS.Test
        {
            TestCode = """
                using Shop.Identity;
                public sealed class ManageController
                {
                    public string RecoveryCodes(ApplicationUser user)
                    {
                        if ({|#0:!user.TwoFactorEnabled|})
                        {
                            return "Enable two-factor authentication first.";
                        }

                        return user.PhoneNumberConfirmed ? "codes" : "codes, confirm your phone";
                    }

                    public bool Automated(ServiceAccount account) => account.TwoFactorEnabled;
                }
                """,
            TestState = { AdditionalReferences = { identity, domain, policies } },
            ExpectedDiagnostics = { VerifyCS.Expected(0, "!user.TwoFactorEnabled", "policy 'two-factor-required'") },
        }.RunAsync();
    }

    [Fact]
    public async Task OwnershipMatchWithAnIdentityUsersId_GovernsTheOwnedKey()
    {
        // BankSystem: `u.Id != account.UserId`, where `Id` is IdentityUser's; the account's key is governed for the match,
        // so even its comparison with the signed-in user's identity is the policy's check, not a lookup by key.
        var framework = TestFramework.Net100;
        var identity = framework.CompileReference("Microsoft.Extensions.Identity.Stores", [Identity]);
        var domain = framework.CompileReference("Bank.Domain", ["""
            using Microsoft.AspNetCore.Identity;
            namespace Bank
            {
                public sealed class BankUser : IdentityUser
                {
                }

                public sealed class BankAccount
                {
                    public string UserId { get; set; } = "";
                }
            }
            """], [identity]);
        var policies = framework.CompileReference("Bank.Policies", ["""
            using PolicyAudit;
            using Bank;
            namespace Bank.Policies
            {
                [Policy("account-holder-only")]
                public sealed class AccountHolderOnly : Policy
                {
                    public override void Define()
                    {
                        BankAccount account = null!;
                        BankUser user = null!;
                        When().Match(() => account).Match(() => user, u => u.Id != account.UserId);
                        Then().Deny("Only the holder of this bank account may do this.");
                    }
                }
            }
            """], [identity, domain]);

        await new VerifyCS.Test
        {
            TestCode = """
                using Bank;
                public sealed class AccountsController
                {
                    public string Details(BankAccount account, BankUser user)
                    {
                        if ({|#0:account.UserId != user.Id|})
                        {
                            throw new System.UnauthorizedAccessException();
                        }

                        return "details";
                    }
                }
                """,
            TestState = { AdditionalReferences = { identity, domain, policies } },
            ExpectedDiagnostics = { VerifyCS.Expected(0, "account.UserId != user.Id", "policy 'account-holder-only'") },
        }.RunAsync();
    }
}
