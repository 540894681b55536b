namespace PolicyAudit.Tests.Shared;

/// <summary>A fact that needs a PostgreSQL server: skipped, with the reason, where the binaries are absent.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.UnavailableReason is { } reason)
        {
            Skip = reason;
        }
    }
}
