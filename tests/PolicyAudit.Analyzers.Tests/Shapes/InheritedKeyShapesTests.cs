using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a records archive (docs/analyzer-evaluation.md, eleventh round): entities take their <c>Id</c> from a
/// shared base class, and the code matches a document's department or room with the actor's by those keys.
/// </summary>
public sealed class InheritedKeyShapesTests
{
    private const string Domain = """
        namespace Archive
        {
            public abstract class BaseEntity { public System.Guid Id { get; set; } }
            public sealed class Department : BaseEntity { public string Name { get; set; } = ""; }
            public sealed class Room : BaseEntity { }
            public sealed class Locker : BaseEntity { public Room Room { get; set; } = null!; }
            public sealed class Folder : BaseEntity { public Locker Locker { get; set; } = null!; }
            public sealed class User : BaseEntity { public Department? Department { get; set; } }
            public sealed class Staff : BaseEntity { public Room? Room { get; set; } }
            public sealed class Document : BaseEntity
            {
                public Department? Department { get; set; }
                public Folder? Folder { get; set; }
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Archive;
        namespace Archive.Policies
        {
            [Policy("same-department")]
            public sealed class SameDepartment : Policy
            {
                public override void Define()
                {
                    User user = null!;
                    Document document = null!;
                    When().Match(() => user)
                          .Match(() => document, d => d.Department!.Id != user.Department!.Id);
                    Then().Deny("Another department's document.");
                }
            }

            [Policy("staff-own-room")]
            public sealed class StaffOwnRoom : Policy
            {
                public override void Define()
                {
                    Staff staff = null!;
                    Document document = null!;
                    When().Match(() => staff)
                          .Match(() => document, d => d.Folder!.Locker.Room.Id != staff.Room!.Id);
                    Then().Deny("Another room's document.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    [Fact]
    public async Task Borrow_KeysDeclaredOnTheBaseEntity_IsReported()
    {
        await VerifyAsync("""
            using Archive;
            public static class Borrowing
            {
                public static void Borrow(Document document, User user)
                {
                    if ({|#0:document.Department!.Id != user.Department!.Id|})
                        throw new System.InvalidOperationException("Not your department's document.");
                }

                public static void Checkout(Document document, Staff staff)
                {
                    if ({|#1:staff.Room!.Id != document.Folder!.Locker.Room.Id|})
                        throw new System.InvalidOperationException("Not your room's document.");
                }
            }
            """,
            VerifyCS.Expected(0, "document.Department!.Id != user.Department!.Id", "policy 'same-department'"),
            VerifyCS.Expected(1, "staff.Room!.Id != document.Folder!.Locker.Room.Id", "policy 'staff-own-room'"));
    }

    [Fact]
    public async Task Borrow_DepartmentNameShown_IsNotReported()
    {
        await VerifyAsync("""
            using Archive;
            public static class Borrowing
            {
                public static string Label(Document document) =>
                    document.Department!.Name == "" ? "(no department)" : document.Department.Name;
            }
            """);
    }
}
