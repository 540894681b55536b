using System.Linq.Expressions;

namespace PolicyAudit.Rules;

/// <summary>A lambda from the DSL after its references to rule bindings were rewritten into parameters:
/// <see cref="Lambda"/> takes the lambda's own leading parameters, then one parameter per referenced binding.</summary>
internal sealed class BoundExpression
{
    public BoundExpression(LambdaExpression lambda, int leadingParameterCount, IReadOnlyList<Declaration> references, string text)
    {
        Lambda = lambda;
        LeadingParameterCount = leadingParameterCount;
        References = references;
        Text = text;
    }

    public LambdaExpression Lambda { get; }

    /// <summary>How many parameters the user wrote (the fact, the context, ...), before the binding parameters.</summary>
    public int LeadingParameterCount { get; }

    public IReadOnlyList<Declaration> References { get; }

    /// <summary>The deterministic text of the user's lambda, bindings shown by name.</summary>
    public string Text { get; }

    public override string ToString() => Text;
}
