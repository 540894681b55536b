using System.Linq.Expressions;
using static PolicyAudit.Tests.Policies.NRulesPolicyTests;

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
        // The policies of the NRules DSL tests: a join, a Not, a Query count, Or/Exists/Let/Having, and a lambda reason.
        Type[] policies =
        [
            typeof(NRulesPolicyTests.AllergenCheck), typeof(NRulesPolicyTests.WalkInNeedsHost),
            typeof(NRulesPolicyTests.FourthExceptionNeedsManager), typeof(NRulesPolicyTests.LargeBillNeedsDeposit),
        ];
        var standard = new PolicyExpressionCompiler(_ => null);
        await using var fast = TestEngine.For(new PolicyExpressionCompiler(), policies);
        await using var slow = TestEngine.For(standard, policies);
        object[][] requests =
        [
            [new Guest("g-1", "peanut"), new Dish("satay", "peanut"), new Seating("g-1", 4)],
            [new Guest("g-2", "none"), new Seating("g-2", 12), new Reservation("g-2"), new Bill("g-2", 720m)],
            [new ServiceContext("g-3"), new PastException("g-3", "a"), new PastException("g-3", "b"), new PastException("g-3", "c")],
            [new Guest("g-4", "none"), new Vip("g-4"), new Seating("g-4", 2), new Reservation("g-4"), new Bill("g-4", 90m)],
            [new Guest("g-5", "none"), new Seating("g-5", 3)],
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
}
