using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace PolicyAudit;

/// <summary>
/// Checks override attempts, records refused ones and appends accepted ones durably before acknowledging them.
/// Thread-safe: the store orders concurrent appends into one chain. A decision is overridden at most once: the
/// override's record id is derived from the decision's (<see cref="RecordIdFor"/>), so of two concurrent attempts the
/// store's (kind, id) uniqueness lets exactly one land, in every store, and the other is refused and recorded.
/// </summary>
internal sealed class OverrideRecorder : IOverrideRecorder
{
    private readonly IEvidenceStore _store;
    private readonly JustificationCheck _justifications;
    private readonly TimeProvider _time;
    private readonly PolicyAuditTelemetry _telemetry;
    private readonly ILogger _logger;
    private readonly PolicySet? _policies;

    // With the engine's policy set, a decision naming a policy outside it is bad input, and a policy's authority is
    // the stricter of the decision's and the set's, so an edited decision cannot lower it.
    public OverrideRecorder(IEvidenceStore store, JustificationCheck justifications, TimeProvider time, PolicyAuditTelemetry telemetry, ILogger logger, PolicySet? policies = null)
    {
        _policies = policies;
        _store = store;
        _justifications = justifications;
        _time = time;
        _telemetry = telemetry;
        _logger = logger;
    }

    /// <summary>The id of the override record of a decision: one per decision, as imported overrides have.</summary>
    public static string RecordIdFor(string decisionId) => decisionId + ":override";

    public async Task<OverrideReceipt> OverrideAsync(
        Decision decision,
        StaffMember by,
        string justification,
        StaffMember? approvedBy = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(by);
        justification ??= string.Empty;

        // Refused before anything is recorded: the refusal would otherwise store the oversized text it refuses.
        UnicodeText.FreeText(justification, nameof(justification));
        using var activity = PolicyAuditTelemetry.ActivitySource.StartActivity("PolicyAudit.Override");
        activity?.SetTag("policyaudit.decision_id", decision.Id);
        activity?.SetTag("policyaudit.staff_role", WireNames.Of(by.Role));

        var authority = AuthorityOf(decision);
        var snapshot = DecisionSnapshot.From(decision);
        var now = _time.GetUtcNow();
        var refusal = Check(decision, authority, by, justification, approvedBy);
        var id = RecordIdFor(decision.Id);

        // A second override of the decision is caught by the append itself (the record id is the decision's, and
        // every store refuses a repeated id with DuplicateEvidenceException): looking first would cost every accepted
        // override a round trip to the store, and would not close the race between two attempts anyway.
        if (refusal is { } r)
        {
            throw await RefuseAsync(decision, by, justification, approvedBy, snapshot, now, r, activity, cancellationToken).ConfigureAwait(false);
        }

        var record = new OverrideRecord
        {
            Id = id,
            At = now,
            DecisionId = decision.Id,
            Staff = by.Id,
            Role = by.Role,
            Justification = justification.Trim(),
            ApprovedBy = approvedBy?.Id,
            ApproverRole = approvedBy?.Role,
            RequiredRole = authority.Count == 0 ? StaffRole.Staff : authority.Max(p => p.Role),
            Decision = snapshot,
        };
        ChainCheckpoint link;
        try
        {
            link = await _store.AppendOverrideAsync(record, cancellationToken).ConfigureAwait(false);
        }
        catch (DuplicateEvidenceException)
        {
            // The decision was overridden already, earlier or by a concurrent attempt.
            throw await RefuseAsync(decision, by, justification, approvedBy, snapshot, now, AlreadyOverridden(decision), activity, cancellationToken).ConfigureAwait(false);
        }

        foreach (var policy in decision.Restricting)
        {
            _telemetry.OverrideRecorded(policy.PolicyId);
        }

        Log.OverrideRecorded(_logger, record.Id, decision.Id, by.Id, by.Role, link.Sequence);
        activity?.SetTag("policyaudit.override_id", record.Id);
        return new OverrideReceipt(record.Id, decision.Id, link.Sequence, link.Hash, now);
    }

    private static (OverrideRefusalReason Reason, string Message) AlreadyOverridden(Decision decision) =>
        (OverrideRefusalReason.AlreadyOverridden,
            $"Decision {decision.Id} was overridden already; a decision is overridden at most once. Ask the staff member who overrode it, or make a new decision.");

