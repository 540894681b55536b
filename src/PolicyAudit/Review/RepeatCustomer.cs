namespace PolicyAudit;

/// <summary>A customer who received many overrides in the window: an exception they may be taking advantage of. Immutable.</summary>
/// <param name="Customer">The customer's id.</param>
/// <param name="Overrides">How many overrides of decisions about them were recorded in the window.</param>
public sealed record RepeatCustomer(string Customer, int Overrides);
