namespace PolicyAudit;

/// <summary>
/// The state of one replay: what happened to decisions (overridden, harmed), the latest policy records, and a
/// tally per policy and for whole decisions. Not thread-safe (one replay owns it).
/// </summary>
internal sealed class ReplayPass
{
    private readonly ReplayCandidate _candidate;
    private readonly EvidenceWindow _window;
    private readonly string? _only;
    private readonly CandidateSession _session;
    private readonly FactRebinder _rebinder;
    private readonly HashSet<string> _overridden = new(StringComparer.Ordinal);
    private readonly HashSet<string> _harmed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PolicyRecord> _catalog = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReplayTally> _tallies = new(StringComparer.Ordinal);
    private readonly ReplayTally _overall = new();
    private readonly HashSet<string> _seenInEvidence = new(StringComparer.Ordinal);

    // Reused for every decision, so a replay allocates per fact, not per bookkeeping list.
    private readonly List<(object Fact, IReadOnlyList<string> Masked)> _bound = [];
    private readonly List<object> _facts = [];
    private readonly Dictionary<string, DecisionOutcome> _replayed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _masked = new(StringComparer.Ordinal);
    private readonly HashSet<string> _involved = new(StringComparer.Ordinal);

    // Which policies read a masked property, per fact type and set of masked paths: a handful of keys per replay.
    private readonly Dictionary<(Type, string), string[]> _maskedReaders = [];
    private int _decisions;
    private int _withFacts;

    public ReplayPass(ReplayCandidate candidate, EvidenceWindow window, string? only)
    {
        _candidate = candidate;
        _window = window;
        _only = only;
        _session = new CandidateSession(candidate.Set);
        _rebinder = new FactRebinder(candidate.Types);
    }

    /// <summary>First pass, whole chain: the policy catalog, and which decisions were overridden or drew harm.</summary>
    public void Learn(EvidenceRecord record)
    {
        switch (record)
        {
            case PolicyRecord policy:
                _catalog[policy.PolicyId] = policy;
                break;
            case OverrideRecord @override:
                _overridden.Add(@override.DecisionId);
                break;
            case OutcomeRecord { Outcome: OutcomeKind.Complaint or OutcomeKind.Loss } harm:
                _harmed.Add(harm.DecisionId);
                break;
        }
    }

    /// <summary>Second pass, the window: one recorded decision, replayed or counted as not replayable.</summary>
    public void Replay(DecisionRecord decision)
    {
        _decisions++;
        _involved.Clear();
        foreach (var policyId in decision.Policies)
        {
            _involved.Add(policyId);
        }

        var gap = Rebind(decision);
        if (gap is { } whole)
        {
            // Without its facts the decision cannot be re-run for any policy: it counts against those it recorded.
            foreach (var policyId in _involved)
            {
                TallyOf(policyId)?.Gap(whole, decision.Id);
            }

            _overall.Gap(whole, decision.Id);
            return;
        }

        _session.Evaluate(_facts, _replayed);
        FindMaskedReads();
        foreach (var policy in _candidate.Policies)
        {
            _involved.Add(policy.Id);
        }

        var overridden = _overridden.Contains(decision.Id);
        var harmed = _harmed.Contains(decision.Id);
        foreach (var policyId in _involved)
        {
            if (TallyOf(policyId) is not { } tally)
            {
                continue;
            }

            if (_masked.Contains(policyId))
            {
                tally.Gap(ReplayGap.MaskedProperty, decision.Id);
                continue;
            }

            if (_session.ThrewIn.Contains(policyId))
            {
                tally.Gap(ReplayGap.ConditionThrew, decision.Id);
                continue;
            }

            var listed = decision.Policies.Contains(policyId, StringComparer.Ordinal);
            var replayed = _replayed.TryGetValue(policyId, out var now);
            if (listed || replayed)
            {
                tally.Add(listed ? decision.OutcomeOf(policyId) : DecisionOutcome.Allow, replayed ? now : DecisionOutcome.Allow, overridden, harmed);
            }
        }

        if (_masked.Count > 0)
        {
            _overall.Gap(ReplayGap.MaskedProperty, decision.Id);
        }
        else if (_session.ThrewIn.Count > 0)
        {
            _overall.Gap(ReplayGap.ConditionThrew, decision.Id);
        }
        else
        {
            _overall.Add(decision.Outcome, _replayed.Count == 0 ? DecisionOutcome.Allow : _replayed.Values.Max(), overridden, harmed);
        }
    }

