using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using NRules;
using PolicyAudit.Benchmarks.Decision;
using PolicyAudit.Benchmarks.Shared;

namespace PolicyAudit.Benchmarks.Engine;

/// <summary>
/// Engine family: start-up of 1,000 generated two-fact policies (a bill and a comp joined). PolicyAudit's start-up —
/// <c>AddPolicyAudit</c>, the <see cref="IPolicyEngine"/> resolved (which loads, versions and compiles the policy set,
/// with FastExpressionCompiler) and the first decision — against NRules' default: the same rules as plain NRules rules
/// loaded into a <c>RuleRepository</c> and <c>Compile()</c>d, with and without a first decision. Target: PolicyAudit's
/// start-up and first decision at most 0.6x NRules' default <c>Compile()</c>. An invocation takes seconds, so each
/// iteration is one cold start-up of the set (the monitoring strategy) rather than a throughput loop.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Engine")]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class StartupBenchmarks
{
    private const int Policies = 1000;
    private ScaledPolicySet _set = null!;

    [GlobalSetup]
    public void Setup()
    {
        _set = ScaledPolicySet.Generate(Policies, twoFacts: true);
        var request = ScaledPolicySet.Request;
        var decision = PolicyAuditStartFirstRun();
        DecisionAgreement.Check(decision, _set.Decide(request), $"{Policies} two-fact policies", "the hand-written ifs");
        DecisionAgreement.Check(decision, NRulesDefaultCompileFirstRun(), $"{Policies} two-fact policies", "raw NRules (default compile)");
        Console.WriteLine($"// {Policies} two-fact policies; PolicyAudit and NRules' default agree on the first decision");
    }

    [Benchmark(Baseline = true, Description = "NRules default: load + Compile()")]
    public ISessionFactory NRulesDefaultCompile() => RawNRules.Compile(_set.RuleTypes);

    [Benchmark(Description = "NRules default: load + Compile() + first decision")]
    public BaselineDecision NRulesDefaultCompileFirstRun() =>
        RawNRules.DecideInNewSession(RawNRules.Compile(_set.RuleTypes), ScaledPolicySet.Request);

    [Benchmark(Description = "PolicyAudit: AddPolicyAudit + engine + first decision")]
    public PolicyAudit.Decision PolicyAuditStartFirstRun()
    {
        var host = PolicyEngineHost.Start(_set.Types);
        try
        {
            return host.Engine.Evaluate(ScaledPolicySet.Request);
        }
        finally
        {
            host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
