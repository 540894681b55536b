namespace AnalyzerHost.Policies;

/// <summary>A customer's order, as the till sees it when a refund is asked for.</summary>
public sealed class Order
{
    public required string Number { get; init; }

    public int DaysSincePurchase { get; init; }

    public bool IsOpened { get; init; }

    public decimal Total { get; init; }
}
