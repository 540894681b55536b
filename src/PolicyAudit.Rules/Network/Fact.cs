namespace PolicyAudit.Rules;

/// <summary>A fact in working memory: the user's object plus the engine's bookkeeping for it.</summary>
internal sealed class Fact(object value)
{
    /// <summary>The current instance (replaced when an equal instance is passed to Update).</summary>
    public object Object { get; set; } = value;

    /// <summary>For a yielded fact, the activation that yielded it.</summary>
    public Activation? Source { get; set; }

    public override string ToString() => FactText.Describe(Object);
}
