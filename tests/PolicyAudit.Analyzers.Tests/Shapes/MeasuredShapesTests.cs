using Microsoft.CodeAnalysis.Testing;
using PolicyAudit.Analyzers.Tests.Verifiers;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;
using VerifyFix = PolicyAudit.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer, PolicyAudit.Analyzers.CodeFixes.HardCodedPolicyCheckCodeFixProvider>;
using VerifyGenerator = PolicyAudit.Analyzers.Tests.Verifiers.CSharpSourceGeneratorVerifier;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// The shapes the evaluation on real code (docs/analyzer-evaluation.md) found PA0001 getting wrong: join keys in a
/// condition governed every lookup by id, and checks made on a carried copy of a governed value (a view model, a
/// business-rule object, a helper's parameter) were missed. Also the navigation members a condition reaches through.
/// </summary>
public sealed class MeasuredShapesTests
{
    private const string Domain = """
        using System;

        namespace Measured
        {
            public enum Tier { Basic, Gold }

            public sealed class Customer
            {
                public long Id { get; set; }
                public Tier Tier { get; set; }
                public string Name { get; set; } = "";
            }

            public sealed class Order
            {
                public long Id { get; set; }
                public Customer Customer { get; set; } = new();
            }

            public sealed class Product
            {
                public long Id { get; set; }
                public int StockQuantity { get; set; }
                public bool IsPublished { get; set; }
                public bool IsAllowToOrder { get; set; }
                public DateTime? SaleEnd { get; set; }
                public decimal Price { get; set; }
            }

            public sealed class MeetingLimits
            {
                public int GuestsLimit { get; set; }
            }
        }
        """;

    private const string Policies = """
        using System;
        using PolicyAudit;
        using Measured;

        namespace Measured.Policies
        {
            public sealed record QuantityRequest(long ProductId, int Quantity);

            public sealed record GuestRequest(int Guests);

            [Policy("stock-limit")]
            public sealed class StockLimit : Policy
            {
                public override void Define()
                {
                    Product product = null!;
                    QuantityRequest request = null!;
                    When().Match(() => product)
                          .Match(() => request, r => r.ProductId == product.Id && product.StockQuantity < r.Quantity);
                    Then().Deny("Not enough in stock.");
                }
            }

            [Policy("orderable-only")]
            public sealed class OrderableOnly : Policy
            {
                public override void Define()
                {
                    Product product = null!;
                    When().Match(() => product, p => !p.IsAllowToOrder || !p.IsPublished);
                    Then().Deny("Not for sale.");
                }
            }

            [Policy("sale-window")]
            public sealed class SaleWindow : Policy
            {
                public override void Define()
                {
                    Product product = null!;
                    When().Match(() => product, p => p.SaleEnd < DateTime.UtcNow);
                    Then().Deny("The sale is over.");
                }
            }

            [Policy("guests-limit")]
            public sealed class GuestsLimit : Policy
            {
                public override void Define()
                {
                    MeetingLimits limits = null!;
                    GuestRequest request = null!;
                    When().Match(() => limits).Match(() => request, g => g.Guests > limits.GuestsLimit);
                    Then().Deny("Too many guests.");
                }
            }

            [Policy("gold-perks")]
            public sealed class GoldPerks : Policy
            {
                public override void Define()
                {
                    Order order = null!;
                    When().Match(() => order, o => o.Customer.Tier == Tier.Gold);
                    Then().Allow("Gold customers get the perk.");
                }
            }
        }
        """;

