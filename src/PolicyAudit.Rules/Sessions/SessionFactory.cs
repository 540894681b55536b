namespace PolicyAudit.Rules;

/// <summary>Creates sessions over one compiled network.</summary>
internal sealed class SessionFactory(ReteNetwork network) : ISessionFactory
{
    public ReteNetwork Network { get; } = network;

    public IReadOnlyList<IRuleDefinition> Rules { get; } = network.Rules.Select(r => (IRuleDefinition)r.Definition).ToArray();

    public ISession CreateSession() => new Session(Network);
}
