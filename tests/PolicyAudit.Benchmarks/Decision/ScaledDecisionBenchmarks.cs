using BenchmarkDotNet.Attributes;
using PolicyAudit.Benchmarks.Shared;

namespace PolicyAudit.Benchmarks.Decision;

/// <summary>
/// Decision family, scaled: 10, 100 and 1,000 generated one-fact limit policies deciding a request of three facts
/// (three policies fire), the same four ways as <see cref="RestaurantDecisionBenchmarks"/>, the reused raw NRules
/// session as the baseline.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Decision")]
public class ScaledDecisionBenchmarks
{
    private ScaledPolicySet _set = null!;
    private PolicyEngineHost _host = null!;
    private RawNRules _raw = null!;

    [Params(10, 100, 1000)]
    public int Policies { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _set = ScaledPolicySet.Generate(Policies);
        _host = PolicyEngineHost.Start(_set.Types);
        _raw = new RawNRules(_set.RuleTypes);
        var request = ScaledPolicySet.Request;
        var what = $"{Policies} generated policies";
        for (var round = 0; round < 2; round++)
        {
            var decision = _host.Engine.Evaluate(request);
            DecisionAgreement.Check(decision, _set.Decide(request), what, "the hand-written ifs");
            DecisionAgreement.Check(decision, _raw.DecideInNewSession(request), what, "raw NRules in a new session");
            DecisionAgreement.Check(decision, _raw.DecideInReusedSession(request), what, "raw NRules in the reused session");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task CleanupAsync() => await _host.DisposeAsync();

    [Benchmark(Description = "hand-written ifs")]
    public BaselineDecision HandWritten() => _set.Decide(ScaledPolicySet.Request);

    [Benchmark(Baseline = true, Description = "raw NRules, reused session")]
    public BaselineDecision RawReusedSession() => _raw.DecideInReusedSession(ScaledPolicySet.Request);

    [Benchmark(Description = "raw NRules, session per request")]
    public BaselineDecision RawSessionPerRequest() => _raw.DecideInNewSession(ScaledPolicySet.Request);

    [Benchmark(Description = "IPolicyEngine.Evaluate")]
    public PolicyAudit.Decision Engine() => _host.Engine.Evaluate(ScaledPolicySet.Request);
}
