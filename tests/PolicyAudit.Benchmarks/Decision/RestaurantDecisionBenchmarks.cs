using BenchmarkDotNet.Attributes;
using PolicyAudit.Benchmarks.Shared;
using Restaurant.Facts;
using Restaurant.Policies;

namespace PolicyAudit.Benchmarks.Decision;

/// <summary>
/// Decision family: the Restaurant sample's policy set evaluated through <see cref="IPolicyEngine"/> on a request of
/// three facts, against the same 21 policies hand-written as <c>if</c> statements. Target: at most 20x the
/// hand-written time and at most 1 KB allocated per decision.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Decision")]
public class RestaurantDecisionBenchmarks
{
    // A party of ten asks to drop the gratuity and split the bill five ways, and the server asks to comp a dessert:
    // three policies fire (two Deny, one RequireApproval), as on a busy evening.
    private readonly object[] _request =
    [
        new ServiceContext("guest-1042", "harbour-street", "waiter-7"),
        new BillRequest(10, 900m, RemoveGratuity: true, SplitWays: 5),
        new CompRequest("affogato", "dessert", 12m, "dessert forgotten"),
    ];

    private PolicyEngineHost _host = null!;

    [GlobalSetup]
    public void Setup()
    {
        var policies = Restaurant.RunningPolicies.Types;
        if (policies.Count < 20)
        {
            throw new InvalidOperationException($"The Restaurant sample has {policies.Count} policies; the decision family needs at least 20.");
        }

        _host = PolicyEngineHost.Start(policies);
        DecisionAgreement.Check(_host.Engine.Evaluate(_request), HandWrittenRestaurantPolicies.Decide(_request), "Restaurant request");
        Console.WriteLine($"// {_host.Engine.Policies.Count} Restaurant policies, {_request.Length} facts per request");
    }

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task CleanupAsync() => await _host.DisposeAsync();

    [Benchmark(Baseline = true, Description = "hand-written ifs (21 policies)")]
    public HandWrittenDecision HandWritten() => HandWrittenRestaurantPolicies.Decide(_request);

    [Benchmark(Description = "IPolicyEngine.Evaluate (21 policies)")]
    public PolicyAudit.Decision Engine() => _host.Engine.Evaluate(_request);
}
