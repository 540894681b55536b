namespace PolicyAudit.Tests.Shared;

/// <summary>
/// Marks a test assembly whose shared store contract tests (<see cref="StoreFactAttribute"/>) run against PostgreSQL,
/// so they are skipped, with the reason, where the server binaries are absent.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class RequiresPostgresAttribute : Attribute
{
}
