using AnalyzerHost.Policies;
using PolicyAudit;

namespace AnalyzerHost.Shop;

/// <summary>The refund desk: one right way to decide a refund, and the mistakes the analyzer catches.</summary>
public sealed class RefundDesk(IPolicyEngine engine, IOverrideRecorder overrides)
{
    /// <summary>The right way: ask the engine, keep the decision, let staff override it on the record.</summary>
    public async Task<string> RefundAsync(Order order, StaffMember clerk, string? exceptionReason)
    {
        var decision = engine.Evaluate(order);
        if (decision.Outcome == DecisionOutcome.Allow)
        {
            return $"Refunded {order.Total:0.00} for order {order.Number}.";
        }

        if (exceptionReason is null)
        {
            return $"Not refunded ({decision.Outcome}).";
        }

        var receipt = await overrides.OverrideAsync(decision, clerk, exceptionReason);
        return $"Refunded as an exception, recorded as override {receipt.OverrideId}.";
    }

    /// <summary>PA0001: a hand-written copy of the refund-window policy; exceptions to it are never recorded.</summary>
    public string QuickCheck(Order order)
    {
        if (order.DaysSincePurchase > 30)
        {
            return "Too late for a refund.";
        }

        return "Refund.";
    }

    /// <summary>PA0002: the decision is thrown away.</summary>
    public void Warm(Order order)
    {
        engine.Evaluate(order);
    }

    /// <summary>PA0003: a placeholder justification leaves the reviewer nothing to read.</summary>
    public Task<OverrideReceipt> WaveThroughAsync(Decision decision, StaffMember clerk) =>
        overrides.OverrideAsync(decision, clerk, "n/a");
}
