namespace PolicyAudit.Rules;

/// <summary>What network nodes need from the session that runs them: its memories and its agenda.</summary>
internal interface INetworkContext
{
    /// <summary>One slot per node that keeps per-session state, created lazily by the node.</summary>
    object?[] Memories { get; }

    /// <summary>The root token of a rule branch in this session.</summary>
    Token RootOf(Production production);

    void OnActivationCreated(Activation activation);

    void OnActivationUpdated(Activation activation);

    void OnActivationDeleted(Activation activation);
}