    public Replay Finish()
    {
        if (_only is not null && !_tallies.ContainsKey(_only) && !_catalog.ContainsKey(_only) && !_candidate.Set.TryGet(_only, out _))
        {
            throw new ArgumentException($"Policy '{_only}' is neither in the candidate nor in the evidence.", "policyId");
        }

        var ids = _catalog.Keys.Concat(_tallies.Keys).Concat(_candidate.Policies.Select(p => p.Id))
            .Where(id => _only is null || id == _only)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var policies = new List<PolicyReplay>();
        foreach (var id in ids)
        {
            var recorded = _catalog.GetValueOrDefault(id);
            var inCandidate = _candidate.Set.TryGet(id, out var descriptor);
            var inEvidence = recorded is not null || _seenInEvidence.Contains(id);
            policies.Add(new PolicyReplay
            {
                Id = id,
                Title = inCandidate ? descriptor.Title : recorded?.Title ?? id,
                Status = !inCandidate ? ReplayStatus.Removed
                    : !inEvidence ? ReplayStatus.New
                    : recorded?.Version is { } version && version == descriptor.Version ? ReplayStatus.Same
                    : ReplayStatus.Changed,
                EvidenceVersion = recorded?.Version,
                CandidateVersion = inCandidate ? descriptor.Version : null,
                Figures = (_tallies.GetValueOrDefault(id) ?? new ReplayTally()).ToFigures(),
            });
        }

        return new Replay
        {
            Window = _window,
            CandidateVersion = _candidate.Version,
            Decisions = _decisions,
            DecisionsWithFacts = _withFacts,
            Overall = _overall.ToFigures(),
            Policies = policies,
        };
    }

    private ReplayGap? Rebind(DecisionRecord decision)
    {
        foreach (var policyId in decision.Policies)
        {
            _seenInEvidence.Add(policyId);
        }

        if (decision.Facts is not { } facts)
        {
            return ReplayGap.NoFacts;
        }

        _withFacts++;
        if (_rebinder.TryRebind(facts, _bound) is { } gap)
        {
            return gap;
        }

        _facts.Clear();
        foreach (var (fact, _) in _bound)
        {
            _facts.Add(fact);
        }

        // The service context is kept in the record's own fields; a policy may match on it, so it goes back in.
        if (decision.Customer is not null || decision.Location is not null || decision.Staff is not null)
        {
            _facts.Add(new ServiceContext(decision.Customer, decision.Location, decision.Staff));
        }

        return null;
    }

    private void FindMaskedReads()
    {
        _masked.Clear();
        foreach (var (fact, masked) in _bound)
        {
            if (masked.Count == 0)
            {
                continue;
            }

            var key = (fact.GetType(), string.Join('\n', masked));
            if (!_maskedReaders.TryGetValue(key, out var readers))
            {
                readers = _candidate.Policies.Where(p => _candidate.Reads.NeedsMasked(p.Id, fact.GetType(), masked)).Select(p => p.Id).ToArray();
                _maskedReaders.Add(key, readers);
            }

            _masked.UnionWith(readers);
        }
    }

    private ReplayTally? TallyOf(string policyId)
    {
        if (_only is not null && policyId != _only)
        {
            return null;
        }

        if (!_tallies.TryGetValue(policyId, out var tally))
        {
            tally = new ReplayTally();
            _tallies.Add(policyId, tally);
        }

        return tally;
    }
}
