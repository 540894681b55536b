using BenchmarkDotNet.Attributes;
using PolicyAudit.Benchmarks.Shared;

namespace PolicyAudit.Benchmarks.Decision;

/// <summary>
/// Decision family, scaled: 10, 100 and 1,000 generated limit policies evaluated through <see cref="IPolicyEngine"/>
/// on a request of three facts (three policies fire), against the same limits checked by hand-written <c>if</c>s.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Decision")]
public class ScaledDecisionBenchmarks
{
    private ScaledPolicySet _set = null!;
    private PolicyEngineHost _host = null!;

    [Params(10, 100, 1000)]
    public int Policies { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _set = ScaledPolicySet.Generate(Policies);
        _host = PolicyEngineHost.Start(_set.Types);
        DecisionAgreement.Check(_host.Engine.Evaluate(ScaledPolicySet.Request), _set.Decide(ScaledPolicySet.Request), $"{Policies} generated policies");
    }

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task CleanupAsync() => await _host.DisposeAsync();

    [Benchmark(Baseline = true, Description = "hand-written ifs")]
    public HandWrittenDecision HandWritten() => _set.Decide(ScaledPolicySet.Request);

    [Benchmark(Description = "IPolicyEngine.Evaluate")]
    public PolicyAudit.Decision Engine() => _host.Engine.Evaluate(ScaledPolicySet.Request);
}