    /// <summary>Records the refused attempt; returns the refusal for the caller to throw.</summary>
    private async Task<OverrideRefusedException> RefuseAsync(Decision decision, StaffMember by, string justification, StaffMember? approvedBy, DecisionSnapshot snapshot, DateTimeOffset now, (OverrideRefusalReason Reason, string Message) refusal, Activity? activity, CancellationToken cancellationToken)
    {
        await _store.AppendRefusalAsync(new RefusedOverrideRecord
        {
            Id = TimeSortableId.New(now),
            At = now,
            DecisionId = decision.Id,
            Staff = by.Id,
            Role = by.Role,
            Justification = justification,
            ApprovedBy = approvedBy?.Id,
            ApproverRole = approvedBy?.Role,
            Reason = refusal.Reason,
            Message = refusal.Message,
            Decision = snapshot,
        }, cancellationToken).ConfigureAwait(false);
        _telemetry.OverrideRefused(refusal.Reason);
        Log.OverrideRefused(_logger, decision.Id, by.Id, by.Role, refusal.Reason, refusal.Message);
        activity?.SetTag("policyaudit.refusal_reason", WireNames.Of(refusal.Reason));
        activity?.SetStatus(ActivityStatusCode.Error, refusal.Message);
        return new OverrideRefusedException(refusal.Reason, decision.Id, refusal.Message);
    }

    private List<(string PolicyId, StaffRole Role)> AuthorityOf(Decision decision)
    {
        // Only the policies that denied or required approval ask for authority; one that allowed has nothing to override.
        var authority = new List<(string, StaffRole)>(decision.FiredPolicies.Count);
        foreach (var policy in decision.Restricting)
        {
            var role = policy.OverridableBy;
            if (_policies is not null)
            {
                if (!_policies.TryGet(policy.PolicyId, out var known))
                {
                    throw new ArgumentException(
                        $"Decision {decision.Id} names policy '{policy.PolicyId}', which is not in the policy set ({string.Join(", ", _policies.Policies.Select(p => p.Id))}); override decisions made by this application's engine.",
                        nameof(decision));
                }

                role = (StaffRole)Math.Max((int)role, (int)known.OverridableBy);
            }

            authority.Add((policy.PolicyId, role));
        }

        return authority;
    }

    private (OverrideRefusalReason Reason, string Message)? Check(Decision decision, List<(string PolicyId, StaffRole Role)> authority, StaffMember by, string justification, StaffMember? approvedBy)
    {
        if (decision.Outcome == DecisionOutcome.Allow)
        {
            return (OverrideRefusalReason.DecisionAllowed,
                $"Decision {decision.Id} allowed the request; there is nothing to override.");
        }

        if (JustificationCheck.IsBlank(justification))
        {
            return (OverrideRefusalReason.MissingJustification,
                $"An override of decision {decision.Id} needs a justification: say, in your own words, why the policy should not apply here.");
        }

        if (_justifications.IsPlaceholder(justification))
        {
            return (OverrideRefusalReason.PlaceholderJustification,
                $"'{justification.Trim()}' is a placeholder, not a justification: say why the policy should not apply here, so the policy's owner can learn from it.");
        }

        var locked = authority.Where(p => p.Role == StaffRole.Nobody).Select(p => p.PolicyId).ToArray();
        if (locked.Length > 0)
        {
            return (OverrideRefusalReason.NotOverridable,
                $"Policy {string.Join(", ", locked)} cannot be overridden by anybody (for example, it is the law); the decision stands.");
        }

        var required = authority.Count == 0 ? StaffRole.Staff : authority.Max(p => p.Role);
        if (by.Role >= required)
        {
            return null;
        }

        var policies = string.Join(", ", authority.Where(p => p.Role > by.Role).Select(p => p.PolicyId));
        if (approvedBy is null)
        {
            return (OverrideRefusalReason.InsufficientAuthority,
                $"Overriding {policies} needs a {Describe(required)} or above; {by.Id} is {Describe(by.Role)}. Ask a {Describe(required)} to approve.");
        }

        // Ids as people read them: "Waiter-1" approving "waiter-1" is the same person approving themselves.
        if (UnicodeText.SameIdentifier(approvedBy.Id, by.Id))
        {
            return (OverrideRefusalReason.InsufficientAuthority,
                $"{by.Id} cannot approve their own override of {policies}; ask another {Describe(required)} or above.");
        }

        if (approvedBy.Role < required)
        {
            return (OverrideRefusalReason.InsufficientAuthority,
                $"Overriding {policies} needs a {Describe(required)} or above; the approver {approvedBy.Id} is {Describe(approvedBy.Role)}.");
        }

        return null;
    }

    private static string Describe(StaffRole role) => role == StaffRole.Staff ? "staff member" : WireNames.Of(role);
}
