using BenchmarkDotNet.Attributes;
using PolicyAudit.Rules;

namespace PolicyAudit.Benchmarks.Engine;

/// <summary>
/// Engine family: a two-fact equality join (customer and their orders) with N facts a side, inserted into a new
/// session and fired: the hash-joined network against the same rule compiled as a nested-loop join.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Engine")]
public class JoinBenchmarks
{
    private ISessionFactory _hashJoined = null!;
    private ISessionFactory _nestedLoops = null!;
    private Customer[] _customers = null!;
    private Order[] _orders = null!;

    [Params(10, 100, 1_000, 10_000)]
    public int FactsPerSide { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _hashJoined = JoinNetworks.Compile(hashJoins: true, new CustomerOrdersRule());
        _nestedLoops = JoinNetworks.Compile(hashJoins: false, new CustomerOrdersRule());
        (_customers, _orders) = JoinNetworks.Facts(FactsPerSide);
        var hashed = Run(_hashJoined);
        var looped = Run(_nestedLoops);
        if (hashed != FactsPerSide || looped != FactsPerSide)
        {
            throw new InvalidOperationException($"Expected {FactsPerSide} matches; the hash join fired {hashed}, the nested loops {looped}.");
        }
    }

    [Benchmark(Baseline = true, Description = "nested-loop join")]
    public int NestedLoops() => Run(_nestedLoops);

    [Benchmark(Description = "hash join")]
    public int HashJoin() => Run(_hashJoined);

    private int Run(ISessionFactory factory)
    {
        var session = factory.CreateSession();
        foreach (var customer in _customers)
        {
            session.Insert(customer);
        }

        foreach (var order in _orders)
        {
            session.Insert(order);
        }

        return session.Fire();
    }
}
