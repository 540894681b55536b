using LayeredStore.Domain;

namespace LayeredStore.App;

/// <summary>The till: two hand-written copies of policies that live in the Policies project.</summary>
public static class Checkout
{
    public static string Sell(OrderLine line)
    {
        // PA0001 (listed-only): known here because the Domain marks Status [GovernedBy].
        if (line.Product.Status != ProductStatus.Listed)
        {
            return "Not on sale.";
        }

        // PA0001 (bulk-order): known here through the Policies assembly's generated [assembly: GovernedMember].
        if (line.Quantity > 10)
        {
            return "Ask a supervisor.";
        }

        line.Product.Take(line.Quantity);
        return "Sold.";
    }
}
