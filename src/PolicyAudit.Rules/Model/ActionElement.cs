namespace PolicyAudit.Rules;

/// <summary>One right-hand-side action: a <c>Do</c>, or a <c>Yield</c> of a linked fact.</summary>
internal sealed class ActionElement
{
    public ActionElement(BoundExpression action, Type? yieldedType, BoundExpression? update)
    {
        Action = action;
        YieldedType = yieldedType;
        Update = update;
    }

    /// <summary>For <c>Do</c>: (ctx) => void. For <c>Yield</c>: (ctx) => fact.</summary>
    public BoundExpression Action { get; }

    /// <summary>The yielded fact type, or null for a <c>Do</c>.</summary>
    public Type? YieldedType { get; }

    public bool IsYield => YieldedType is not null;

    /// <summary>For a <c>Yield</c> with an update function: (ctx, previous) => fact.</summary>
    public BoundExpression? Update { get; }

    public string Text => YieldedType is null
        ? "do " + Action.Text
        : "yield " + TypeNames.Of(YieldedType) + " " + Action.Text + (Update is null ? string.Empty : " update " + Update.Text);
}
