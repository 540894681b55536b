using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.UngovernedDeclarationAnalyzer>;
using VerifyFix = PolicyAudit.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    PolicyAudit.Analyzers.UngovernedDeclarationAnalyzer,
    PolicyAudit.Analyzers.CodeFixes.UngovernedDeclarationCodeFixProvider>;

namespace PolicyAudit.Analyzers.Tests;

/// <summary>
/// PA0006 and its fix: Domain ← Policies ← App, where the Domain project must know what its policies govern. The
/// Domain is the harness's additional project "Store.Domain", referenced by the test project (the policies).
/// </summary>
public sealed class UngovernedDeclarationTests
{
    private const string DomainProject = "Store.Domain";

    private const string Domain = """
        using PolicyAudit;
        namespace Store
        {
            public sealed class Product
            {
                public int Stock { get; set; }

                [GovernedBy("sold-out")]
                public int Reserved { get; set; }

                [GovernedBy("other-policy")]
                public int Capacity { get; set; }

                public string Name { get; set; } = "";

                public int? Discount { get; set; }
            }
        }
        """;

    /// <summary>A policies project (<paramref name="markup"/>) referencing the Domain project above.</summary>
    private static VerifyCS.Test WithDomain(string markup)
    {
        var test = new VerifyCS.Test { TestCode = markup };
        test.TestState.AdditionalProjects[DomainProject].Sources.Add(Domain);
        test.TestState.AdditionalProjectReferences.Add(DomainProject);
        return test;
    }

    [Fact]
    public async Task Condition_TestsUnmarkedMemberOfReferencedProject_IsReported()
    {
        var test = WithDomain("""
            using PolicyAudit;
            using Store;
            [Policy("sold-out")]
            public sealed class SoldOut : Policy
            {
                public override void Define()
                {
                    Product product = null!;
                    When().Match(() => product, p => {|#0:p.Stock == 0|}, p => p.Reserved > 5, p => [|p.Capacity < 10|]);
                    Then().Deny("Sold out.");
                }
            }
            """);
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithMessage(
            "Policy 'sold-out' tests 'Product.Stock', but 'Store.Domain' does not know it is governed; mark the member [GovernedBy(\"sold-out\")] so that checks in 'Store.Domain' are reported"));

