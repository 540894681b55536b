namespace PolicyAudit.Benchmarks.Engine;

/// <summary>An order fact of the join benchmarks; identified by <see cref="Id"/>, so an update may change its amount.</summary>
public sealed class Order(int id, int customerId, decimal amount) : IEquatable<Order>
{
    public int Id { get; } = id;

    public int CustomerId { get; } = customerId;

    public decimal Amount { get; set; } = amount;

    public bool Equals(Order? other) => other is not null && other.Id == Id;

    public override bool Equals(object? obj) => Equals(obj as Order);

    public override int GetHashCode() => Id;
}
