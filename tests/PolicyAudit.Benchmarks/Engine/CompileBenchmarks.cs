using BenchmarkDotNet.Attributes;
using PolicyAudit.Rules;

namespace PolicyAudit.Benchmarks.Engine;

/// <summary>
/// Engine family: <c>Compile()</c> of 1,000 rules (two patterns, a join and a limit each; target under 1 s), against
/// loading the same rules and building their models only (<c>GetRules()</c>), the part every engine must do. Because
/// the engine compiles each expression on its first use, the first decision after compiling is measured too: that is
/// where the rest of the cost of a large rule set lands.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Engine")]
public class CompileBenchmarks
{
    private const int Rules = 1_000;

    private readonly Customer[] _customers = [new Customer(1, 0), new Customer(2, 1), new Customer(3, 2)];
    private readonly Order[] _orders = [new Order(1, 1, 120m), new Order(2, 2, 480m), new Order(3, 3, 950m)];

    [Benchmark(Baseline = true, Description = "load + define 1,000 rules (GetRules)")]
    public int Define() => Load().GetRules().Count;

    [Benchmark(Description = "load + Compile() 1,000 rules")]
    public int Compile() => Load().Compile().Rules.Count;

    [Benchmark(Description = "load + Compile() 1,000 rules + first decision")]
    public int CompileAndFirstDecision()
    {
        var session = Load().Compile().CreateSession();
        session.InsertAll(_customers);
        session.InsertAll(_orders);
        return session.Fire();
    }

    private static RuleRepository Load()
    {
        var rules = new Rule[Rules];
        for (var i = 0; i < rules.Length; i++)
        {
            rules[i] = new OrderLimitRule(i, i % 3, 100m + i);
        }

        return new RuleRepository().Load(rules);
    }
}