        await test.RunAsync();
    }

    [Fact]
    public async Task Condition_PresenceOfANullableAlone_IsAskedForAsNotNull()
    {
        var test = WithDomain("""
            using PolicyAudit;
            using Store;
            [Policy("one-discount")]
            public sealed class OneDiscount : Policy
            {
                public override void Define()
                {
                    Product product = null!;
                    When().Match(() => product, p => {|#0:p.Discount.HasValue|});
                    Then().Deny("The product is discounted already.");
                }
            }
            """);
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithMessage(
            "Policy 'one-discount' tests 'Product.Discount', but 'Store.Domain' does not know it is governed; mark the member [GovernedBy(\"one-discount\")] so that checks in 'Store.Domain' are reported"));

        await test.RunAsync();
    }

    [Fact]
    public async Task Condition_FlagBesideThresholdInOneLambda_AsksOnlyForTheThresholdWhileAFlagTestedAloneIsAskedFor()
    {
        // IsDraft only scopes the threshold, as the generator sees it: marking it would govern every listing by it.
        // IsArchived is tested alone, on another fact than the threshold's, so it is a test of its own.
        var test = new VerifyCS.Test
        {
            TestCode = """
                using PolicyAudit;
                using Events;
                [Policy("timing-changes")]
                public sealed class TimingChanges : Policy
                {
                    public override void Define()
                    {
                        Event e = null!;
                        Event previous = null!;
                        When().Match(() => e, x => !x.IsDraft && [|x.TimingChangeCount >= 2|])
                              .Match(() => previous, x => ![|x.IsArchived|]);
                        Then().Deny("Changed too often.");
                    }
                }
                """,
        };
        test.TestState.AdditionalProjects[DomainProject].Sources.Add("""
            namespace Events
            {
                public sealed class Event
                {
                    public bool IsDraft { get; set; }
                    public bool IsArchived { get; set; }
                    public int TimingChangeCount { get; set; }
                }
            }
            """);
        test.TestState.AdditionalProjectReferences.Add(DomainProject);

        await test.RunAsync();
    }

    [Fact]
    public async Task Condition_FlagInOnePatternThresholdOfSameFactInAnother_AsksOnlyForTheThreshold()
    {
        // SimplCommerce's stock policy: the flag in the product's Match, the threshold in the request's, read through
        // the captured product. The customer's flag beside the order's threshold is another fact's, so it is asked for.
        var test = new VerifyCS.Test
        {
            TestCode = """
                using PolicyAudit;
                using Conjoined;
                public sealed record AddToCartRequest(int ProductId, int Quantity);
                [Policy("stock-limit")]
                public sealed class StockLimit : Policy
                {
                    public override void Define()
                    {
                        Product product = null!;
                        AddToCartRequest request = null!;
                        When().Match(() => product, p => p.StockTrackingIsEnabled)
                              .Match(() => request, r => r.ProductId == product.Id && {|#0:r.Quantity > product.StockQuantity|});
                        Then().Deny("Not enough in stock.");
                    }
                }
                [Policy("vip-discount")]
                public sealed class VipDiscount : Policy
                {
                    public override void Define()
                    {
                        Customer customer = null!;
                        Order order = null!;
                        When().Match(() => customer, c => [|c.IsVip|]).Match(() => order, o => [|o.Total > 100|]);
                        Then().Deny("Only for VIPs.");
                    }
                }
                """,
        };
        test.TestState.AdditionalProjects[DomainProject].Sources.Add(Shapes.ConjoinedScopeFlagShapesTests.Domain);
        test.TestState.AdditionalProjectReferences.Add(DomainProject);
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithMessage(
            "Policy 'stock-limit' tests 'Product.StockQuantity', but 'Store.Domain' does not know it is governed; mark the member [GovernedBy(\"stock-limit\")] so that checks in 'Store.Domain' are reported"));

        await test.RunAsync();
    }

    [Fact]
    public async Task Condition_MarkedMemberSameCompilationFrameworkOrOutsideCondition_IsNotReported()
    {
        await WithDomain("""
            using System.Collections.Generic;
            using PolicyAudit;
            using Store;
            public sealed class Basket { public int Lines { get; set; } }

            [Policy("sold-out")]
            public sealed class SoldOut : Policy
            {
                public override void Define()
                {
                    Product product = null!;
                    Basket basket = null!;
                    List<int> list = null!;
                    When().Match(() => product, p => p.Reserved > 5)
                        .Match(() => basket, b => b.Lines > 3)
                        .Match(() => list, l => l.Count > 2);
                    Then().Deny(() => "Sold out: " + product.Name);
                }

                public static bool Helper(Product product) => product.Stock > 3;
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Condition_ReadsMemberAsAnArgument_AsksForItWithoutConditions()
    {
        // The generator carries product.Name (read inside Contains), so the Domain is asked to mark it too.
        var test = WithDomain("""
            using System.Collections.Generic;
            using PolicyAudit;
            using Store;
            public sealed record Entered(List<string> Names);

            [Policy("named-only")]
            public sealed class NamedOnly : Policy
            {
                public override void Define()
                {
                    Product product = null!;
                    Entered entered = null!;
                    When().Match(() => product)
                        .Match(() => entered, e => !e.Names.Contains(product.{|#0:Name|}));
                    Then().Deny("Not on the list.");
                }
            }
            """);
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithMessage(
            "Policy 'named-only' tests 'Product.Name', but 'Store.Domain' does not know it is governed; mark the member [GovernedBy(\"named-only\")] so that checks in 'Store.Domain' are reported"));

        await test.RunAsync();
    }

    [Fact]
    public async Task Condition_InsideQueryWhere_IsReportedOnce()
    {
        await WithDomain("""
            using System.Collections.Generic;
            using NRules.Fluent.Dsl;
            using PolicyAudit;
            using Store;
            [Policy("sold-out")]
            public sealed class SoldOut : Policy
            {
                public override void Define()
                {
                    IEnumerable<Product> empty = null!;
                    When().Query(() => empty, q => q.Match<Product>().Where(p => [|p.Stock == 0|]).Collect());
                    Then().Deny("Sold out.");
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Fix_MarksMemberInDeclaringProject_AndCheckThereIsThenReported()
    {
        // Before the fix the Domain's own sold-out check is silent (nothing tells the Domain that Stock is governed);
        // the fix marks Stock in the Domain project, after which PA0006 is gone and the check there is reported.
        await new VerifyFix.Test
        {
            ExpectedCodeActionCount = 1,

            // Fix-all in the policies document changes the Domain project: one iteration, which the harness, counting
            // changes to the primary project only, would otherwise expect to be none.
            NumberOfFixAllInDocumentIterations = 1,
            TestState =
            {
                Sources =
                {
                    """
                    using PolicyAudit;
                    using Store;
                    [Policy("sold-out")]
                    public sealed class SoldOut : Policy
                    {
                        public override void Define()
                        {
                            Product product = null!;
                            When().Match(() => product, p => [|p.Stock == 0|]);
                            Then().Deny("Sold out.");
                        }
                    }
                    """,
                },
                AdditionalProjects =
                {
                    [DomainProject] =
                    {
                        Sources =
                        {
                            """
                            using PolicyAudit;
                            namespace Store
                            {
                                public sealed class Product
                                {
                                    /// <summary>Units on the shelf.</summary>
                                    public int Stock { get; set; }

                                    public void Take()
                                    {
                                        if (Stock == 0) throw new System.InvalidOperationException("sold out");
                                    }
                                }
                            }
                            """,
                        },
                    },
                },
                AdditionalProjectReferences = { DomainProject },
            },
            FixedState =
            {
                // The policies project is unchanged (inherited, its PA0006 gone); without a source of its own the
                // harness would take the fixed state as "no fix expected" and not apply the fix at all.
                InheritanceMode = StateInheritanceMode.AutoInherit,
                MarkupHandling = MarkupMode.IgnoreFixable,
                AdditionalProjects =
                {
                    [DomainProject] =
                    {
                        Sources =
                        {
                            """
                            using PolicyAudit;
                            namespace Store
                            {
                                public sealed class Product
                                {
                                    /// <summary>Units on the shelf.</summary>
                                    [GovernedBy("sold-out", Conditions = "==0")]
                                    public int Stock { get; set; }

                                    public void Take()
                                    {
                                        if ({|#0:Stock == 0|}) throw new System.InvalidOperationException("sold out");
                                    }
                                }
                            }
                            """,
                        },
                    },
                },
                ExpectedDiagnostics =
                {
                    VerifyFix.Diagnostic("PA0001").WithLocation(0).WithArguments("Stock == 0", "policy 'sold-out'")
                        .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
                },
            },
        }.RunAsync();
    }

    [Fact]
    public async Task Fix_RecordPositionalProperty_MarksItsParameterForTheProperty()
    {
        // EventSourcing.NetCore: `record GuestStayAccount(Guid Id, decimal Balance = 0)`; the property is declared by
        // its parameter, so the mark targets the property from there.
        await new VerifyFix.Test
        {
            ExpectedCodeActionCount = 1,
            NumberOfFixAllInDocumentIterations = 1,
            TestState =
            {
                Sources =
                {
                    """
                    using PolicyAudit;
                    using Hotel;
                    [Policy("settled-balance")]
                    public sealed class SettledBalance : Policy
                    {
                        public override void Define()
                        {
                            GuestStayAccount account = null!;
                            When().Match(() => account, a => [|a.Balance != 0|]);
                            Then().Deny("Settle the balance first.");
                        }
                    }
                    """,
                },
                AdditionalProjects =
                {
                    [DomainProject] =
                    {
                        Sources =
                        {
                            """
                            using PolicyAudit;
                            namespace Hotel
                            {
                                public sealed record GuestStayAccount(System.Guid Id, decimal Balance = 0)
                                {
                                    public bool IsSettled => Balance == 0;
                                }
                            }
                            """,
                        },
                    },
                },
                AdditionalProjectReferences = { DomainProject },
            },
            FixedState =
            {
                InheritanceMode = StateInheritanceMode.AutoInherit,
                MarkupHandling = MarkupMode.IgnoreFixable,
                AdditionalProjects =
                {
                    [DomainProject] =
                    {
                        Sources =
                        {
                            """
                            using PolicyAudit;
                            namespace Hotel
                            {
                                public sealed record GuestStayAccount(System.Guid Id, [property: GovernedBy("settled-balance", Conditions = "!=0")] decimal Balance = 0)
                                {
                                    public bool IsSettled => {|#0:Balance == 0|};
                                }
                            }
                            """,
                        },
                    },
                },
                ExpectedDiagnostics =
                {
                    VerifyFix.Diagnostic("PA0001").WithLocation(0).WithArguments("Balance == 0", "policy 'settled-balance'")
                        .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
                },
            },
        }.RunAsync();
    }

    [Fact]
    public async Task Fix_InheritedMemberReadOnADerivedFact_RecordsTheFactType()
    {
        // Prowlarr: the policy reads the shared base's `Enable` on indexers; the mark says so, and a download
        // client's switch in the Domain is then not the policy's.
        await new VerifyFix.Test
        {
            ExpectedCodeActionCount = 1,
            NumberOfFixAllInDocumentIterations = 1,
            TestState =
            {
                Sources =
                {
                    """
                    using PolicyAudit;
                    using Providers;
                    [Policy("indexer-enabled")]
                    public sealed class IndexerEnabled : Policy
                    {
                        public override void Define()
                        {
                            IndexerDefinition indexer = null!;
                            When().Match(() => indexer, i => ![|i.Enable|]);
                            Then().Deny("The indexer is switched off.");
                        }
                    }
                    """,
                },
                AdditionalProjects =
                {
                    [DomainProject] =
                    {
                        Sources =
                        {
                            """
                            namespace Providers
                            {
                                public abstract class ProviderDefinition
                                {
                                    public bool Enable { get; set; }
                                }

                                public sealed class IndexerDefinition : ProviderDefinition
                                {
                                    public bool CanSearch() => Enable;
                                }

                                public sealed class DownloadClientDefinition : ProviderDefinition
                                {
                                    public bool CanDownload() => Enable;
                                }
                            }
                            """,
                        },
                    },
                },
                AdditionalProjectReferences = { DomainProject },
            },
            FixedState =
            {
                InheritanceMode = StateInheritanceMode.AutoInherit,
                MarkupHandling = MarkupMode.IgnoreFixable,
                AdditionalProjects =
                {
                    [DomainProject] =
                    {
                        Sources =
                        {
                            """
                            namespace Providers
                            {
                                public abstract class ProviderDefinition
                                {
                                    [PolicyAudit.GovernedBy("indexer-enabled", Conditions = "==false;@Providers.IndexerDefinition")]
                                    public bool Enable { get; set; }
                                }

                                public sealed class IndexerDefinition : ProviderDefinition
                                {
                                    public bool CanSearch() => {|#0:Enable|};
                                }

                                public sealed class DownloadClientDefinition : ProviderDefinition
                                {
                                    public bool CanDownload() => Enable;
                                }
                            }
                            """,
                        },
                    },
                },
                ExpectedDiagnostics =
                {
                    VerifyFix.Diagnostic("PA0001").WithLocation(0).WithArguments("Enable", "policy 'indexer-enabled'")
                        .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
                },
            },
        }.RunAsync();
    }

    [Fact]
    public async Task Fix_OwnershipMatch_MarksTheOwnedKeyWithTheOwnerTestAndTheDomainsCheckIsReported()
    {
        // auctionhouse, Valour: only the owner may change an auction. The user's id is who asks and is not asked for;
        // the auction's key is marked for the match, so the Domain's own owner check is reported.
        await new VerifyFix.Test
        {
            ExpectedCodeActionCount = 1,
            NumberOfFixAllInDocumentIterations = 1,
            TestState =
            {
                Sources =
                {
                    """
                    using PolicyAudit;
                    using Auctions;
                    [Policy("owner-edits")]
                    public sealed class OwnerEdits : Policy
                    {
                        public override void Define()
                        {
                            Auction auction = null!;
                            User user = null!;
                            When().Match(() => auction).Match(() => user, u => [|u.Id != auction.OwnerId|]);
                            Then().Deny("Only the owner may edit an auction.");
                        }
                    }
                    """,
                },
                AdditionalProjects =
                {
                    [DomainProject] =
                    {
                        Sources =
                        {
                            """
                            namespace Auctions
                            {
                                public sealed class User
                                {
                                    public int Id { get; set; }
                                }

                                public sealed class Auction
                                {
                                    public int OwnerId { get; set; }

                                    public bool IsOwnedBy(int userId) => OwnerId == userId;
                                }
                            }
                            """,
                        },
                    },
                },
                AdditionalProjectReferences = { DomainProject },
            },
            FixedState =
            {
                InheritanceMode = StateInheritanceMode.AutoInherit,
                MarkupHandling = MarkupMode.IgnoreFixable,
                AdditionalProjects =
                {
                    [DomainProject] =
                    {
                        Sources =
                        {
                            """
                            namespace Auctions
                            {
                                public sealed class User
                                {
                                    public int Id { get; set; }
                                }

                                public sealed class Auction
                                {
                                    [PolicyAudit.GovernedBy("owner-edits", Conditions = "!=owner")]
                                    public int OwnerId { get; set; }

                                    public bool IsOwnedBy(int userId) => {|#0:OwnerId == userId|};
                                }
                            }
                            """,
                        },
                    },
                },
                ExpectedDiagnostics =
                {
                    VerifyFix.Diagnostic("PA0001").WithLocation(0).WithArguments("OwnerId == userId", "policy 'owner-edits'")
                        .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
                },
            },
        }.RunAsync();
    }
    [Fact]
    public async Task Fix_TestInsideACountedQuery_MarksTheMemberWithTheCountItem()
    {
        // A library's loan limit: the loan's state only chooses what the query counts, so the fix writes `#count`, and the
        // Domain's listing of active loans is not reported while its count is.
        await new VerifyFix.Test
        {
            ExpectedCodeActionCount = 1,
            NumberOfFixAllInDocumentIterations = 1,
            TestState =
            {
                Sources =
                {
                    """
                    using System.Collections.Generic;
                    using System.Linq;
                    using NRules.Fluent.Dsl;
                    using PolicyAudit;
                    using Lending;
                    [Policy("loan-limit")]
                    public sealed class LoanLimit : Policy
                    {
                        public override void Define()
                        {
                            Member member = null!;
                            IEnumerable<Loan> loans = null!;
                            When().Match(() => member)
                                  .Query(() => loans, q => q.Match<Loan>(l => l.MemberId == member.Id, l => [|l.Active|]).Collect().Where(c => c.Count() >= 5));
                            Then().Deny("At most five loans.");
                        }
                    }
                    """,
                },
                AdditionalProjects =
                {
                    [DomainProject] =
                    {
                        Sources =
                        {
                            """
                            using System.Collections.Generic;
                            using System.Linq;
                            namespace Lending
                            {
                                public sealed class Member
                                {
                                    public int Id { get; set; }
                                    public List<Loan> Loans { get; } = new();

                                    public bool HasActive() => Loans.Any(l => l.Active);

                                    public bool AtLimit() => Loans.Count(l => l.Active) >= 5;
                                }

                                public sealed class Loan
                                {
                                    public int MemberId { get; set; }
                                    public bool Active { get; set; }
                                }
                            }
                            """,
                        },
                    },
                },
                AdditionalProjectReferences = { DomainProject },
            },
            FixedState =
            {
                InheritanceMode = StateInheritanceMode.AutoInherit,
                MarkupHandling = MarkupMode.IgnoreFixable,
                AdditionalProjects =
                {
                    [DomainProject] =
                    {
                        Sources =
                        {
                            """
                            using System.Collections.Generic;
                            using System.Linq;
                            namespace Lending
                            {
                                public sealed class Member
                                {
                                    public int Id { get; set; }
                                    public List<Loan> Loans { get; } = new();

                                    public bool HasActive() => Loans.Any(l => l.Active);

                                    public bool AtLimit() => Loans.Count({|#0:l => l.Active|}) >= 5;
                                }

                                public sealed class Loan
                                {
                                    public int MemberId { get; set; }
                                    [PolicyAudit.GovernedBy("loan-limit", Conditions = "==true;#count")]
                                    public bool Active { get; set; }
                                }
                            }
                            """,
                        },
                    },
                },
                ExpectedDiagnostics =
                {
                    VerifyFix.Diagnostic("PA0001").WithLocation(0).WithArguments("l => l.Active", "policy 'loan-limit'")
                        .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
                },
            },
        }.RunAsync();
    }
}
