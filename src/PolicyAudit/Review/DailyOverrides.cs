namespace PolicyAudit;

/// <summary>How many overrides of a policy were recorded on one day (UTC). Immutable.</summary>
/// <param name="Day">The day, in UTC.</param>
/// <param name="Overrides">The number of overrides that day.</param>
public sealed record DailyOverrides(DateOnly Day, int Overrides);
