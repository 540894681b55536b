using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PolicyAudit.Analyzers.Tests.Infrastructure;
using PolicyAudit.Analyzers.Tests.Verifiers;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// PA0001 on the shapes real applications write (issue 15): each shape flagged, beside look-alikes that must stay
/// silent. The policies are NRules-based (<see cref="SaasSources.Policies"/>); the domain's own marked check is
/// expected in every test.
/// </summary>
public sealed class RealWorldShapesTests
{
    private static readonly Lazy<MetadataReference> FluentValidation = new(() => TestFramework.Net100.CompileReference("FluentValidation", [SaasSources.FluentValidation]));

    private static VerifyCS.Test WithSaas(string markup, string domain = SaasSources.Domain)
    {
        var test = new VerifyCS.Test { TestCode = markup };
        test.TestState.Sources.Add(domain);
        test.TestState.Sources.Add(SaasSources.Policies);
        test.TestState.AdditionalReferences.Add(FluentValidation.Value);
        return test;
    }

    private static Task VerifyAsync(string markup) => WithSaas(markup).RunAsync();

    /// <summary>A PA0001 at markup location <paramref name="marker"/> naming <paramref name="policies"/>; the fact location the fix uses is not the point here.</summary>
    private static DiagnosticResult Expected(int marker, string code, string policies) =>
        VerifyCS.Diagnostic().WithLocation(marker).WithArguments(code, policies).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    [Fact]
    public async Task GovernedFlag_AsConditionPlainOrNegated_IsReported()
    {
        await VerifyAsync("""
            using System;
            using Saas;
            public static class Exports
            {
                public static string Export(Workspace workspace)
                {
                    if ([|!workspace.AllowsExport|]) return "forbidden";
                    return "ok";
                }

                public static string Label(Workspace workspace) => [|workspace.AllowsExport|] ? "export" : "view only";

                public static bool Both(Workspace workspace, bool admin) => admin && [|workspace.AllowsExport|];

                public static bool CanExport(Workspace workspace)
                {
                    return [|workspace.AllowsExport|];
                }

                // Jackett: a parenthesised expression body, and a null check that throws.
                public static bool Parenthesised(Workspace workspace) => ([|workspace.AllowsExport|]);

                public static bool Required(Workspace? workspace) => [|workspace?.AllowsExport ?? throw new ArgumentNullException(nameof(workspace))|];

                public static string Guarded(Workspace workspace, Func<string> export)
                {
                    try { return export(); }
                    catch (InvalidOperationException) when ([|workspace.AllowsExport|]) { return "retry"; }
                }

                public static string Arm(Workspace workspace, int kind) => kind switch
                {
                    1 when [|workspace.AllowsExport|] => "csv",
                    _ => "none",
                };
            }
            """);
    }

    [Fact]
    public async Task GovernedFlag_ReturnedWrappedInACompletedTask_IsReportedButNotFromAGetAccessor()
    {
        // OpenIddict's filters: `return new(!context.Options.IgnoreEndpointPermissions);` from a `ValueTask<bool>` method.
        await VerifyAsync("""
            using System.Threading.Tasks;
            using Saas;
            public static class ExportFilters
            {
                public static ValueTask<bool> IsActiveAsync(Workspace workspace) => new([|!workspace.AllowsExport|]);

                public static ValueTask<bool> IsAllowedAsync(Workspace workspace) => new ValueTask<bool>([|workspace.AllowsExport|]);

                public static Task<bool> CanExportAsync(Workspace workspace) => Task.FromResult([|workspace.AllowsExport|]);

                public static Task<string> NameAsync(Workspace workspace) => Task.FromResult(workspace.Name);

                // OrchardCore's user store: a `Get` accessor hands the flag over as a property getter does.
                public static Task<bool> GetAllowsExportAsync(Workspace workspace) => Task.FromResult(workspace.AllowsExport);

                public static bool GetAllowsExport(Workspace workspace) => workspace.AllowsExport;
            }
            """);
    }

