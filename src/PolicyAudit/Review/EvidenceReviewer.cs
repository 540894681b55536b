namespace PolicyAudit;

/// <summary>
/// Reviews evidence in one streaming pass over the whole chain: records inside the window are aggregated per policy;
/// every record, inside or not, may describe a policy (titles, owners and authority come from the latest
/// <see cref="PolicyRecord"/> of each policy, which is usually written long before the window, at engine start-up,
/// and for imported catalogs may be written after it). One pass over everything is cheaper than a window pass plus a
/// separate catalog pass, and memory stays bounded by the number of policies, staff, customers and overridden
/// decisions, never by the number of decisions. Thread-safe: each call keeps its own state.
/// </summary>
internal sealed class EvidenceReviewer : IEvidenceReviewer
{
    private const int ProgressEvery = 1000;

    private readonly IEvidenceStore _store;
    private readonly ReviewOptions _options;

    public EvidenceReviewer(IEvidenceStore store, ReviewOptions options)
    {
        _store = store;
        _options = options;
    }

    public async Task<Review> ReviewAsync(EvidenceWindow window, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        var pass = new ReviewPass(window);
        long read = 0;
        await foreach (var stored in _store.ReadAsync(EvidenceWindow.All, cancellationToken).ConfigureAwait(false))
        {
            pass.Add(stored.Record);
            if (++read % ProgressEvery == 0)
            {
                progress?.Report(read);
            }
        }

        var review = pass.Finish(_options);
        var searched = review.Policies
            .Where(p => p.Verdict is Verdict.Rescind or Verdict.Enforce or Verdict.Delegate or Verdict.Coach && pass.HasFacts(p.Id))
            .ToDictionary(p => p.Id, _ => new FactHistogram(), StringComparer.Ordinal);
        if (searched.Count > 0)
        {
            // A second pass, over the window only: whether a denial was overridden is known only once the whole window
            // has been read, and keeping every denial's facts until then would grow with the decisions.
            await foreach (var stored in _store.ReadAsync(window, cancellationToken).ConfigureAwait(false))
            {
                if (stored.Record is DecisionRecord decision)
                {
                    pass.AddFacts(decision, searched);
                }

                if (++read % ProgressEvery == 0)
                {
                    progress?.Report(read);
                }
            }

            review = review with
            {
                Policies = review.Policies
                    .Select(p => searched.TryGetValue(p.Id, out var histogram) ? p with { Suggestion = SuggestionFinder.Find(p, histogram, _options) } : p)
                    .ToArray(),
            };
        }

        progress?.Report(read);
        return review;
    }

    /// <summary>The state of one review while it reads the chain.</summary>
    private sealed class ReviewPass(EvidenceWindow window)
    {
        private readonly Dictionary<string, PolicyRecord> _catalog = new(StringComparer.Ordinal);
        private readonly Dictionary<string, PolicyTally> _tallies = new(StringComparer.Ordinal);

        // Which version of a policy a policy set contained: decisions name the set, overrides' snapshots too.
        private readonly Dictionary<(string SetVersion, string PolicyId), string?> _policyVersionInSet = [];

        // Overridden decisions (in the window) and the policies their overrides count against, for harmful outcomes.
        private readonly Dictionary<string, OverriddenDecision> _overridden = new(StringComparer.Ordinal);

        // Complaints and losses by decision, in case the outcome is chained before the override.
        // Only what an owner reads is kept (not the record), since most of these decisions are never overridden.
        private readonly Dictionary<string, List<(OutcomeKind Kind, DateTimeOffset At, string? Note)>> _harmed = new(StringComparer.Ordinal);

        // Per customer, per set of policies an override counted against: owner packets count from it.
        private readonly Dictionary<string, Dictionary<string, (IReadOnlyList<string> Policies, int Overrides)>> _overridesByCustomer = new(StringComparer.Ordinal);
        private readonly Dictionary<string, StaffTally> _staff = new(StringComparer.Ordinal);

        // Policies with at least one denial in the window whose decision stored its facts: worth a second pass.
        private readonly HashSet<string> _withFacts = new(StringComparer.Ordinal);
        private long _dropped;

        public bool HasFacts(string policyId) => _withFacts.Contains(policyId);

