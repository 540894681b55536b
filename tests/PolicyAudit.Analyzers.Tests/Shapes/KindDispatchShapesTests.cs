using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a library system, an auction site's scheduler and an EV-charging app (docs/analyzer-evaluation.md, ninth
/// round): an <c>else if</c> chain over one state's values whose branches load or fill what each kind needs, and never
/// leave or throw, refuses nothing. The same chain with a branch that refuses is the policy's check.
/// </summary>
public sealed class KindDispatchShapesTests
{
    private const string Domain = """
        using System;
        namespace Library
        {
            public enum UserRole { Member, Librarian, Admin }

            public sealed class Member { public int Id { get; set; } }

            public sealed class Librarian { public int Id { get; set; } }

            public sealed class User
            {
                public int Id { get; set; }
                public UserRole Role { get; set; }
                public Member? Member { get; set; }
                public Librarian? Librarian { get; set; }
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Library;
        namespace Library.Policies
        {
            [Policy("librarians-manage-members-only")]
            public sealed class LibrariansManageMembersOnly : Policy
            {
                public override void Define()
                {
                    User actor = null!;
                    User target = null!;
                    When().Match(() => actor, a => a.Role == UserRole.Librarian)
                          .Match(() => target, t => t.Id != actor.Id, t => t.Role != UserRole.Member);
                    Then().Deny("Librarians manage member accounts only.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    [Fact]
    public async Task ChainOfKindsThatLoadsEachKindsDetails_IsNotReported()
    {
        await VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Library;
            public static class UserDetails
            {
                public static User Load(User user, IEnumerable<Member> members, IEnumerable<Librarian> librarians)
                {
                    if (user.Role == UserRole.Member)
                    {
                        user.Member = members.FirstOrDefault(m => m.Id == user.Id);
                    }
                    else if (user.Role == UserRole.Librarian)
                    {
                        user.Librarian = librarians.FirstOrDefault(l => l.Id == user.Id);
                    }

                    return user;
                }
            }
            """);
    }

    [Fact]
    public async Task ChainOfKindsWithABranchThatRefuses_IsReported()
    {
        await VerifyAsync("""
            using System;
            using Library;
            public static class Accounts
            {
                public static void Edit(User actor, User target)
                {
                    if ({|#0:actor.Role == UserRole.Librarian|})
                    {
                        if ({|#1:target.Role != UserRole.Member|})
                        {
                            throw new UnauthorizedAccessException("Librarians manage member accounts only.");
                        }
                    }
                    else if ({|#2:actor.Role == UserRole.Member|})
                    {
                        Console.WriteLine("self service");
                    }
                }
            }
            """,
            VerifyCS.Expected(0, "actor.Role == UserRole.Librarian", "policy 'librarians-manage-members-only'"),
            VerifyCS.Expected(1, "target.Role != UserRole.Member", "policy 'librarians-manage-members-only'"),
            VerifyCS.Expected(2, "actor.Role == UserRole.Member", "policy 'librarians-manage-members-only'"));
    }

    [Fact]
    public async Task SwitchWhoseSectionsEachNotifyTheirKind_IsNotReported()
    {
        // Measured on a warehouse application (thirteenth round): a switch over the new state picks whom to notify.
        await VerifyAsync("""
            using System.Collections.Generic;
            using Library;
            public static class Notices
            {
                public static List<string> For(User user)
                {
                    var notices = new List<string>();
                    switch (user.Role)
                    {
                        case UserRole.Librarian:
                            notices.Add("You now manage member accounts.");
                            break;
                        case UserRole.Member:
                            notices.Add("Welcome to the library.");
                            break;
                    }

                    return notices;
                }
            }
            """);
    }

    [Fact]
    public async Task SwitchWithASectionThatRefuses_IsReported()
    {
        await VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using Library;
            public static class Accounts
            {
                public static void Edit(User actor, User target, List<string> log)
                {
                    switch (actor.Role)
                    {
                        case {|#0:UserRole.Librarian|}:
                            if ({|#1:target.Role != UserRole.Member|})
                                throw new UnauthorizedAccessException("Librarians manage member accounts only.");
                            log.Add("edited by a librarian");
                            break;
                        case {|#2:UserRole.Member|}:
                            log.Add("self service");
                            break;
                    }
                }
            }
            """,
            VerifyCS.Expected(0, "actor.Role is UserRole.Librarian", "policy 'librarians-manage-members-only'"),
            VerifyCS.Expected(1, "target.Role != UserRole.Member", "policy 'librarians-manage-members-only'"),
            VerifyCS.Expected(2, "actor.Role is UserRole.Member", "policy 'librarians-manage-members-only'"));
    }
}
