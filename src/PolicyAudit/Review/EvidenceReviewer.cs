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

        progress?.Report(read);
        return pass.Finish(_options);
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

        // Decisions that drew a complaint or a loss, in case the outcome is chained before the override.
        private readonly HashSet<string> _harmed = new(StringComparer.Ordinal);

        private readonly Dictionary<string, int> _overridesByCustomer = new(StringComparer.Ordinal);
        private readonly Dictionary<string, StaffTally> _staff = new(StringComparer.Ordinal);
        private long _dropped;

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
                    AddHarm(outcome.DecisionId);
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

            var policies = _tallies.Values
                .OrderBy(t => t.PolicyId, StringComparer.Ordinal)
                .Select(t => PolicyVerdicts.Judge(t, _catalog.GetValueOrDefault(t.PolicyId), options))
                .ToArray();
            var repeatCustomers = _overridesByCustomer
                .Where(c => c.Value >= options.RepeatCustomerMinimumOverrides)
                .OrderByDescending(c => c.Value)
                .ThenBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => new RepeatCustomer(c.Key, c.Value))
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
                RepeatCustomers = repeatCustomers,
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
            var harmed = _harmed.Contains(record.DecisionId);
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
                }
            }

            if (!alreadyOverridden)
            {
                _overridden[record.DecisionId] = new OverriddenDecision(policyIds) { Harmed = harmed };
            }

            if (snapshot.Customer is { } repeat)
            {
                _overridesByCustomer[repeat] = _overridesByCustomer.GetValueOrDefault(repeat) + 1;
            }

            var staff = StaffOf(record.Staff);
            staff.Overrides++;
            staff.Escalated += record.IsEscalated ? 1 : 0;
            staff.Unauthorized += record.IsUnauthorized ? 1 : 0;
            staff.Policies.UnionWith(policyIds);
        }

        private void AddHarm(string decisionId)
        {
            _harmed.Add(decisionId);
            if (_overridden.TryGetValue(decisionId, out var overridden) && !overridden.Harmed)
            {
                overridden.Harmed = true;
                foreach (var policyId in overridden.Policies)
                {
                    TallyOf(policyId).Harmful++;
                }
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

    private sealed class OverriddenDecision(string[] policies)
    {
        public string[] Policies { get; } = policies;

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
