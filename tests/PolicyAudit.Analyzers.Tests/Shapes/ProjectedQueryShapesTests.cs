using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a gym's client repository (docs/analyzer-evaluation.md, tenth round): inside a query's projection,
/// a nested query whose predicate tests a governed flag picks what the row shows
/// (<c>MembershipName = c.Memberships.Where(m =&gt; m.IsActive).Select(m =&gt; m.Name).FirstOrDefault()</c>); the same
/// nested query deciding a branch is the policy's check.
/// </summary>
public sealed class ProjectedQueryShapesTests
{
    private const string Domain = """
        using System.Collections.Generic;
        namespace Gym
        {
            public sealed class Membership
            {
                public string Name { get; set; } = "";
                public bool IsActive { get; set; }
            }

            public sealed class Client
            {
                public string LastName { get; set; } = "";
                public List<Membership> Memberships { get; set; } = new();
            }

            public sealed record ClientCard(string LastName, string? MembershipName, bool CanBook);

            public sealed class ClientRow
            {
                public string LastName { get; set; } = "";
                public string? MembershipName { get; set; }
                public bool CanBook { get; set; }
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Gym;
        namespace Gym.Policies
        {
            [Policy("booking-needs-membership")]
            public sealed class BookingNeedsMembership : Policy
            {
                public override void Define()
                {
                    Membership membership = null!;
                    When().Match(() => membership, m => !m.IsActive);
                    Then().Deny("An active membership is needed to book.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    [Fact]
    public async Task Projection_NestedQueryPicksWhatTheRowShows_IsNotReported()
    {
        await VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Gym;
            public static class ClientList
            {
                public static List<ClientRow> Rows(IQueryable<Client> clients) => clients
                    .Select(c => new ClientRow
                    {
                        LastName = c.LastName,
                        MembershipName = c.Memberships.Where(m => m.IsActive).Select(m => m.Name).FirstOrDefault(),
                        CanBook = c.Memberships.Any(m => m.IsActive),
                    })
                    .ToList();
            }
            """);
    }

    [Fact]
    public async Task Projection_TestPassedToTheRowsConstructor_IsNotReported()
    {
        // Measured on a subscription service's read queries (sixteenth round): positional records as rows.
        await VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Gym;
            public static class ClientCards
            {
                public static List<ClientCard> Cards(IQueryable<Client> clients) => clients
                    .Select(c => new ClientCard(
                        c.LastName,
                        c.Memberships.Where(m => m.IsActive).Select(m => m.Name).FirstOrDefault(),
                        c.Memberships.Any(m => m.IsActive)))
                    .ToList();
            }
            """);
    }

    [Fact]
    public async Task Book_NestedQueryDecidesTheBranch_IsReported()
    {
        await VerifyAsync("""
            using System;
            using System.Linq;
            using Gym;
            public static class Bookings
            {
                public static void Book(Client client)
                {
                    if (!client.Memberships.Any({|#0:m => m.IsActive|}))
                    {
                        throw new InvalidOperationException("An active membership is needed.");
                    }
                }
            }
            """,
            VerifyCS.Expected(0, "m => m.IsActive", "policy 'booking-needs-membership'"));
    }
}
