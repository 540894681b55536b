using PolicyAudit.Tests.Shared;

namespace PolicyAudit.Reliability.Tests;

/// <summary>
/// The tests that share one throw-away PostgreSQL server. They run one after another, because one of them stops and
/// restarts the server.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL server";
}
