using PolicyAudit.Tests.Shared;

// The shared store contract in this assembly runs against PostgreSQL: skip it where the server binaries are absent.
[assembly: RequiresPostgres]
