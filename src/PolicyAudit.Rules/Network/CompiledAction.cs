namespace PolicyAudit.Rules;

/// <summary>A rule action compiled for one rule branch (its bindings' slots differ between <c>Or</c> branches).</summary>
internal sealed class CompiledAction(
    ActionElement element,
    Action<IContext, Token>? run,
    Func<IContext, Token, object?>? yield,
    Func<IContext, Token, object?, object?>? update,
    int yieldIndex)
{
    public ActionElement Element { get; } = element;

    public string Text => Element.Text;

    public Action<IContext, Token>? Run { get; } = run;

    public Func<IContext, Token, object?>? Yield { get; } = yield;

    public Func<IContext, Token, object?, object?>? Update { get; } = update;

    /// <summary>The index of this yield among the rule's yields; -1 for a <c>Do</c>.</summary>
    public int YieldIndex { get; } = yieldIndex;
}
