using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a rentals platform (docs/analyzer-evaluation.md, twelfth round): a search service's filter method
/// narrows the query it was given step by step (<c>query = query.Where(..)</c>) and hands it back; what a page lists is
/// composed there, nothing is refused. A caller's answer from the same kind of query stays reported.
/// </summary>
public sealed class ComposedSearchFilterShapesTests
{
    private const string Domain = """
        using System;
        namespace Rentals
        {
            public enum PropertyStatus { Available, Occupied, UnderMaintenance }

            public sealed class Property
            {
                public int Id { get; set; }
                public bool IsUnderMaintenance { get; set; }
                public DateOnly? UnavailableFrom { get; set; }
                public DateOnly? UnavailableTo { get; set; }
            }

            public sealed class PropertySearch
            {
                public bool? AvailableOnly { get; set; }
                public PropertyStatus? Status { get; set; }
            }
        }
        """;

    private const string Policies = """
        using System;
        using PolicyAudit;
        using Rentals;
        namespace Rentals.Policies
        {
            [Policy("property-availability")]
            public sealed class PropertyAvailability : Policy
            {
                public override void Define()
                {
                    Property property = null!;
                    When().Match(() => property, p => p.IsUnderMaintenance || p.UnavailableFrom <= DateOnly.FromDateTime(DateTime.UtcNow));
                    Then().Deny("The property is not available.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    [Fact]
    public async Task AddFilter_QueryNarrowedAndHandedBack_IsNotReported()
    {
        await VerifyAsync("""
            using System;
            using System.Linq;
            using Rentals;
            public sealed class PropertyService
            {
                protected IQueryable<Property> AddFilter(IQueryable<Property> query, PropertySearch search)
                {
                    if (search.AvailableOnly == true)
                    {
                        var now = DateOnly.FromDateTime(DateTime.UtcNow);
                        query = query.Where(p => !p.IsUnderMaintenance && !(p.UnavailableFrom.HasValue && p.UnavailableFrom.Value <= now));
                    }

                    return query;
                }
            }
            """);
    }

    [Fact]
    public async Task Late_FilterAlwaysApplied_IsReported()
    {
        await VerifyAsync("""
            using System;
            using System.Linq;
            using Rentals;
            public static class Listings
            {
                public static IQueryable<Property> Closed(IQueryable<Property> query)
                {
                    var now = DateOnly.FromDateTime(DateTime.UtcNow);
                    query = query.Where(p => {|#0:p.UnavailableFrom <= now|});
                    return query;
                }
            }
            """,
            VerifyCS.Expected(0, "p.UnavailableFrom <= now", "policy 'property-availability'"));
    }

    [Fact]
    public async Task Book_SameQueryAnswered_IsReported()
    {
        await VerifyAsync("""
            using System;
            using System.Linq;
            using Rentals;
            public sealed class BookingService
            {
                public void Book(IQueryable<Property> properties, int id)
                {
                    var now = DateOnly.FromDateTime(DateTime.UtcNow);
                    if (properties.Any(p => p.Id == id && ({|#0:p.IsUnderMaintenance|} || {|#1:p.UnavailableFrom <= now|})))
                        throw new InvalidOperationException("The property is not available.");
                }
            }
            """,
            VerifyCS.Expected(0, "p.IsUnderMaintenance", "policy 'property-availability'"),
            VerifyCS.Expected(1, "p.UnavailableFrom <= now", "policy 'property-availability'"));
    }
}
