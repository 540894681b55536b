namespace PolicyAudit.Benchmarks.Engine;

/// <summary>A customer fact of the join benchmarks; facts are identified by <see cref="Id"/>.</summary>
public sealed class Customer(int id, int tier) : IEquatable<Customer>
{
    public int Id { get; } = id;

    public int Tier { get; } = tier;

    public bool Equals(Customer? other) => other is not null && other.Id == Id;

    public override bool Equals(object? obj) => Equals(obj as Customer);

    public override int GetHashCode() => Id;
}
