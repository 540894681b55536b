using PolicyAudit.Rules;

namespace PolicyAudit.Benchmarks.Engine;

/// <summary>Compiles one rule set twice: with the hash-join index (the engine's default) and as nested loops (what NRules does).</summary>
internal static class JoinNetworks
{
    public static ISessionFactory Compile(bool hashJoins, params Rule[] rules) =>
        new RuleRepository().Load(rules).Compile(new CompilerOptions { UseHashJoins = hashJoins });

    /// <summary><paramref name="count"/> customers and as many orders, order i belonging to customer i.</summary>
    public static (Customer[] Customers, Order[] Orders) Facts(int count)
    {
        var customers = Enumerable.Range(0, count).Select(i => new Customer(i, i % 3)).ToArray();
        var orders = Enumerable.Range(0, count).Select(i => new Order(i, i, 10m + (i % 200))).ToArray();
        return (customers, orders);
    }
}