        /// <summary>Counts a window decision's facts for each searched policy that denied or required approval in it.</summary>
        public void AddFacts(DecisionRecord decision, IReadOnlyDictionary<string, FactHistogram> searched)
        {
            if (decision.Facts is not { } facts || !window.Contains(decision.At))
            {
                return;
            }

            Dictionary<string, FactValue>? properties = null;
            foreach (var policyId in decision.Policies.Distinct(StringComparer.Ordinal))
            {
                if (!searched.TryGetValue(policyId, out var histogram) || decision.OutcomeOf(policyId) == DecisionOutcome.Allow)
                {
                    continue;
                }

                if (properties is null)
                {
                    properties = new(StringComparer.Ordinal);
                    foreach (var fact in facts.Items)
                    {
                        if (fact.Value is { } value)
                        {
                            FactProperties.Add(fact.Type, value, fact.Masked, properties);
                        }
                    }
                }

                var overridden = _overridden.TryGetValue(decision.Id, out var o) && o.Policies.Contains(policyId, StringComparer.Ordinal);
                histogram.Add(properties, overridden);
            }
        }

        public void Add(EvidenceRecord record)
        {
            var inWindow = window.Contains(record.At);
            switch (record)
            {
                case PolicyRecord policy:
                    _catalog[policy.PolicyId] = policy;
                    break;
                case DecisionRecord decision:
                    AddDecision(decision, inWindow);
                    break;
                case OverrideRecord @override when inWindow:
                    AddOverride(@override);
                    break;
                case RefusedOverrideRecord refused when inWindow:
                    StaffOf(refused.Staff).Refused++;
                    break;
                case OutcomeRecord outcome when outcome.Outcome is OutcomeKind.Complaint or OutcomeKind.Loss:
                    AddHarm(outcome);
                    break;
                case DroppedDecisionsRecord dropped when inWindow:
                    _dropped += dropped.Count;
                    break;
            }
        }

