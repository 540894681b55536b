using PolicyAudit.Rules;

namespace PolicyAudit.Benchmarks.Engine;

/// <summary>A parameterised rule for the compile benchmark: orders of a customer tier over a limit. Each instance is a rule of its own.</summary>
public sealed class OrderLimitRule(int number, int tier, decimal limit) : Rule
{
    /// <inheritdoc />
    protected override string? InstanceName => "Order limit " + number;

    /// <inheritdoc />
    public override void Define()
    {
        var customerTier = tier;
        var max = limit;
        Customer customer = null!;
        Order order = null!;
        When()
            .Match(() => customer, c => c.Tier == customerTier)
            .Match(() => order, o => o.CustomerId == customer.Id, o => o.Amount > max);
        Then().Do(ctx => Matches.Add());
    }
}
