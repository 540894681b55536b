using BenchmarkDotNet.Attributes;
using PolicyAudit.Rules;

namespace PolicyAudit.Benchmarks.Engine;

/// <summary>
/// Engine family: insert, update and retract cycles, each followed by a fire, against a session that holds 1,000
/// customers and 1,000 orders: the hash-joined network against the nested-loop one. A cycle leaves the session as it
/// found it, so every invocation does the same work.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Engine")]
public class CycleBenchmarks
{
    private const int Resident = 1_000;

    private ISession _hashJoined = null!;
    private ISession _nestedLoops = null!;
    private Order _moving = null!;

    [GlobalSetup]
    public void Setup()
    {
        var (customers, orders) = JoinNetworks.Facts(Resident);
        _hashJoined = Load(JoinNetworks.Compile(hashJoins: true, new CustomerOrdersRule()), customers, orders);
        _nestedLoops = Load(JoinNetworks.Compile(hashJoins: false, new CustomerOrdersRule()), customers, orders);
        _moving = new Order(Resident, Resident / 2, 50m);
        if (Cycle(_hashJoined) != 2 || Cycle(_nestedLoops) != 2)
        {
            throw new InvalidOperationException("A cycle should fire twice (after the insert and after the update).");
        }
    }

    [Benchmark(Baseline = true, Description = "insert/update/retract + fire, nested loops")]
    public int NestedLoops() => Cycle(_nestedLoops);

    [Benchmark(Description = "insert/update/retract + fire, hash join")]
    public int HashJoin() => Cycle(_hashJoined);

    private static ISession Load(ISessionFactory factory, Customer[] customers, Order[] orders)
    {
        var session = factory.CreateSession();
        session.InsertAll(customers);
        session.InsertAll(orders);
        session.Fire();
        return session;
    }

    private int Cycle(ISession session)
    {
        session.Insert(_moving);
        var fired = session.Fire();
        _moving.Amount += 1m;
        session.Update(_moving);
        fired += session.Fire();
        session.Retract(_moving);
        fired += session.Fire();
        return fired;
    }
}