    /// <summary>A value object and two policies that share its member: a limit (<c>&lt;</c>) and a zero threshold (<c>!= 0</c>).</summary>
    private const string Bank = """
        using System;
        using PolicyAudit;

        namespace Bank
        {
            public readonly struct Money : IEquatable<Money>, IComparable<Money>
            {
                public Money(decimal amount) => Amount = amount;

                public decimal Amount { get; }

                public bool IsZero() => {|#9:this.Amount == 0|};

                public bool Equals(Money other) => this.Amount == other.Amount;

                public override bool Equals(object? obj) => obj is Money other && other.Amount == this.Amount;

                public override int GetHashCode() => this.Amount == 0 ? 0 : this.Amount.GetHashCode();

                public int CompareTo(Money other) => this.Amount < other.Amount ? -1 : this.Amount > other.Amount ? 1 : 0;

                public static bool operator ==(Money left, Money right) => left.Amount == right.Amount;

                public static bool operator !=(Money left, Money right) => left.Amount != right.Amount;

                public static bool operator <(Money left, Money right) => left.Amount < right.Amount;

                public static bool operator >(Money left, Money right) => left.Amount > right.Amount;
            }

            public sealed class Account
            {
                public Money Balance { get; set; }
            }

            public sealed record WithdrawalRequest(decimal Amount);

            [Policy("no-overdraft")]
            public sealed class NoOverdraft : Policy
            {
                public override void Define()
                {
                    Account account = null!;
                    WithdrawalRequest request = null!;
                    When().Match(() => account).Match(() => request, w => account.Balance.Amount < w.Amount);
                    Then().Deny("Insufficient funds.");
                }
            }

            [Policy("close-with-zero-balance")]
            public sealed class CloseWithZeroBalance : Policy
            {
                public override void Define()
                {
                    Account account = null!;
                    When().Match(() => account, a => a.Balance.Amount != 0);
                    Then().Deny("The account still holds money.");
                }
            }
        }
        """;

    private static VerifyCS.Test WithMeasured(string markup)
    {
        var test = new VerifyCS.Test { TestCode = markup };
        test.TestState.Sources.Add(Domain);
        test.TestState.Sources.Add(Policies);
        return test;
    }

    private static Task VerifyAsync(string markup) => WithMeasured(markup).RunAsync();

    /// <summary>A PA0001 at markup location <paramref name="marker"/> naming <paramref name="policies"/>.</summary>
    private static DiagnosticResult Expected(int marker, string code, string policies) =>
        VerifyCS.Diagnostic().WithLocation(marker).WithArguments(code, policies).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    /// <summary>What the generator writes for <see cref="Policies"/>: the thresholds and flags, never the join keys or navigations.</summary>
    private const string GeneratedForPolicies = """
        // <auto-generated/>
        // Members governed by this assembly's policies, for the PolicyAudit analyzer in referencing projects.
        [assembly: global::PolicyAudit.GovernedMember("P:Measured.Customer.Tier", "gold-perks", Conditions = "==1")]
        [assembly: global::PolicyAudit.GovernedMember("P:Measured.MeetingLimits.GuestsLimit", "guests-limit", Conditions = "<")]
        [assembly: global::PolicyAudit.GovernedMember("P:Measured.Policies.GuestRequest.Guests", "guests-limit", Conditions = ">")]
        [assembly: global::PolicyAudit.GovernedMember("P:Measured.Policies.QuantityRequest.Quantity", "stock-limit", Conditions = ">")]
        [assembly: global::PolicyAudit.GovernedMember("P:Measured.Product.IsAllowToOrder", "orderable-only", Conditions = "==false")]
        [assembly: global::PolicyAudit.GovernedMember("P:Measured.Product.IsPublished", "orderable-only", Conditions = "==false")]
        [assembly: global::PolicyAudit.GovernedMember("P:Measured.Product.SaleEnd", "sale-window", Conditions = "<")]
        [assembly: global::PolicyAudit.GovernedMember("P:Measured.Product.StockQuantity", "stock-limit", Conditions = "<")]

        """;

    [Fact]
    public async Task Generate_JoinOnIdsAndNavigation_GovernsThresholdsAndReachedMembersOnly()
    {
        // r.ProductId == product.Id matches two facts up: neither key is governed. o.Customer only reaches Tier.
        await VerifyGenerator.VerifyGeneratedAsync(GeneratedForPolicies, Domain, Policies);
    }

