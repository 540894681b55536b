namespace PolicyAudit.Rules;

/// <summary>Holds a session's event handlers and raises them only when someone listens.</summary>
internal sealed class SessionEvents : ISessionEvents
{
    public event EventHandler<FactEventArgs>? FactInserted;

    public event EventHandler<FactEventArgs>? FactUpdated;

    public event EventHandler<FactEventArgs>? FactRetracted;

    public event EventHandler<ActivationEventArgs>? ActivationCreated;

    public event EventHandler<ActivationEventArgs>? ActivationUpdated;

    public event EventHandler<ActivationEventArgs>? ActivationDeleted;

    public event EventHandler<ActivationEventArgs>? RuleFiring;

    public event EventHandler<ActivationEventArgs>? RuleFired;

    public void OnFactInserted(object sender, Fact fact) => FactInserted?.Invoke(sender, Args(fact));

    public void OnFactUpdated(object sender, Fact fact) => FactUpdated?.Invoke(sender, Args(fact));

    public void OnFactRetracted(object sender, Fact fact) => FactRetracted?.Invoke(sender, Args(fact));

    public void OnActivationCreated(object sender, Activation activation) => Raise(ActivationCreated, sender, activation);

    public void OnActivationUpdated(object sender, Activation activation) => Raise(ActivationUpdated, sender, activation);

    public void OnActivationDeleted(object sender, Activation activation) => Raise(ActivationDeleted, sender, activation);

    public void OnRuleFiring(object sender, Activation activation) => Raise(RuleFiring, sender, activation);

    public void OnRuleFired(object sender, Activation activation) => Raise(RuleFired, sender, activation);

    private static FactEventArgs Args(Fact fact) => new(fact.Object, fact.Source?.Rule.Definition);

    private static void Raise(EventHandler<ActivationEventArgs>? handler, object sender, Activation activation) =>
        handler?.Invoke(sender, new ActivationEventArgs(activation.Rule.Definition, activation.Facts()));
}
