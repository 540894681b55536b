using System.Collections.Concurrent;
using NRules.Extensibility;

namespace PolicyAudit;

/// <summary>
/// The NRules sessions of one policy set, reused across requests instead of creating one per request. A session is
/// borrowed for one evaluation and returned after it; a session whose evaluation threw is dropped, since NRules may
/// have left it half-propagated. At most a few idle sessions per processor are kept. Thread-safe.
/// </summary>
internal sealed class PolicySessionPool
{
    private readonly PolicySet _set;
    private readonly IDependencyResolver _dependencies;
    private readonly ConcurrentBag<PolicySession> _idle = [];
    private readonly int _capacity = Math.Max(4, Environment.ProcessorCount * 2);
    private int _idleCount;

    /// <summary>Creates the pool; dependencies of the policies resolve from <paramref name="services"/>.</summary>
    /// <exception cref="PolicySetException">A policy depends on a service <paramref name="services"/> does not have.</exception>
    public PolicySessionPool(PolicySet set, IServiceProvider? services)
    {
        _set = set;
        var resolver = new ServiceProviderDependencyResolver(services);
        resolver.CheckRegistered(set.Dependencies);
        _dependencies = resolver;
    }

    /// <summary>Evaluates one request's facts in a borrowed session.</summary>
    /// <returns>The outcomes the policies yielded, in no particular order.</returns>
    /// <exception cref="PolicyEvaluationException">A policy's code threw.</exception>
    public List<PolicyFired> Evaluate(object[] facts)
    {
        var session = Rent();
        var fired = new List<PolicyFired>(4);
        session.Evaluate(facts, fired);
        Return(session);
        return fired;
    }

    private PolicySession Rent()
    {
        if (_idle.TryTake(out var session))
        {
            Interlocked.Decrement(ref _idleCount);
            return session;
        }

        return new PolicySession(_set, _dependencies);
    }

    private void Return(PolicySession session)
    {
        // Past the cap the session is left to the garbage collector: a burst of requests does not pin memory for ever.
        if (Interlocked.Increment(ref _idleCount) <= _capacity)
        {
            _idle.Add(session);
        }
        else
        {
            Interlocked.Decrement(ref _idleCount);
        }
    }
}
