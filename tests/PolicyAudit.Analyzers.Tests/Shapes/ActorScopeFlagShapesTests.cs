using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a dental clinic's back end (docs/analyzer-evaluation.md, thirteenth round): a policy scopes a rule about
/// another fact to a kind of actor (<c>Match(() =&gt; employee, e =&gt; e.IsAdmin()).Match(() =&gt; role, r =&gt; r.RoleId &gt; 4)</c>).
/// The actor's role helper says whom the rule is for; called where nothing of the other fact is read, it asks another
/// question (an administrator's office check, a dentist's own list). A flag property (<c>c.IsVip</c>) stays the
/// policy's own question, see <see cref="ConjoinedScopeFlagShapesTests"/>.
/// </summary>
public sealed class ActorScopeFlagShapesTests
{
    private const string Domain = """
        namespace Clinic
        {
            public sealed class Employee
            {
                public int EmployeeId { get; set; }
                public int OfficeId { get; set; }
                public bool IsAdminFlag { get; set; }
                public bool IsAdmin() => IsAdminFlag;
                public bool IsOnlyDentist() => !IsAdminFlag;
            }

            public sealed class Role
            {
                public int RoleId { get; set; }
            }

            public sealed class Appointment
            {
                public int DentistId { get; set; }
            }

            public sealed class Load
            {
                public bool IsHazmat { get; set; }
            }

            public sealed class Truck
            {
                public bool AdrCertified { get; set; }
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Clinic;
        namespace Clinic.Policies
        {
            [Policy("role-grant-range")]
            public sealed class RoleGrantRange : Policy
            {
                public override void Define()
                {
                    Employee employee = null!;
                    Role role = null!;
                    When().Match(() => employee, e => e.IsAdmin())
                          .Match(() => role, r => r.RoleId < 2 || r.RoleId > 4);
                    Then().Deny("You may not grant this role.");
                }
            }

            [Policy("dentist-own-appointments")]
            public sealed class DentistOwnAppointments : Policy
            {
                public override void Define()
                {
                    Employee employee = null!;
                    Appointment appointment = null!;
                    When().Match(() => employee, e => e.IsOnlyDentist())
                          .Match(() => appointment, a => a.DentistId != employee.EmployeeId);
                    Then().Deny("This appointment is another dentist's.");
                }
            }

            [Policy("hazmat-needs-adr")]
            public sealed class HazmatNeedsAdr : Policy
            {
                public override void Define()
                {
                    Load load = null!;
                    Truck truck = null!;
                    When().Match(() => load, l => l.IsHazmat)
                          .Match(() => truck, t => !t.AdrCertified);
                    Then().Deny("Hazardous loads need an ADR-certified truck.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    [Fact]
    public async Task Schedule_ActorFlagBesideAnotherQuestion_IsNotReported()
    {
        await VerifyAsync("""
            using System.Collections.Generic;
            using Clinic;
            public static class Schedules
            {
                public static string Create(Employee current, int officeId)
                {
                    if (current.IsAdmin() && current.OfficeId != officeId)
                        return "This office is not assigned to you.";
                    return "created";
                }

                public static IEnumerable<int> Cancel(Employee current, IEnumerable<int> ids)
                {
                    if (current.IsOnlyDentist())
                        return CancelForDentist(current.EmployeeId, ids);
                    return ids;
                }

                private static IEnumerable<int> CancelForDentist(int dentistId, IEnumerable<int> ids) => ids;
            }
            """);
    }

    [Fact]
    public async Task Grant_ActorFlagBesideTheOtherFactsTest_IsReported()
    {
        await VerifyAsync("""
            using Clinic;
            public static class Grants
            {
                public static void Grant(Employee current, Role role)
                {
                    if ({|#0:current.IsAdmin()|} && ({|#1:role.RoleId < 2|} || {|#2:role.RoleId > 4|}))
                        throw new System.UnauthorizedAccessException("You may not grant this role.");
                }

                public static void Update(Employee current, Appointment appointment)
                {
                    if ({|#3:current.IsOnlyDentist()|} && {|#4:appointment.DentistId != current.EmployeeId|})
                        throw new System.UnauthorizedAccessException("Another dentist's appointment.");
                }
            }
            """,
            VerifyCS.Expected(0, "current.IsAdmin()", "policy 'role-grant-range'"),
            VerifyCS.Expected(1, "role.RoleId < 2", "policy 'role-grant-range'"),
            VerifyCS.Expected(2, "role.RoleId > 4", "policy 'role-grant-range'"),
            VerifyCS.Expected(3, "current.IsOnlyDentist()", "policy 'dentist-own-appointments'"),
            VerifyCS.Expected(4, "appointment.DentistId != current.EmployeeId", "policy 'dentist-own-appointments'"));
    }

    [Fact]
    public async Task Dispatch_FlagOfAFactThatIsNoActor_IsReportedAlone()
    {
        // A load's flag beside a truck's is the rule's own question about which loads it covers.
        await VerifyAsync("""
            using Clinic;
            public static class Dispatch
            {
                public static string Label(Load load) => {|#0:load.IsHazmat|} ? "needs an ADR truck" : "any truck";
            }
            """,
            VerifyCS.Expected(0, "load.IsHazmat", "policy 'hazmat-needs-adr'"));
    }
}
