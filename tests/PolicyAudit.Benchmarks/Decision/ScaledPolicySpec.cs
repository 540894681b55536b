namespace PolicyAudit.Benchmarks.Decision;

/// <summary>One generated policy: its id, which fact it limits and the limit.</summary>
/// <param name="Id">The policy id.</param>
/// <param name="OnBill">True for a limit on <c>BillRequest.Total</c>, false for one on <c>CompRequest.Value</c>.</param>
/// <param name="Limit">The limit.</param>
public sealed record ScaledPolicySpec(string Id, bool OnBill, decimal Limit);
