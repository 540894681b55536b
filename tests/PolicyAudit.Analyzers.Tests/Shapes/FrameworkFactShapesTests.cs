using PolicyAudit.Analyzers.Tests.Verifiers;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a forum's moderation rules (docs/analyzer-evaluation.md, eighth round): a policy whose fact is the
/// framework's own object (<c>ClaimsPrincipal user</c>, <c>u =&gt; !u.IsInRole(Roles.Admin)</c>) governs the member it reads
/// on that fact, through the generator's <c>[assembly: GovernedMember]</c>; the code's <c>user.IsInRole(Roles.Admin)</c> is
/// the policy's check. Another role, and framework members read on the business's own facts, stay silent.
/// </summary>
public sealed class FrameworkFactShapesTests
{
    private const string Domain = """
        namespace Forum
        {
            public static class Roles
            {
                public const string Admin = "Admin";
                public const string Moderator = "Moderator";
                public const string Member = "Member";
            }

            public sealed class Post
            {
                public System.DateTime CreatedOn { get; set; }
            }
        }
        """;

    private const string Policies = """
        using System.Security.Claims;
        using PolicyAudit;
        using Forum;
        namespace Forum.Policies
        {
            [Policy("staff-only")]
            public sealed class StaffOnly : Policy
            {
                public override void Define()
                {
                    ClaimsPrincipal user = null!;
                    When().Match(() => user, u => !u.IsInRole(Roles.Admin) && !u.IsInRole(Roles.Moderator));
                    Then().Deny("Only moderators and admins may do this.");
                }
            }

            [Policy("old-posts-frozen")]
            public sealed class OldPostsFrozen : Policy
            {
                public override void Define()
                {
                    Post post = null!;
                    When().Match(() => post, p => p.CreatedOn.Year < 2020);
                    Then().Deny("Posts from before 2020 are archived.");
                }
            }
        }
        """;

    [Fact]
    public async Task MemberReadOnAFrameworkFact_SameArguments_IsReported()
    {
        var framework = TestFramework.Net100;
        var domain = framework.CompileReference("Forum.Domain", [Domain]);
        var policies = framework.CompileReference("Forum.Policies", [Policies], [domain]);

        await new VerifyCS.Test
        {
            TestCode = """
                using System.Security.Claims;
                using Forum;
                public sealed class AuthorizationService
                {
                    public bool CanLockThread(ClaimsPrincipal user) => {|#0:user.IsInRole(Roles.Admin)|} || {|#1:user.IsInRole(Roles.Moderator)|};

                    public string Lock(ClaimsPrincipal user)
                    {
                        if ({|#2:!user.IsInRole(Roles.Admin)|})
                        {
                            return "forbidden";
                        }

                        return "locked";
                    }
                }
                """,
            TestState = { AdditionalReferences = { domain, policies } },
            ExpectedDiagnostics =
            {
                VerifyCS.Expected(0, "user.IsInRole(Roles.Admin)", "policy 'staff-only'"),
                VerifyCS.Expected(1, "user.IsInRole(Roles.Moderator)", "policy 'staff-only'"),
                VerifyCS.Expected(2, "!user.IsInRole(Roles.Admin)", "policy 'staff-only'"),
            },
        }.RunAsync();
    }

    [Fact]
    public async Task FrameworkMemberOfAnotherRoleOrReadOnTheBusinesssFact_IsNotReported()
    {
        var framework = TestFramework.Net100;
        var domain = framework.CompileReference("Forum.Domain", [Domain]);
        var policies = framework.CompileReference("Forum.Policies", [Policies], [domain]);

        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.Security.Claims;
                using Forum;
                public sealed class ProfileService
                {
                    public bool IsMember(ClaimsPrincipal user) => user.IsInRole(Roles.Member);

                    public bool Named(ClaimsPrincipal user) => user.Identity?.Name == "admin";

                    public bool Recent(DateTime when) => when.Year < 2020;
                }
                """,
            TestState = { AdditionalReferences = { domain, policies } },
        }.RunAsync();
    }
}
