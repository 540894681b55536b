namespace PolicyAudit.Tests.Shared;

/// <summary>A theory that needs a PostgreSQL server: skipped, with the reason, where the binaries are absent.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (PostgresServer.UnavailableReason is { } reason)
        {
            Skip = reason;
        }
    }
}
