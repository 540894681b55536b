namespace LayeredStore.Domain;

/// <summary>One line of an order.</summary>
public sealed class OrderLine(Product product, int quantity)
{
    public Product Product { get; } = product;

    /// <summary>
    /// Left unmarked on purpose: the bulk-order policy tests it, so the Policies project reports PA0006, and the
    /// check in <see cref="IsBulk"/> below stays invisible until the member is marked.
    /// </summary>
    public int Quantity { get; } = quantity;

    public bool IsBulk() => Quantity > 10;
}
