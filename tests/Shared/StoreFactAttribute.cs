using System.Reflection;

namespace PolicyAudit.Tests.Shared;

/// <summary>
/// A fact of the shared store contract. The contract's test methods are inherited by every store's subclass, so
/// they cannot carry a store's own skip condition; instead, in an assembly marked <see cref="RequiresPostgresAttribute"/>
/// (this file is compiled into each test assembly that links it), they are skipped where PostgreSQL is absent.
/// </summary>
public sealed class StoreFactAttribute : FactAttribute
{
    public StoreFactAttribute()
    {
        if (typeof(StoreFactAttribute).Assembly.GetCustomAttribute<RequiresPostgresAttribute>() is not null
            && PostgresServer.UnavailableReason is { } reason)
        {
            Skip = reason;
        }
    }
}
