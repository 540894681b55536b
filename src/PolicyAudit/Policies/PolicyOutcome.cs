using System.Linq.Expressions;
using System.Reflection;
using NRules.Fluent.Dsl;
using NRules.RuleModel;

namespace PolicyAudit;

/// <summary>
/// Ends a policy's <c>Then()</c> with what the policy says when its conditions match, and why. The reason is
/// specific to the request ("the party of 9 is over the limit of 8"); the policy's <see cref="PolicyAttribute.Rationale"/>
/// says why the policy exists. Call exactly one outcome method, once, inside <see cref="Rule.Define"/>. Not
/// thread-safe, and not needed to be: the engine calls <see cref="Rule.Define"/> once, at start-up.
/// </summary>
public sealed class PolicyOutcome
{
    private static readonly ConstructorInfo FiredConstructor =
        typeof(PolicyFired).GetConstructor([typeof(string), typeof(DecisionOutcome), typeof(string)])!;

    private static readonly ParameterExpression Context = Expression.Parameter(typeof(IContext), "ctx");

    private readonly string _policyId;
    private readonly IRightHandSideExpression _actions;

    internal PolicyOutcome(string policyId, IRightHandSideExpression actions)
    {
        _policyId = policyId;
        _actions = actions;
    }

    /// <summary>The policy denies the request.</summary>
    /// <param name="reason">Why, for this request.</param>
    public void Deny(string reason) => Yield(DecisionOutcome.Deny, Constant(reason));

    /// <summary>The policy denies the request, with a reason computed from the matched facts.</summary>
    /// <param name="reason">The reason, as a lambda over the policy's bound facts: <c>() => $"{order.Days} days after purchase"</c>.</param>
    public void Deny(Expression<Func<string>> reason) => Yield(DecisionOutcome.Deny, Body(reason));

    /// <summary>The policy requires someone with its authority to approve the request.</summary>
    /// <param name="reason">Why, for this request.</param>
    public void RequireApproval(string reason) => Yield(DecisionOutcome.RequireApproval, Constant(reason));

    /// <summary>The policy requires approval, with a reason computed from the matched facts.</summary>
    /// <param name="reason">The reason, as a lambda over the policy's bound facts.</param>
    public void RequireApproval(Expression<Func<string>> reason) => Yield(DecisionOutcome.RequireApproval, Body(reason));

    /// <summary>The policy explicitly allows the request (it still yields to a Deny or RequireApproval of another policy).</summary>
    /// <param name="reason">Why, for this request.</param>
    public void Allow(string reason) => Yield(DecisionOutcome.Allow, Constant(reason));

    /// <summary>The policy allows the request, with a reason computed from the matched facts.</summary>
    /// <param name="reason">The reason, as a lambda over the policy's bound facts.</param>
    public void Allow(Expression<Func<string>> reason) => Yield(DecisionOutcome.Allow, Body(reason));

    private static Expression Constant(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A policy outcome needs a reason: say, for this request, why the policy applies.", nameof(reason));
        }

        return Expression.Constant(reason, typeof(string));
    }

    private static Expression Body(Expression<Func<string>> reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return reason.Body;
    }

    // The outcome is a fact linked to the match (NRules' Yield): it stays in the session exactly as long as the match
    // holds, so a pooled session answers correctly for policies that hold without any request fact (a Not, an empty
    // Collect). The yield's expression (policy id, outcome and reason) is printed into the text that versions the policy.
    private void Yield(DecisionOutcome outcome, Expression reason)
    {
        var fired = Expression.New(FiredConstructor, Expression.Constant(_policyId), Expression.Constant(outcome), reason);
        _actions.Yield(Expression.Lambda<Func<IContext, PolicyFired>>(fired, Context));
    }
}
