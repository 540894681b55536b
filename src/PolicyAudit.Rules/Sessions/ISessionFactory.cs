namespace PolicyAudit.Rules;

/// <summary>The compiled form of a rule set. Immutable and thread-safe: create sessions from any thread, at once.
/// Creating a session is cheap (per-node memories are allocated lazily), so use one short-lived session per decision.</summary>
public interface ISessionFactory
{
    /// <summary>The compiled rules, in load order.</summary>
    IReadOnlyList<IRuleDefinition> Rules { get; }

    /// <summary>Creates an empty session.</summary>
    /// <returns>A new session with an empty working memory.</returns>
    ISession CreateSession();
}
