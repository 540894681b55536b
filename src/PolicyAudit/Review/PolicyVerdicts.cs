using System.Globalization;

namespace PolicyAudit;

/// <summary>
/// Turns a policy's figures into a verdict and the sentences that explain it. The rules are tried in the order of
/// <see cref="Verdict"/>; the thresholds come from <see cref="ReviewOptions"/>.
/// </summary>
internal static class PolicyVerdicts
{
    public static PolicyReview Judge(PolicyTally tally, PolicyRecord? policy, ReviewOptions options)
    {
        var topStaff = tally.OverridesByStaff
            .OrderByDescending(s => s.Value)
            .ThenBy(s => s.Key, StringComparer.Ordinal)
            .Take(options.CoachTopStaffCount)
            .ToArray();
        var topStaffShare = Share(topStaff.Sum(s => s.Value), tally.Overrides);
        var rate = Share(tally.Overrides, tally.Denials);
        var harmShare = Share(tally.Harmful, tally.Overrides);
        var escalatedShare = Share(tally.Escalated, tally.Overrides);
        var (low, high) = WilsonInterval.Of(tally.Overrides, tally.Denials);
        var overriddenRatio = $"Staff overrode {tally.Overrides} of {tally.Denials} denials ({Percent(rate)}; 95% interval {Percent(low)} to {Percent(high)})";
        var notEnforce = $"enforce ({Count(tally.Harmful, "harmful outcome")}, {Percent(harmShare)} of the overrides, not above {Percent(options.EnforceAboveHarmRate)})";
        var notCoach = $"coach (the top {Count(options.CoachTopStaffCount, "staff member")} made {Percent(topStaffShare)}, below {Percent(options.CoachTopStaffShare)})";
        var notDelegate = $"delegate ({tally.Escalated} of {tally.Overrides} escalated, {Percent(escalatedShare)}, below {Percent(options.DelegateEscalatedShare)})";
        var reasons = new List<string>();
        Verdict verdict;
        if (tally.Denials < options.MinimumDenials)
        {
            verdict = Verdict.InsufficientEvidence;
            reasons.Add($"Only {Count(tally.Denials, "denial")} in the window: at least {options.MinimumDenials} are needed before the policy can be judged.");
            if (tally.Overrides > 0)
            {
                reasons.Add($"{Count(tally.Overrides, "override")} so far; look again when more evidence has arrived.");
            }
        }
        else if (rate < options.KeepBelowOverrideRate)
        {
            verdict = Verdict.Keep;
            reasons.Add($"{overriddenRatio}, below the {Percent(options.KeepBelowOverrideRate)} threshold: the policy holds; keep it.");
        }
        else if (tally.Overrides < options.MinimumOverrides)
        {
            // The rate says "look", but a pattern (who overrides, whether it harms, whether it is escalated) read from a
            // handful of overrides is an anecdote; the interval above shows how little the rate itself rests on.
            verdict = Verdict.InsufficientEvidence;
            reasons.Add($"{overriddenRatio}.");
            reasons.Add($"Only {Count(tally.Overrides, "override")}: at least {options.MinimumOverrides} are needed before a pattern (rescind, enforce, delegate or coach) can be judged.");
        }
        else if (harmShare > options.EnforceAboveHarmRate)
        {
            verdict = Verdict.Enforce;
            reasons.Add($"{overriddenRatio}.");
            reasons.Add($"{Count(tally.Harmful, "overridden decision")} ({Percent(harmShare)} of the overrides) led to a complaint or a loss, above the {Percent(options.EnforceAboveHarmRate)} threshold: the policy protects something. Enforce it and explain its rationale to staff.");
        }
        else if (topStaffShare >= options.CoachTopStaffShare)
        {
            verdict = Verdict.Coach;
            reasons.Add($"{overriddenRatio}.");
            reasons.Add($"{string.Join(" and ", topStaff.Select(s => $"{s.Key} ({s.Value})"))} made {Percent(topStaffShare)} of the overrides, at or above the {Percent(options.CoachTopStaffShare)} threshold: a few people, not the rule. Coach them on why the policy exists.");
            reasons.Add($"Ruled out: {notEnforce}.");
        }
        else if (escalatedShare >= options.DelegateEscalatedShare)
        {
            verdict = Verdict.Delegate;
            reasons.Add($"{overriddenRatio}.");
            reasons.Add($"{tally.Escalated} of the {tally.Overrides} overrides ({Percent(escalatedShare)}) were escalated to an approver, at or above the {Percent(options.DelegateEscalatedShare)} threshold: the exception is granted whenever it is asked for. Move the authority to the front line{AuthorityNote(policy)}.");
            reasons.Add($"Ruled out: {notEnforce}; {notCoach}.");
        }
        else
        {
            verdict = Verdict.Rescind;
            reasons.Add($"{overriddenRatio}, by {Count(tally.OverridesByStaff.Count, "staff member")}.");
            reasons.Add("The policy is overridden broadly, without harm and without escalation: the rule itself is wrong. Rescind it or rewrite it.");
            reasons.Add($"Ruled out: {notEnforce}; {notCoach}; {notDelegate}.");
        }

        if (tally.Unauthorized > 0)
        {
            reasons.Add($"{Count(tally.Unauthorized, "override")} lacked the required authority{RoleNote(policy)} and had no approver.");
        }

        return new PolicyReview
        {
            Id = tally.PolicyId,
            Title = policy?.Title ?? tally.PolicyId,
            Owner = policy?.Owner,
            OverridableBy = policy?.OverridableBy,
            Rationale = policy?.Rationale,
            Decisions = tally.Decisions,
            Denials = tally.Denials,
            Overrides = tally.Overrides,
            EscalatedOverrides = tally.Escalated,
            UnauthorizedOverrides = tally.Unauthorized,
            DistinctStaff = tally.OverridesByStaff.Count,
            DistinctCustomers = tally.DistinctCustomers,
            HarmfulOutcomes = tally.Harmful,
            TopStaffShare = topStaffShare,
            TopJustifications = tally.Justifications
                .OrderByDescending(j => j.Value)
                .ThenBy(j => j.Key, StringComparer.Ordinal)
                .Take(options.TopJustifications)
                .Select(j => new JustificationCount(j.Key, j.Value))
                .ToArray(),
            JustificationGroups = JustificationWords.Group(tally.Justifications, options.TopJustifications),
            Harms = tally.Harms.OrderBy(h => h.At).ThenBy(h => h.DecisionId, StringComparer.Ordinal).ToArray(),
            Versions = new[] { tally.Unversioned }
                .Where(v => v.Decisions + v.Overrides > 0)
                .Concat(tally.Versions.Values.OrderBy(v => v.Order))
                .Select(v => new PolicyVersionFigures(v.Version, v.Decisions, v.Denials, v.Overrides))
                .ToArray(),
            OverridesByDay = tally.OverridesByDay
                .OrderBy(d => d.Key)
                .Select(d => new DailyOverrides(d.Key, d.Value))
                .ToArray(),
            Verdict = verdict,
            Reasons = reasons,
        };
    }

    /// <summary>How soon a verdict asks for action, for ordering reports: rescind first, insufficient evidence last.</summary>
    public static int Urgency(Verdict verdict) => verdict switch
    {
        Verdict.Rescind => 0,
        Verdict.Enforce => 1,
        Verdict.Delegate => 2,
        Verdict.Coach => 3,
        Verdict.Keep => 4,
        _ => 5,
    };

    private static string AuthorityNote(PolicyRecord? policy) =>
        policy is null || policy.OverridableBy <= StaffRole.Staff ? string.Empty : $" (it sits with {Role(policy.OverridableBy)} today)";

    private static string RoleNote(PolicyRecord? policy) =>
        policy is null ? string.Empty : $" ({Role(policy.OverridableBy)})";

    private static string Role(StaffRole role) => role == StaffRole.Nobody ? "nobody" : WireNames.Of(role);

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    private static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");

    /// <summary>A share as a percentage with at most one decimal, in the invariant culture ("12.5%").</summary>
    internal static string Percent(double share) =>
        (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
