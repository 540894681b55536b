using System.Linq.Expressions;
using NRules.Fluent.Dsl;

namespace PolicyAudit.Tests.Policies;

/// <summary>FastExpressionCompiler for start-up speed, and Expression.Compile where it cannot compile.</summary>
public sealed class PolicyExpressionCompilerTests
{
    [Fact]
    public void Compile_FastCompilerReturnsNothing_FallsBackToExpressionCompile()
    {
        var compiler = new PolicyExpressionCompiler(_ => null);

        var twice = compiler.Compile<Func<int, int>>(x => x * 2);

        Assert.Equal(42, twice(21));
        Assert.Equal(1, compiler.Fallbacks);
    }

    [Fact]
    public void Compile_FastCompilerThrowsNotSupported_FallsBackToExpressionCompile()
    {
        var compiler = new PolicyExpressionCompiler(_ => throw new NotSupportedException("not this shape"));

        var greeting = compiler.Compile<Func<string, string>>(name => "hello " + name);

        Assert.Equal("hello Ada", greeting("Ada"));
        Assert.Equal(1, compiler.Fallbacks);
    }

    [Fact]
    public void Compile_FastExpressionCompiler_CompilesWithoutFallingBack()
    {
        var compiler = new PolicyExpressionCompiler();

        var isLarge = compiler.Compile<Func<int, bool>>(size => size > 8);

        Assert.True(isLarge(9));
        Assert.False(isLarge(8));
        Assert.Equal(0, compiler.Fallbacks);
    }

    [Fact]
    public async Task Evaluate_FastAndStandardCompilers_GiveTheSameDecisions()
    {
        Type[] policies = [typeof(AllergenCheck), typeof(WalkInNeedsHost), typeof(ManyExceptionsNeedManager), typeof(LateLargeParty)];
        var standard = new PolicyExpressionCompiler(_ => null);
        await using var fast = TestEngine.For(new PolicyExpressionCompiler(), policies);
        await using var slow = TestEngine.For(standard, policies);
        object[][] requests =
        [
            [new Guest("g-1", "peanut"), new Dish("satay", "peanut"), new Seating("g-1", 4, new TimeOnly(19, 0))],
            [new Guest("g-2", "none"), new Seating("g-2", 10, new TimeOnly(22, 30)), new Reservation("g-2")],
            [new Guest("g-3", "celery"), new Dish("soup", "celery"), new PastException("g-3"), new PastException("g-3")],
            [new Seating("g-4", 2, new TimeOnly(12, 0)), new Reservation("g-4")],
            [new Guest("g-5", "none"), new Seating("g-5", 3, new TimeOnly(20, 0))],
            [new Guest("g-6", "none")],
        ];

        var fastDecisions = requests.Select(r => Describe(fast.Evaluate(r))).ToArray();
        var slowDecisions = requests.Select(r => Describe(slow.Evaluate(r))).ToArray();

        Assert.Equal(slowDecisions, fastDecisions);
        Assert.Equal(fast.Engine.PolicySetVersion, slow.Engine.PolicySetVersion);
        Assert.True(standard.Fallbacks > 0);
        Assert.Contains(fastDecisions, d => d.StartsWith("Deny", StringComparison.Ordinal));
        Assert.Contains(fastDecisions, d => d.StartsWith("RequireApproval", StringComparison.Ordinal));
        Assert.Contains(fastDecisions, d => d.StartsWith("Allow", StringComparison.Ordinal));
    }

    private static string Describe(Decision decision) =>
        decision.Outcome + ": " + string.Join("; ", decision.FiredPolicies.Select(p => $"{p.PolicyId} {p.Outcome} {p.Reason}"));

    public sealed record Guest(string Id, string Allergy);

    public sealed record Dish(string Name, string Allergen);

    public sealed record Seating(string Guest, int PartySize, TimeOnly At);

    public sealed record Reservation(string Guest);

    public sealed record PastException(string Customer);

    [Policy("allergen-check", OverridableBy = StaffRole.Nobody)]
    private sealed class AllergenCheck : Policy
    {
        public override void Define()
        {
            Guest guest = null!;
            Dish dish = null!;
            When()
                .Match(() => guest)
                .Match(() => dish, d => d.Allergen == guest.Allergy);
            Then().Deny(() => dish.Name + " contains " + dish.Allergen);
        }
    }

    [Policy("walk-in-needs-host", OverridableBy = StaffRole.Staff)]
    private sealed class WalkInNeedsHost : Policy
    {
        public override void Define()
        {
            Seating seating = null!;
            When()
                .Match(() => seating)
                .Not<Reservation>(r => r.Guest == seating.Guest);
            Then().RequireApproval(() => seating.Guest + " has no reservation");
        }
    }

    [Policy("many-exceptions-need-manager", OverridableBy = StaffRole.Manager)]
    private sealed class ManyExceptionsNeedManager : Policy
    {
        public override void Define()
        {
            Guest guest = null!;
            int count = 0;
            When()
                .Match(() => guest)
                .Query(() => count, q => q.Match<PastException>(e => e.Customer == guest.Id).Collect().Select(c => c.Count()).Where(n => n >= 2));
            Then().RequireApproval(() => guest.Id + " had " + count + " exceptions");
        }
    }

    [Policy("late-large-party", OverridableBy = StaffRole.Supervisor)]
    private sealed class LateLargeParty : Policy
    {
        public override void Define()
        {
            Seating seating = null!;
            var lastSitting = new TimeOnly(22, 0);
            When().Match(() => seating, s => s.At > lastSitting, s => s.PartySize > 8);
            Then().Allow(() => "Party of " + seating.PartySize + " at " + seating.At.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
