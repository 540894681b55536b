using PolicyAudit.Tests.Shared;

namespace PolicyAudit.PostgreSql.Tests;

/// <summary>One server for every test class in the collection; each test gets a database of its own.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
