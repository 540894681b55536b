using NRules;
using NRules.Fluent;
using PolicyAudit.Benchmarks.Decision;

namespace PolicyAudit.Benchmarks.Shared;

/// <summary>
/// Plain NRules rules (yielding <see cref="BaselineFiring"/> facts) loaded and compiled as NRules' documentation shows:
/// a <see cref="RuleRepository"/>, <c>Compile()</c> with its defaults (<c>Expression.Compile</c>, facts identified by
/// <c>Equals</c>). Decides a request either in a new session, as the documentation's examples do, or in one session
/// kept for every request (insert, fire, query, retract), the way PolicyAudit's pool uses its sessions. Not
/// thread-safe (the reused session serves one request at a time; the benchmarks are single-threaded).
/// </summary>
internal sealed class RawNRules
{
    private readonly ISession _reused;

    public RawNRules(IEnumerable<Type> ruleTypes)
    {
        Factory = Compile(ruleTypes);
        _reused = Factory.CreateSession();
    }

    public ISessionFactory Factory { get; }

    /// <summary>NRules' default start-up: load the rule classes into a repository and compile them.</summary>
    public static ISessionFactory Compile(IEnumerable<Type> ruleTypes)
    {
        var types = ruleTypes.ToArray();
        var repository = new RuleRepository();
        // Nested rule classes (RestaurantRules) are skipped unless asked for; a set that lost rules would compare
        // different work, so the count is checked.
        repository.Load(spec => spec.From(scan => scan.Type(types).NestedTypes()));
        var loaded = repository.GetRules().Count();
        if (loaded != types.Length)
        {
            throw new InvalidOperationException($"NRules loaded {loaded} of {types.Length} rule classes.");
        }

        return repository.Compile();
    }

    /// <summary>A new session for the request, as in NRules' getting-started guide.</summary>
    public static BaselineDecision DecideInNewSession(ISessionFactory factory, object[] facts)
    {
        var session = factory.CreateSession();
        session.InsertAll(facts);
        session.Fire();
        return Collect(session);
    }

    public BaselineDecision DecideInNewSession(object[] facts) => DecideInNewSession(Factory, facts);

    /// <summary>The one reused session: insert, fire, query the yielded firings, retract (which retracts them too).</summary>
    public BaselineDecision DecideInReusedSession(object[] facts)
    {
        _reused.InsertAll(facts);
        _reused.Fire();
        var decision = Collect(_reused);
        _reused.RetractAll(facts);
        return decision;
    }

    private static BaselineDecision Collect(ISession session)
    {
        var fired = new BaselineFirings();
        foreach (var firing in session.Query<BaselineFiring>())
        {
            fired.Add(firing);
        }

        return fired.ToDecision();
    }
}
