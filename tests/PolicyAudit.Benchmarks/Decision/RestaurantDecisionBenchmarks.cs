using BenchmarkDotNet.Attributes;
using PolicyAudit.Benchmarks.Shared;
using Restaurant.Facts;
using Restaurant.Policies;

namespace PolicyAudit.Benchmarks.Decision;

/// <summary>
/// Decision family: the Restaurant sample's 21 policies deciding a request of three facts, four ways — through
/// <see cref="IPolicyEngine"/>, as plain NRules rules in a new session per request (as NRules' documentation shows),
/// as plain NRules rules in one reused session (the baseline), and as hand-written <c>if</c>s. Targets: Evaluate at
/// most 0.5x the session-per-request time and 1.5x the reused session's, allocating at most 2 KB more than it.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Decision")]
public class RestaurantDecisionBenchmarks
{
    // A party of ten asks to drop the gratuity and split the bill five ways, and the server asks to comp a dessert:
    // three policies fire (two Deny, one RequireApproval), as on a busy evening.
    internal static readonly object[] Request =
    [
        new ServiceContext("guest-1042", "harbour-street", "waiter-7"),
        new BillRequest(10, 900m, RemoveGratuity: true, SplitWays: 5),
        new CompRequest("affogato", "dessert", 12m, "dessert forgotten"),
    ];

    private PolicyEngineHost _host = null!;
    private RawNRules _raw = null!;

    /// <summary>The Restaurant sample's policy classes.</summary>
    internal static Type[] PolicyTypes => [.. Restaurant.RunningPolicies.Types];

    [GlobalSetup]
    public void Setup()
    {
        var policies = PolicyTypes;
        if (policies.Length < 20 || RestaurantRules.Types.Length != policies.Length)
        {
            throw new InvalidOperationException($"The Restaurant sample has {policies.Length} policies and RestaurantRules {RestaurantRules.Types.Length} rules; they must be the same set.");
        }

        _host = PolicyEngineHost.Start(policies);
        _raw = new RawNRules(RestaurantRules.Types);

        // Each variant twice: the reused session must give the same answer on its second request as on its first.
        for (var round = 0; round < 2; round++)
        {
            var decision = _host.Engine.Evaluate(Request);
            DecisionAgreement.Check(decision, HandWrittenRestaurantPolicies.Decide(Request), "Restaurant request", "the hand-written ifs");
            DecisionAgreement.Check(decision, _raw.DecideInNewSession(Request), "Restaurant request", "raw NRules in a new session");
            DecisionAgreement.Check(decision, _raw.DecideInReusedSession(Request), "Restaurant request", "raw NRules in the reused session");
        }

        Console.WriteLine($"// {_host.Engine.Policies.Count} Restaurant policies, {Request.Length} facts per request, all four variants agree");
    }

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task CleanupAsync() => await _host.DisposeAsync();

    [Benchmark(Description = "hand-written ifs")]
    public BaselineDecision HandWritten() => HandWrittenRestaurantPolicies.Decide(Request);

    [Benchmark(Baseline = true, Description = "raw NRules, reused session")]
    public BaselineDecision RawReusedSession() => _raw.DecideInReusedSession(Request);

    [Benchmark(Description = "raw NRules, session per request")]
    public BaselineDecision RawSessionPerRequest() => _raw.DecideInNewSession(Request);

    [Benchmark(Description = "IPolicyEngine.Evaluate")]
    public PolicyAudit.Decision Engine() => _host.Engine.Evaluate(Request);
}