    [Fact]
    public async Task GovernedFlag_CopiedPassedOrForwarded_IsNotReported()
    {
        await VerifyAsync("""
            using System;
            using Saas;
            public sealed class ExportView
            {
                private readonly Workspace _workspace = new();

                public bool CanExport => _workspace.AllowsExport;

                public void Show(Workspace workspace)
                {
                    bool copy = workspace.AllowsExport;
                    Console.WriteLine(workspace.AllowsExport);
                    Console.WriteLine(copy.ToString());
                    if (workspace.Name.Length > 3) Console.WriteLine(workspace.Name);
                }
            }
            """);
    }

    [Fact]
    public async Task GovernedLocal_AsCondition_IsReported()
    {
        await VerifyAsync("""
            using Saas;
            public static class Exports
            {
                public static string Export(Workspace workspace)
                {
                    var allowed = workspace.AllowsExport;
                    if ([|!allowed|]) return "forbidden";
                    return "ok";
                }
            }
            """);
    }

    [Fact]
    public async Task GovernedFlag_ReturnedFromExpressionBodiedMethod_IsReported()
    {
        await VerifyAsync("""
            using Saas;
            public static class Exports
            {
                public static bool Forbidden(Workspace workspace) => [|!workspace.AllowsExport|];

                public static bool Check(Workspace workspace)
                {
                    bool Allowed() => [|workspace.AllowsExport|];
                    return Allowed();
                }
            }
            """);
    }

    [Fact]
    public async Task GovernedFlag_ExpressionBodiedPropertyOrLambda_IsNotReported()
    {
        await VerifyAsync("""
            using System;
            using Saas;
            public sealed class ExportView(Workspace workspace)
            {
                public bool CanExport => workspace.AllowsExport;
                public Func<bool> Later => () => workspace.AllowsExport;
            }
            """);
    }

