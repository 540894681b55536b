namespace PolicyAudit.Rules;

/// <summary>A beta node fed by an alpha memory.</summary>
internal interface IRightActivated
{
    /// <summary>Alpha memories notify deeper nodes first, so a fact matched twice in one branch joins once.</summary>
    int Depth { get; }

    void RightAssert(INetworkContext context, Fact fact);

    void RightUpdate(INetworkContext context, Fact fact);

    void RightRetract(INetworkContext context, Fact fact);
}
