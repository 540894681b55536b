using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a gym's booking system (docs/analyzer-evaluation.md, fifteenth round): its services hand back the
/// packages on sale and the classes still to come as rows of another type
/// (<c>return packages.Where(p =&gt; p.IsActive).Select(MapToDto);</c>). A filter whose rows are projected and returned
/// picks what a page lists. A query that answers (<c>Any</c>), and rows the method goes on to act on, stay reported.
/// </summary>
public sealed class DisplayListingShapesTests
{
    private const string Domain = """
        using System;
        namespace Gym
        {
            public sealed class Package
            {
                public int Id { get; set; }
                public bool IsActive { get; set; }
            }

            public sealed class GymClass
            {
                public int Id { get; set; }
                public DateTime StartTime { get; set; }
            }

            public sealed record PackageDto(int Id);

            public sealed record ClassDto(int Id);
        }
        """;

    private const string Policies = """
        using System;
        using PolicyAudit;
        using Gym;
        namespace Gym.Policies
        {
            [Policy("package-on-sale")]
            public sealed class PackageOnSale : Policy
            {
                public override void Define()
                {
                    Package package = null!;
                    When().Match(() => package, p => !p.IsActive);
                    Then().Deny("This package is not on sale.");
                }
            }

            [Policy("class-not-started")]
            public sealed class ClassNotStarted : Policy
            {
                public override void Define()
                {
                    GymClass gymClass = null!;
                    When().Match(() => gymClass, c => c.StartTime <= DateTime.UtcNow);
                    Then().Deny("The class has started.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    [Fact]
    public async Task FilterOfRowsProjectedAndReturned_IsNotReported()
    {
        await VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Gym;
            public sealed class Catalog(List<Package> packages, List<GymClass> classes)
            {
                public IEnumerable<PackageDto> OnSale() => packages.Where(p => p.IsActive).Select(MapToDto);

                public List<ClassDto> Upcoming()
                {
                    var rows = classes.Where(c => c.StartTime > DateTime.UtcNow).Select(c => new ClassDto(c.Id)).ToList();
                    return rows;
                }

                private static PackageDto MapToDto(Package package) => new(package.Id);
            }
            """);
    }

    [Fact]
    public async Task ProjectedFilterThatAnswersOrIsActedOn_IsReported()
    {
        await VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Gym;
            public sealed class Catalog(List<Package> packages, List<GymClass> classes)
            {
                public bool AnyOnSale() => packages.Where({|#0:p => p.IsActive|}).Select(p => new PackageDto(p.Id)).Any();

                public int Remind()
                {
                    var sent = 0;
                    foreach (var row in classes.Where(c => {|#1:c.StartTime > DateTime.UtcNow|}).Select(c => new ClassDto(c.Id)))
                    {
                        sent += row.Id;
                    }

                    return sent;
                }
            }
            """,
            VerifyCS.Expected(0, "p => p.IsActive", "policy 'package-on-sale'"),
            VerifyCS.Expected(1, "c.StartTime > DateTime.UtcNow", "policy 'class-not-started'"));
    }
}