    [Fact]
    public async Task PatternDeclaredLocal_FromGovernedMember_ComparedLater_IsReported()
    {
        await VerifyAsync("""
            using System;
            using Saas;
            public static class Invitations
            {
                public static void Invite(Team team, int active)
                {
                    if (team.MemberCap is int cap && [|active >= cap|]) throw new InvalidOperationException("full");
                    if (team.MemberCap is { } limit && [|limit <= active|]) throw new InvalidOperationException("full");
                    if (team is { MemberCap: var nested } && [|nested < active|]) throw new InvalidOperationException("full");
                    switch (team.MemberCap)
                    {
                        case int max when [|active >= max|]: throw new InvalidOperationException("full");
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task PatternDeclaredLocal_FromUngovernedValueOrOnlyGuarded_IsNotReported()
    {
        await VerifyAsync("""
            using System;
            using Saas;
            public static class Invitations
            {
                public static void Invite(Team team, int? requested, int active)
                {
                    if (requested is int wanted && wanted > active) Console.WriteLine("more");
                    if (team.MemberCap is int cap && cap > 0) Console.WriteLine(cap);
                }
            }
            """);
    }

    [Fact]
    public async Task NullableValue_ComparedThroughValueOrGetValueOrDefault_IsReported()
    {
        await VerifyAsync("""
            using System;
            using Saas;
            public static class Invitations
            {
                public static void Invite(Team team, int active)
                {
                    if (team.MemberCap.HasValue && [|team.MemberCap.Value <= active|]) throw new InvalidOperationException("full");
                    if ([|team.MemberCap.GetValueOrDefault() < active|]) throw new InvalidOperationException("full");
                }
            }
            """);
    }

    [Fact]
    public async Task NullableValue_NullAndHasValueGuards_AreNotReported()
    {
        await VerifyAsync("""
            using Saas;
            public static class Invitations
            {
                public static bool Capped(Team team) => team.MemberCap.HasValue;
                public static bool Uncapped(Team team) => team.MemberCap == null;
                public static bool Unset(Team team) => team.MemberCap.GetValueOrDefault() == 0;
            }
            """);
    }

    [Fact]
    public async Task LocalComputedFromGovernedMember_ComparedLater_IsReported()
    {
        await VerifyAsync("""
            using Saas;
            public static class Storage
            {
                public static string Resize(Plan plan, short extraGb)
                {
                    var totalGb = (short)(plan.IncludedGb + extraGb);
                    if ([|totalGb > 100|]) return "max 100 GB";
                    return "ok";
                }

                public static bool Chain(Plan plan)
                {
                    var included = plan.IncludedGb;
                    var doubled = included * 2;
                    return [|doubled > 100|];
                }
            }
            """);
    }

    [Fact]
    public async Task LocalComputedFromGovernedMember_OnlyDisplayedOrGuarded_IsNotReported()
    {
        await VerifyAsync("""
            using System;
            using Saas;
            public static class Storage
            {
                public static void Show(Plan plan, short extraGb, int other)
                {
                    var totalGb = plan.IncludedGb + extraGb;
                    Console.WriteLine(totalGb);
                    if (totalGb > 0) Console.WriteLine("some");
                    var unrelated = other * 2;
                    if (unrelated > 100) Console.WriteLine("big");
                }
            }
            """);
    }

    [Fact]
    public async Task GovernedMemberThroughCall_ResultCompared_IsReported()
    {
        await VerifyAsync("""
            using System;
            using Saas;
            public static class Checks
            {
                public static bool Stale(Link link) => [|DateTime.UtcNow.Subtract(link.LastSync.Value).TotalDays > 180|];
                public static bool StaleToo(Link link)
                {
                    bool stale = [|(DateTime.UtcNow - link.LastSync!.Value).TotalDays > 180|];
                    return stale;
                }
                public static bool Large(Order order) => [|order.Total.CompareTo(1000m) > 0|];
                public static bool Paid(Order order) => [|order.Status.Equals(OrderStatus.Paid)|];
                public static bool Capped(Plan plan) => [|Math.Max(plan.IncludedGb, (short)10) > 100|];
            }
            """);
    }

    [Fact]
    public async Task GovernedMemberThroughCall_FormattedOrComparedWithZero_IsNotReported()
    {
        await VerifyAsync("""
            using System;
            using Saas;
            public static class Checks
            {
                public static string Show(Link link) => link.LastSync!.Value.ToString("O");
                public static bool Positive(Order order) => order.Total.CompareTo(0m) > 0;
                public static bool SameName(Workspace a, Workspace b) => a.Name.Equals(b.Name);
            }
            """);
    }

    [Fact]
    public async Task FluentValidationRules_OverGovernedMember_AreReported()
    {
        await VerifyAsync("""
            using System;
            using FluentValidation;
            using Saas;
            public sealed class CardValidator : AbstractValidator<Card>
            {
                public CardValidator()
                {
                    RuleFor(c => c.CardExpiry).[|Must(d => d >= DateTime.UtcNow)|];
                    RuleFor(c => c.CardExpiry).NotEmpty().When([|c => c.Verified|]);
                }
            }

            public sealed class PlanValidator : AbstractValidator<Plan>
            {
                public PlanValidator()
                {
                    RuleFor(p => p.IncludedGb).[|LessThanOrEqualTo((short)100)|];
                    RuleFor(p => p.IncludedGb).[|InclusiveBetween((short)1, (short)100)|];
                }
            }
            """);
    }

    [Fact]
    public async Task FluentValidationRules_GuardsOrUngovernedMembers_AreNotReported()
    {
        await VerifyAsync("""
            using FluentValidation;
            using Saas;
            public sealed class WorkspaceValidator : AbstractValidator<Workspace>
            {
                public WorkspaceValidator()
                {
                    RuleFor(w => w.Name).NotEmpty();
                    RuleFor(w => w.Name).Must(n => n.Length < 64);
                }
            }

            public sealed class PlanValidator : AbstractValidator<Plan>
            {
                public PlanValidator()
                {
                    RuleFor(p => p.IncludedGb).GreaterThan((short)0);
                    RuleFor(p => p.QuotaGb).LessThanOrEqualTo(500);
                }
            }
            """);
    }

    [Fact]
    public async Task ZeroComparison_WhenPolicyComparesMemberWithZero_IsReported()
    {
        await VerifyAsync("""
            using System;
            using Saas;
            public static class Till
            {
                public static void Sell(Product product)
                {
                    if ([|product.Stock == 0|]) throw new InvalidOperationException(product.Name + " is sold out");
                    if ([|product.Stock <= 0|]) throw new InvalidOperationException("sold out");
                }
            }
            """);
    }

    [Fact]
    public async Task ZeroComparison_OfADifferenceOfQuantities_IsReported()
    {
        await VerifyAsync("""
            using System;
            using Saas;
            public static class Storage
            {
                public static void Add(Plan plan, short used, short adding)
                {
                    var room = plan.IncludedGb - used;
                    var missing = adding - room;
                    if ([|missing > 0|]) throw new InvalidOperationException("buy more storage");
                    if ([|plan.IncludedGb - used <= 0|]) throw new InvalidOperationException("full");
                    if (plan.IncludedGb - 5 > 0) Console.WriteLine("some");
                }
            }
            """);
    }

    [Fact]
    public async Task LocalGivenItsValueAfterADefault_ComparedLater_IsReported()
    {
        // Bitwarden: var newSeatsRequired = 0; if (..) newSeatsRequired = invited - (seats - occupied); if (newSeatsRequired > 0)
        await VerifyAsync("""
            using System;
            using Saas;
            public static class Storage
            {
                public static void Add(Plan plan, short used, short adding, bool metered)
                {
                    var missing = 0;
                    if (metered)
                    {
                        missing = adding - (plan.IncludedGb - used);
                    }

                    if ([|missing > 0|]) throw new InvalidOperationException("buy more storage");

                    var unrelated = 0;
                    if (metered) unrelated = adding - used;
                    if (unrelated > 0) Console.WriteLine("more");
                }
            }
            """);
    }

    [Fact]
    public async Task ZeroComparison_WhenNoPolicyComparesMemberWithZero_IsNotReported()
    {
        await VerifyAsync("""
            using System;
            using Saas;
            public static class Till
            {
                public static void Check(Product product, Order order)
                {
                    if (product.OnHand == 0) throw new InvalidOperationException("empty shelf");
                    if (order.Total <= 0m) throw new InvalidOperationException("nothing to pay");
                }
            }
            """);
    }

    [Fact]
    public async Task TupleSwitch_OverGovernedMembers_IsReportedPerArm()
    {
        await VerifyAsync("""
            using Saas;
            public static class Shipping
            {
                public static string Lane(Order order, Team team) => (order.Status, team.Admins.Count) switch
                {
                    [|(OrderStatus.Paid, _)|] => "ship",
                    [|(_, > 3)|] => "review",
                    _ => "hold",
                };

                public static int Code(Order order, Workspace workspace)
                {
                    switch (order.Status, workspace.AllowsExport)
                    {
                        case [|(OrderStatus.Draft, true)|]:
                            return 1;
                        default:
                            return 0;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task TupleSwitch_OverUngovernedValuesOrDiscards_IsNotReported()
    {
        await VerifyAsync("""
            using Saas;
            public static class Shipping
            {
                public static string Lane(Order order, Workspace workspace, int kind) => (workspace.Name, kind, order.Status) switch
                {
                    ("main", 1, _) => "main",
                    _ => "other",
                };
            }
            """);
    }

    [Fact]
    public async Task CollectionSize_OfGovernedCollection_IsReported()
    {
        await VerifyAsync("""
            using System;
            using System.Linq;
            using Saas;
            public static class Admins
            {
                public static void Promote(Team team)
                {
                    if ([|team.Admins.Count > 3|]) throw new InvalidOperationException("too many admins");
                    if ([|team.Admins.Count() >= 4|]) throw new InvalidOperationException("too many admins");
                }
            }
            """);
    }

    [Fact]
    public async Task CollectionSize_EmptinessOrUngovernedCollection_IsNotReported()
    {
        await VerifyAsync("""
            using System;
            using System.Linq;
            using Saas;
            public static class Admins
            {
                public static void Promote(Team team, string[] names)
                {
                    if (!team.Admins.Any()) throw new InvalidOperationException("no admin");
                    if (team.Admins.Count == 0) throw new InvalidOperationException("no admin");
                    if (names.Length > 3) throw new InvalidOperationException("too many names");
                }
            }
            """);
    }

    [Fact]
    public async Task EqualityWithValueAboutToBeAssigned_IsNotReported()
    {
        await VerifyAsync("""
            using Saas;
            public static class Storage
            {
                public static string SetIncluded(Plan plan, short requestedGb)
                {
                    if (plan.IncludedGb == requestedGb) return "unchanged";
                    plan.IncludedGb = requestedGb;
                    return "changed";
                }

                public static string Compare(Plan plan, short requestedGb)
                {
                    if ([|plan.IncludedGb == requestedGb|]) return "same";
                    return "different";
                }
            }
            """);
    }

    [Fact]
    public async Task StateCheckInDeclaringType_ByDefault_IsNotReported()
    {
        await VerifyAsync("""
            using System;
            namespace Saas
            {
                public static class OrderExtensions
                {
                    public static void Ship(this Order order)
                    {
                        if ([|order.Status != OrderStatus.Paid|]) throw new InvalidOperationException("Only paid orders ship.");
                    }
                }

                public sealed class Refund
                {
                    public OrderStatus Status { get; set; }

                    public bool Open() => Status == OrderStatus.Draft;
                }
            }
            """);
    }

    [Fact]
    public async Task StateCheckInDeclaringType_GuardOfAnotherTransition_IsNotReported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using PolicyAudit;
            public enum Stage { Open, Paid, Shipped }
            public sealed class Order
            {
                [GovernedBy("no-cancel-after-payment", Conditions = "==1;==2")] public Stage Stage { get; private set; }
                [GovernedBy("two-factor")] public bool Use2fa { get; private set; }
                [GovernedBy("locked", Conditions = "==true")] public bool Locked { get; private set; }

                public void Refund()
                {
                    if (Stage != Stage.Paid && Stage != Stage.Shipped)
                    {
                        Refuse(Stage.Open);
                    }

                    if (!Use2fa) throw new InvalidOperationException("two-factor is off");
                    Stage = Stage.Open;
                }

                public void Reopen()
                {
                    if (Stage == Stage.Open) return;
                    if (Locked) Stage = Stage.Open; else throw new InvalidOperationException("only a locked order is reopened");
                }

                private void Refuse(Stage to) => throw new InvalidOperationException($"{Stage} cannot become {to}.");
            }
            """);
    }

    [Fact]
    public async Task StateCheckInDeclaringType_GuardRefusingWhatAPolicyDenies_IsReported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using PolicyAudit;
            public enum Stage { Open, Paid, Shipped }
            public static class Guard
            {
                public static void AssertStateFalse(bool condition, string message) { }
            }

            public sealed class Order
            {
                [GovernedBy("no-cancel-after-payment", Conditions = "==1;==2")] public Stage Stage { get; private set; }
                [GovernedBy("locked", Conditions = "==true")] public bool Locked { get; private set; }

                public void Cancel()
                {
                    if ([|Stage == Stage.Paid|] || [|Stage == Stage.Shipped|])
                    {
                        Refuse(Stage.Open);
                    }

                    if ([|!(Locked)|]) Stage = Stage.Open; else throw new InvalidOperationException("locked");
                }

                public void Rename() => Guard.AssertStateFalse([|Locked|], "locked");

                public void Archive()
                {
                    if ([|Stage != Stage.Paid|]) { } else throw new InvalidOperationException("paid orders stay");
                }

                private void Refuse(Stage to) => throw new InvalidOperationException($"{Stage} cannot become {to}.");
            }
            """);
    }

    [Fact]
    public async Task StateCheckInDeclaringType_ReturnedOrCombinedIntoAnAnswer_IsReported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Linq;
            using PolicyAudit;
            public enum Stage { Open, Paid, Shipped }
            public sealed class Organization
            {
                [GovernedBy("no-cancel-after-payment", Conditions = "==1")] public Stage Stage { get; set; }
                [GovernedBy("two-factor")] public bool Use2fa { get; set; }

                public bool TwoFactorEnabled(bool providerEnabled) => providerEnabled && [|Use2fa|];

                public bool AnyEnabled(bool[] providers) => providers.Any(p => p && [|Use2fa|]);

                public bool Cancellable() => [|Stage != Stage.Paid|];

                public void Note()
                {
                    if ([|Stage == Stage.Paid|]) System.Console.WriteLine("paid");
                }
            }
            """);
    }

    [Fact]
    public async Task StateCheckInDeclaringType_ConfiguredToReportOrSkip_ReportsEveryGuardOrNone()
    {
        const string PayCheck = "if (Status == OrderStatus.Paid)";
        const string ShipCheck = "if ({|PA0001:Status != OrderStatus.Paid|})";
        var reported = WithSaas(
            "namespace Saas { }",
            SaasSources.Domain.Replace(PayCheck, "if ({|#0:Status == OrderStatus.Paid|})", StringComparison.Ordinal));
        reported.TestState.AnalyzerConfigFiles.Add(PolicyAuditTestSetup.EditorConfig("PA0001.state_checks_in_declaring_type = report"));
        reported.ExpectedDiagnostics.Add(Expected(0, "Status == OrderStatus.Paid", "policy 'paid-before-ship'"));

        var skipped = WithSaas("namespace Saas { }", SaasSources.Domain.Replace(ShipCheck, "if (Status != OrderStatus.Paid)", StringComparison.Ordinal));
        skipped.TestState.AnalyzerConfigFiles.Add(PolicyAuditTestSetup.EditorConfig("PA0001.state_checks_in_declaring_type = skip"));

        Assert.Contains(PayCheck, SaasSources.Domain, StringComparison.Ordinal);
        Assert.Contains(ShipCheck, SaasSources.Domain, StringComparison.Ordinal);
        await reported.RunAsync();
        await skipped.RunAsync();
    }

    [Fact]
    public async Task Message_SeveralPoliciesReadMember_NamesThePolicyWithTheSameThresholdOrOperator()
    {
        var test = WithSaas("""
            using Saas;
            public static class Approvals
            {
                public static bool Large(Order order) => {|#0:order.Total > 1000m|};
                public static bool Vip(Order order) => {|#1:order.Total >= 5000|};
                public static bool AboveLimit(Order order, decimal limit) => {|#2:order.Total > limit|};
                public static bool Odd(Order order) => {|#3:order.Total != 7m|};
            }
            """);
        test.ExpectedDiagnostics.Add(Expected(0, "order.Total > 1000m", "policy 'large-order'"));
        test.ExpectedDiagnostics.Add(Expected(1, "order.Total >= 5000", "policy 'vip-order'"));
        test.ExpectedDiagnostics.Add(Expected(2, "order.Total > limit", "policy 'large-order'"));
        test.ExpectedDiagnostics.Add(Expected(3, "order.Total != 7m", "policies 'large-order' and 'vip-order'"));

        await test.RunAsync();
    }
}
