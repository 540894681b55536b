using PolicyAudit;

namespace LayeredStore.Domain;

public enum ProductStatus
{
    Draft,
    Listed,
    Retired,
}

/// <summary>A product on the shelf. Its own checks are where a hard-coded policy usually hides.</summary>
public sealed class Product(string name, int stock)
{
    public string Name { get; } = name;

    /// <summary>Marked where it is declared (the fix for PA0006 wrote this), so checks of it here are reported.</summary>
    [GovernedBy("sold-out", Conditions = "==0")]
    public int Stock { get; private set; } = stock;

    [GovernedBy("listed-only")]
    public ProductStatus Status { get; private set; } = ProductStatus.Listed;

    /// <summary>PA0001: the sold-out policy, copied by hand; a supervisor's exception to it is never recorded.</summary>
    public void Take(int quantity)
    {
        if (Stock == 0)
        {
            throw new InvalidOperationException($"{Name} is sold out.");
        }

        Stock -= Math.Min(quantity, Stock);
    }

    /// <summary>
    /// Not reported: an entity guarding its own state transition is an invariant, not a policy staff may override
    /// (PA0001.state_checks_in_declaring_type = report in .editorconfig would report it).
    /// </summary>
    public void Retire()
    {
        if (Status == ProductStatus.Retired)
        {
            return;
        }

        Status = ProductStatus.Retired;
    }
}
