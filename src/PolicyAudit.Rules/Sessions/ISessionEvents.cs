namespace PolicyAudit.Rules;

/// <summary>Events of one session, raised synchronously on the thread using the session. Handlers must not change
/// the session. Event arguments are only created when a handler is attached.</summary>
public interface ISessionEvents
{
    /// <summary>A fact was inserted (by the caller, an action, or a yield).</summary>
    event EventHandler<FactEventArgs>? FactInserted;

    /// <summary>A fact was updated.</summary>
    event EventHandler<FactEventArgs>? FactUpdated;

    /// <summary>A fact was retracted.</summary>
    event EventHandler<FactEventArgs>? FactRetracted;

    /// <summary>A rule matched: an activation joined the agenda.</summary>
    event EventHandler<ActivationEventArgs>? ActivationCreated;

    /// <summary>The facts of an activation changed and it still matches.</summary>
    event EventHandler<ActivationEventArgs>? ActivationUpdated;

    /// <summary>A match stopped holding: its activation left the agenda (or, if it had fired, its linked facts go).</summary>
    event EventHandler<ActivationEventArgs>? ActivationDeleted;

    /// <summary>A rule is about to run its actions.</summary>
    event EventHandler<ActivationEventArgs>? RuleFiring;

    /// <summary>A rule ran its actions.</summary>
    event EventHandler<ActivationEventArgs>? RuleFired;
}
