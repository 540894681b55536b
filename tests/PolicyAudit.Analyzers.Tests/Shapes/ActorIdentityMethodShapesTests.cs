using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a rentals platform (docs/analyzer-evaluation.md, twelfth round): the signed-in user is a current-user
/// service with no id property, so policies and code alike ask it by a method (<c>user.GetUserIdAsInt()</c>).
/// </summary>
public sealed class ActorIdentityMethodShapesTests
{
    private const string Domain = """
        namespace Rentals
        {
            public sealed class Property { public int PropertyId { get; set; } public int OwnerId { get; set; } }
            public sealed class Booking { public int BookingId { get; set; } public int UserId { get; set; } public Property? Property { get; set; } }
            public interface ICurrentUserService { bool IsDesktop { get; } int? GetUserIdAsInt(); }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Rentals;
        namespace Rentals.Policies
        {
            [Policy("property-owner-only")]
            public sealed class PropertyOwnerOnly : Policy
            {
                public override void Define()
                {
                    ICurrentUserService user = null!;
                    Property property = null!;
                    When().Match(() => user)
                          .Match(() => property, p => p.OwnerId != user.GetUserIdAsInt());
                    Then().Deny("This property belongs to another owner.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    [Fact]
    public async Task Approve_OwnerComparedWithTheIdTheServiceAnswers_IsReported()
    {
        await VerifyAsync("""
            using Rentals;
            public sealed class Approvals
            {
                private readonly ICurrentUserService _currentUser;
                public Approvals(ICurrentUserService currentUser) => _currentUser = currentUser;

                public void Approve(Booking booking)
                {
                    if (booking.Property == null || {|#0:booking.Property.OwnerId != _currentUser.GetUserIdAsInt()|})
                        throw new System.Collections.Generic.KeyNotFoundException("Booking not found");
                }

                public void Reject(Booking booking)
                {
                    var ownerId = _currentUser.GetUserIdAsInt();
                    if (!ownerId.HasValue || {|#1:booking.Property!.OwnerId != ownerId.Value|})
                        throw new System.InvalidOperationException("Not your property.");
                }
            }
            """,
            VerifyCS.Expected(0, "booking.Property.OwnerId != _currentUser.GetUserIdAsInt()", "policy 'property-owner-only'"),
            VerifyCS.Expected(1, "booking.Property!.OwnerId != ownerId.Value", "policy 'property-owner-only'"));
    }

    [Fact]
    public async Task Find_PropertyLookedUpByItsOwnId_IsNotReported()
    {
        await VerifyAsync("""
            using Rentals;
            public static class Lookup
            {
                public static Property Find(System.Collections.Generic.IEnumerable<Property> properties, ICurrentUserService user)
                {
                    foreach (var property in properties)
                    {
                        if (property.PropertyId == user.GetUserIdAsInt())
                            return property;
                    }

                    throw new System.Collections.Generic.KeyNotFoundException("No such property");
                }
            }
            """);
    }
}