    [Fact]
    public async Task Generate_HasValueGuardInCondition_RecordsOnlyTheComparison()
    {
        // `c.Cap.HasValue` guards the comparison; it is not a test `Cap == true`, which the Conditions used to carry.
        await new VerifyGenerator.Test
        {
            TestState =
            {
                Sources =
                {
                    """
                    namespace Caps { public sealed class Team { public int? Cap { get; set; } } }
                    """,
                    """
                    using PolicyAudit;
                    using Caps;
                    [Policy("team-cap")]
                    public sealed class TeamCap : Policy
                    {
                        public override void Define()
                        {
                            Team team = null!;
                            When().Match(() => team, t => t.Cap.HasValue && t.Cap.Value < 5);
                            Then().Deny("Small teams only.");
                        }
                    }
                    """,
                },
                GeneratedSources =
                {
                    VerifyGenerator.Generated("""
                        // <auto-generated/>
                        // Members governed by this assembly's policies, for the PolicyAudit analyzer in referencing projects.
                        [assembly: global::PolicyAudit.GovernedMember("P:Caps.Team.Cap", "team-cap", Conditions = "<5")]

                        """),
                },
            },
        }.RunAsync();
    }

    [Fact]
    public async Task JoinKeys_LookupsById_AreNotReportedWhileTheThresholdIs()
    {
        await VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Measured;
            public static class Stock
            {
                public static Product? Find(IEnumerable<Product> products, long id) => products.FirstOrDefault(p => p.Id == id);

                public static bool Same(Product a, Product b) => a.Id == b.Id;

                public static string Take(Product product, int quantity)
                {
                    if ([|product.StockQuantity < quantity|]) return "short";
                    return "ok";
                }
            }
            """);
    }

    [Fact]
    public async Task CarriedIntoViewModel_CheckOnTheCopy_IsReported()
    {
        await VerifyAsync("""
            using Measured;
            public sealed class LineVm
            {
                public int StockCopy { get; set; }
                public bool Orderable { get; set; }
                public int Quantity { get; set; }
                public decimal Total { get; set; }
            }

            public static class Cart
            {
                public static LineVm Map(Product product, int quantity) => new LineVm
                {
                    StockCopy = product.StockQuantity,
                    // Deciding availability while filling the view model is itself the check, as before.
                    Orderable = [|product.IsAllowToOrder|] && [|product.IsPublished|],
                    Quantity = quantity,
                    Total = product.Price * quantity,
                };

                public static string? Check(LineVm line)
                {
                    if ([|!line.Orderable|]) return "not for sale";
                    if ([|line.StockCopy < line.Quantity|]) return "short";
                    return null;
                }
            }
            """);
    }

    [Fact]
    public async Task CarriedIntoViewModel_EngineInScope_OffersNoCodeFix()
    {
        // Evaluate(line) would ask the engine about the view model, not the product the policy decides on.
        const string code = """
            using Measured;
            using PolicyAudit;
            public sealed class LineVm
            {
                public int StockCopy { get; set; }
            }

            public sealed class Cart(IPolicyEngine engine)
            {
                public IPolicyEngine Engine { get; } = engine;

                public static LineVm Map(Product product) => new LineVm { StockCopy = product.StockQuantity };

                public bool Low(LineVm line) => [|line.StockCopy < 5|];
            }
            """;
        var test = new VerifyFix.Test { TestCode = code, FixedCode = code };
        test.TestState.Sources.Add(Domain);
        test.TestState.Sources.Add(Policies);
        test.FixedState.Sources.Add(Domain);
        test.FixedState.Sources.Add(Policies);

        await test.RunAsync();
    }

    [Fact]
    public async Task ViewModelFilledWithComputedOrOwnValues_CheckOnIt_IsNotReported()
    {
        await VerifyAsync("""
            using Measured;
            public sealed class LineVm
            {
                public int Quantity { get; set; }
                public decimal Total { get; set; }
            }

            public static class Cart
            {
                public static LineVm Map(Product product, int quantity) => new LineVm { Quantity = quantity, Total = product.Price * quantity };

                public static string? Check(LineVm line)
                {
                    if (line.Total > 100m) return "big";
                    if (line.Quantity > 10) return "many";
                    return null;
                }
            }
            """);
    }

    [Fact]
    public async Task CarriedIntoRuleObject_FieldComparedInTheRule_IsReportedNamingTheOriginalPolicy()
    {
        var test = WithMeasured("""
            using Measured;
            public sealed class GuestsAboveLimitRule
            {
                private readonly int _limit;
                private readonly int _guests;

                public GuestsAboveLimitRule(int limit, int guests)
                {
                    _limit = limit;
                    _guests = guests;
                }

                public bool IsBroken() => {|#0:_limit < _guests|};
            }

            public sealed class Meeting
            {
                private readonly MeetingLimits _limits = new();

                public bool CanAdd(int guests) => !new GuestsAboveLimitRule(_limits.GuestsLimit, guests).IsBroken();
            }
            """);
        test.ExpectedDiagnostics.Add(Expected(0, "_limit < _guests", "policy 'guests-limit'"));

        await test.RunAsync();
    }

    [Fact]
    public async Task RuleObjectBuiltFromArguments_FieldComparedInTheRule_IsNotReported()
    {
        await VerifyAsync("""
            public sealed class TooManyGuestsRule
            {
                private readonly int _guests;

                public TooManyGuestsRule(int guests) => _guests = guests;

                public bool IsBroken() => _guests > 50;
            }

            public static class Meeting
            {
                public static bool CanAdd(int requested) => !new TooManyGuestsRule(requested).IsBroken();
            }
            """);
    }

    [Fact]
    public async Task CarriedIntoHelperParameter_ParameterCompared_IsReported()
    {
        var test = WithMeasured("""
            using System;
            using Measured;
            public static class Pricing
            {
                public static decimal Price(Product product) => Calculate(product.Price, product.SaleEnd);

                private static decimal Calculate(decimal price, DateTime? saleEnd) =>
                    {|#0:saleEnd > DateTime.UtcNow|} ? price * 0.9m : price;
            }
            """);
        test.ExpectedDiagnostics.Add(Expected(0, "saleEnd > DateTime.UtcNow", "policy 'sale-window'"));

        await test.RunAsync();
    }

    [Fact]
    public async Task HelperParameterPassedOtherValues_ParameterCompared_IsNotReported()
    {
        await VerifyAsync("""
            using System;
            public static class Pricing
            {
                public static decimal Price(decimal price) => Calculate(price, DateTime.UtcNow.AddDays(1));

                private static decimal Calculate(decimal price, DateTime? until) => until > DateTime.UtcNow ? price * 0.9m : price;
            }
            """);
    }

    [Fact]
    public async Task CarriedFromMemberMarkedInReferencedDomain_CheckOnTheCopy_IsReported()
    {
        // Domain <- App with no Policies reference: the App learns what is governed only from [GovernedBy].
        var domain = TestFramework.Net100.CompileReference("Domain", ["""
            using PolicyAudit;
            namespace Layered
            {
                public sealed class Product
                {
                    [GovernedBy("stock-limit")]
                    public int StockQuantity { get; set; }
                }
            }
            """]);

        var test = new VerifyCS.Test
        {
            TestCode = """
            using Layered;
            public sealed class LineVm
            {
                public int StockCopy { get; set; }
                public int Quantity { get; set; }
            }

            public static class Cart
            {
                public static LineVm Map(Product product, int quantity) => new LineVm { StockCopy = product.StockQuantity, Quantity = quantity };

                public static bool Short(LineVm line) => [|line.StockCopy < line.Quantity|];
            }
            """,
        };
        test.TestState.AdditionalReferences.Add(domain);

        await test.RunAsync();
    }

    [Fact]
    public async Task ValueObjectEqualityMembers_ComparingTheirParts_AreNotReportedWhileItsZeroTestIs()
    {
        // Equals, GetHashCode, CompareTo and the operators compare the value's parts: structural, not a policy. Money.IsZero
        // is the zero threshold of close-with-zero-balance, written in the value object.
        var test = new VerifyCS.Test { TestCode = Bank };
        test.ExpectedDiagnostics.Add(Expected(9, "this.Amount == 0", "policy 'close-with-zero-balance'"));

        await test.RunAsync();
    }

    [Fact]
    public async Task SharedThresholdOtherOperator_Message_NamesEveryPolicySharingEither()
    {
        // `- amount < 0` shares 0 with close-with-zero-balance and `<` with no-overdraft: neither is the same test, so both
        // are named; `!= 0` is close-with-zero-balance's own test.
        var test = new VerifyCS.Test
        {
            TestCode = """
                using Bank;
                public static class Teller
                {
                    public static bool Overdrawn(Account account, decimal amount) => {|#0:account.Balance.Amount - amount < 0|};

                    public static bool CanClose(Account account) => !({|#1:account.Balance.Amount != 0|});
                }
                """,
        };
        test.TestState.Sources.Add(Bank);
        test.ExpectedDiagnostics.Add(Expected(0, "account.Balance.Amount - amount < 0", "policies 'close-with-zero-balance' and 'no-overdraft'"));
        test.ExpectedDiagnostics.Add(Expected(1, "account.Balance.Amount != 0", "policy 'close-with-zero-balance'"));
        test.ExpectedDiagnostics.Add(Expected(9, "this.Amount == 0", "policy 'close-with-zero-balance'"));

        await test.RunAsync();
    }

    [Fact]
    public async Task NavigationMember_UsedToReachOrCompareEntities_IsNotReportedWhileTheReachedMemberIs()
    {
        await VerifyAsync("""
            using Measured;
            public static class Perks
            {
                public static bool Gold(Order order) => [|order.Customer.Tier == Tier.Gold|];

                public static bool SameCustomer(Order order, Customer other) => order.Customer == other || order.Customer.Equals(other);

                public static bool HasCustomer(Order order) => order.Customer is not null;

                public static string Who(Order order) => order.Customer.Name;
            }
            """);
    }

    [Fact]
    public async Task EqualityWithValueAssignedByOwnHelper_IsNotReportedWhileReadingOrShadowingHelpersAre()
    {
        // EventHub's Event.SetTime returns early when the times are unchanged and leaves the write to SetTimeInternal.
        // A helper that only reads the value (Announce), or writes a local that shadows the member (Log), writes
        // nothing to EndTime, so those comparisons still decide. Their parameter is not named endTime: a same-named value
        // is another version of EndTime whether or not it is written (see DateShapesTests).
        await VerifyAsync("""
            using System;
            using PolicyAudit;
            public sealed class Meetup
            {
                [GovernedBy("stock-limit")]
                public DateTime EndTime { get; private set; }

                public Meetup Reschedule(DateTime endTime)
                {
                    if (endTime == EndTime) return this;
                    SetTimeInternal(endTime);
                    return this;
                }

                public bool Extend(DateTime at)
                {
                    if ([|at == EndTime|]) Announce(at);
                    return true;
                }

                public bool Postpone(DateTime at)
                {
                    if ([|at == EndTime|]) return false;
                    Log(at);
                    return true;
                }

                private void SetTimeInternal(DateTime endTime) => this.EndTime = endTime;

                private static void Announce(DateTime endTime) => Console.WriteLine(endTime);

                private static void Log(DateTime endTime)
                {
                    DateTime EndTime;
                    EndTime = endTime;
                    Console.WriteLine(EndTime);
                }
            }
            """);
    }
}
