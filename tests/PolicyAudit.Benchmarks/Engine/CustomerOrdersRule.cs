using PolicyAudit.Rules;

namespace PolicyAudit.Benchmarks.Engine;

/// <summary>The two-fact equality join: every order with its customer.</summary>
[Name("Orders of a customer")]
public sealed class CustomerOrdersRule : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        Customer customer = null!;
        Order order = null!;
        When()
            .Match(() => customer)
            .Match(() => order, o => o.CustomerId == customer.Id);
        Then().Do(ctx => Matches.Add());
    }
}