        public Review Finish(ReviewOptions options)
        {
            foreach (var policyId in _catalog.Keys)
            {
                TallyOf(policyId);
            }

            var judged = _tallies.Values
                .OrderBy(t => t.PolicyId, StringComparer.Ordinal)
                .Select(t => PolicyVerdicts.Judge(t, _catalog.GetValueOrDefault(t.PolicyId), options))
                .ToLookup(p => p.Decisions + p.Overrides > 0);
            var policies = judged[true]
                .OrderBy(p => PolicyVerdicts.Urgency(p.Verdict))
                .ThenByDescending(p => p.Overrides)
                .ThenBy(p => p.Id, StringComparer.Ordinal)
                .ToArray();
            var customers = _overridesByCustomer
                .OrderBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => new CustomerOverrides(c.Key, c.Value.Values.ToArray()))
                .ToArray();
            var staff = _staff
                .OrderBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => new StaffSummary(
                    s.Key,
                    s.Value.Decisions,
                    s.Value.Overrides,
                    s.Value.Escalated,
                    s.Value.Unauthorized,
                    s.Value.Refused,
                    s.Value.Policies.OrderBy(p => p, StringComparer.Ordinal).ToArray()))
                .ToArray();
            return new Review
            {
                Window = window,
                Policies = policies,
                PoliciesWithoutDecisions = judged[false].ToArray(),
                RepeatCustomers = OwnerPacket.RepeatCustomers(customers, options),
                CustomerOverrides = customers,
                Staff = staff,
                DroppedDecisions = _dropped,
                Options = options,
            };
        }

        private void AddDecision(DecisionRecord decision, bool inWindow)
        {
            var policies = decision.Policies.Distinct(StringComparer.Ordinal).ToArray();
            foreach (var policyId in policies)
            {
                var version = _catalog.GetValueOrDefault(policyId)?.Version;
                if (decision.PolicySetVersion is { } setVersion)
                {
                    _policyVersionInSet[(setVersion, policyId)] = version;
                }

                if (!inWindow)
                {
                    continue;
                }

                // A denial counts for a policy only when that policy itself denied or required approval; a record
                // written before policy outcomes were kept can only say the decision's outcome, for all its policies.
                var tally = TallyOf(policyId);
                var versionTally = tally.VersionOf(version);
                tally.Decisions++;
                versionTally.Decisions++;
                if (decision.OutcomeOf(policyId) != DecisionOutcome.Allow)
                {
                    tally.Denials++;
                    versionTally.Denials++;
                    if (decision.Facts is not null)
                    {
                        _withFacts.Add(policyId);
                    }
                }
            }

            if (inWindow && decision.Staff is { } staffId)
            {
                StaffOf(staffId).Decisions++;
            }
        }

        private void AddOverride(OverrideRecord record)
        {
            var snapshot = record.Decision;
            // An override counts against the policies that stood in the way; snapshots list only those, but one
            // written by another tool might list a policy that allowed.
            var policyIds = snapshot.Policies.Where(p => p.Outcome != DecisionOutcome.Allow).Select(p => p.PolicyId).Distinct(StringComparer.Ordinal).ToArray();
            var day = DateOnly.FromDateTime(record.At.UtcDateTime);
            var justification = JustificationText.Normalize(record.Justification);
            var harms = _harmed.GetValueOrDefault(record.DecisionId);
            var harmed = harms is not null;
            var alreadyOverridden = _overridden.TryGetValue(record.DecisionId, out var overridden);
            foreach (var policyId in policyIds)
            {
                var tally = TallyOf(policyId);
                tally.Overrides++;
                if (record.IsEscalated)
                {
                    tally.Escalated++;
                }

                if (record.IsUnauthorized)
                {
                    tally.Unauthorized++;
                }

                tally.OverridesByStaff[record.Staff] = tally.OverridesByStaff.GetValueOrDefault(record.Staff) + 1;
                if (snapshot.Customer is { } customer)
                {
                    tally.Customers.Add(customer);
                }

                tally.Justifications[justification] = tally.Justifications.GetValueOrDefault(justification) + 1;
                tally.OverridesByDay[day] = tally.OverridesByDay.GetValueOrDefault(day) + 1;
                tally.VersionOf(VersionAt(snapshot.PolicySetVersion, policyId)).Overrides++;
                if (harmed && !alreadyOverridden)
                {
                    tally.Harmful++;
                    tally.Harms.AddRange(harms!.Select(h => new OverrideHarm(record.DecisionId, h.Kind, h.At, h.Note, snapshot.Customer, record.Staff, justification)));
                }
            }

            if (!alreadyOverridden)
            {
                _overridden[record.DecisionId] = new OverriddenDecision(policyIds, snapshot.Customer, record.Staff, justification) { Harmed = harmed };
            }

            if (snapshot.Customer is { } repeat)
            {
                if (!_overridesByCustomer.TryGetValue(repeat, out var byPolicies))
                {
                    byPolicies = new(StringComparer.Ordinal);
                    _overridesByCustomer.Add(repeat, byPolicies);
                }

                var sorted = policyIds.Order(StringComparer.Ordinal).ToArray();
                var key = string.Join('\n', sorted);
                byPolicies[key] = (sorted, byPolicies.GetValueOrDefault(key).Overrides + 1);
            }

            var staff = StaffOf(record.Staff);
            staff.Overrides++;
            staff.Escalated += record.IsEscalated ? 1 : 0;
            staff.Unauthorized += record.IsUnauthorized ? 1 : 0;
            staff.Policies.UnionWith(policyIds);
        }

        private void AddHarm(OutcomeRecord outcome)
        {
            if (!_harmed.TryGetValue(outcome.DecisionId, out var harms))
            {
                harms = [];
                _harmed.Add(outcome.DecisionId, harms);
            }

            harms.Add((outcome.Outcome, outcome.At, outcome.Note));
            if (_overridden.TryGetValue(outcome.DecisionId, out var overridden))
            {
                foreach (var policyId in overridden.Policies)
                {
                    var tally = TallyOf(policyId);
                    tally.Harmful += overridden.Harmed ? 0 : 1;
                    tally.Harms.Add(new OverrideHarm(outcome.DecisionId, outcome.Outcome, outcome.At, outcome.Note, overridden.Customer, overridden.Staff, overridden.Justification));
                }

                overridden.Harmed = true;
            }
        }

        private string? VersionAt(string? setVersion, string policyId) =>
            setVersion is not null && _policyVersionInSet.TryGetValue((setVersion, policyId), out var version)
                ? version
                : _catalog.GetValueOrDefault(policyId)?.Version;

        private PolicyTally TallyOf(string policyId)
        {
            if (!_tallies.TryGetValue(policyId, out var tally))
            {
                tally = new PolicyTally(policyId);
                _tallies.Add(policyId, tally);
            }

            return tally;
        }

        private StaffTally StaffOf(string staffId)
        {
            if (!_staff.TryGetValue(staffId, out var tally))
            {
                tally = new StaffTally();
                _staff.Add(staffId, tally);
            }

            return tally;
        }
    }

    /// <summary>What an owner reads about an overridden decision if it later draws a complaint or a loss; the record itself is not kept.</summary>
    private sealed class OverriddenDecision(string[] policies, string? customer, string staff, string justification)
    {
        public string[] Policies { get; } = policies;

        public string? Customer { get; } = customer;

        public string Staff { get; } = staff;

        public string Justification { get; } = justification;

        public bool Harmed { get; set; }
    }

    private sealed class StaffTally
    {
        public int Decisions { get; set; }

        public int Overrides { get; set; }

        public int Escalated { get; set; }

        public int Unauthorized { get; set; }

        public int Refused { get; set; }

        public HashSet<string> Policies { get; } = new(StringComparer.Ordinal);
    }
}
