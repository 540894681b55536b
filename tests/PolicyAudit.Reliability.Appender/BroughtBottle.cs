namespace PolicyAudit.Reliability.Appender;

/// <summary>A guest's bottle of wine at the table.</summary>
public sealed record BroughtBottle(string Wine, bool FromOutside);
