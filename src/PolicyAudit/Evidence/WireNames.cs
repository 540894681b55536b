namespace PolicyAudit;

/// <summary>
/// The kebab-case names enums have in evidence encodings, imports and reports (<c>require-approval</c>), one table
/// per enum so every reader and writer agrees.
/// </summary>
internal static class WireNames
{
    public static string Of(DecisionOutcome value) => value switch
    {
        DecisionOutcome.Allow => "allow",
        DecisionOutcome.RequireApproval => "require-approval",
        DecisionOutcome.Deny => "deny",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Of(StaffRole value) => value switch
    {
        StaffRole.Staff => "staff",
        StaffRole.Supervisor => "supervisor",
        StaffRole.Manager => "manager",
        StaffRole.Owner => "owner",
        StaffRole.Nobody => "nobody",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Of(OutcomeKind value) => value switch
    {
        OutcomeKind.None => "none",
        OutcomeKind.Compliment => "compliment",
        OutcomeKind.Complaint => "complaint",
        OutcomeKind.Loss => "loss",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Of(EvidenceKind value) => value switch
    {
        EvidenceKind.Policy => "policy",
        EvidenceKind.Decision => "decision",
        EvidenceKind.Override => "override",
        EvidenceKind.RefusedOverride => "refused-override",
        EvidenceKind.Outcome => "outcome",
        EvidenceKind.DroppedDecisions => "dropped-decisions",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Of(OverrideRefusalReason value) => value switch
    {
        OverrideRefusalReason.DecisionAllowed => "decision-allowed",
        OverrideRefusalReason.MissingJustification => "missing-justification",
        OverrideRefusalReason.PlaceholderJustification => "placeholder-justification",
        OverrideRefusalReason.InsufficientAuthority => "insufficient-authority",
        OverrideRefusalReason.NotOverridable => "not-overridable",
        OverrideRefusalReason.AlreadyOverridden => "already-overridden",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static bool TryParse(string? text, out DecisionOutcome value) => TryParse(text, Of, out value);

    public static bool TryParse(string? text, out StaffRole value) => TryParse(text, Of, out value);

    public static bool TryParse(string? text, out OutcomeKind value) => TryParse(text, Of, out value);

    public static bool TryParse(string? text, out EvidenceKind value) => TryParse(text, Of, out value);

    public static bool TryParse(string? text, out OverrideRefusalReason value) => TryParse(text, Of, out value);

    /// <summary>The accepted names of <typeparamref name="T"/>, for error messages ("staff|supervisor|...").</summary>
    public static string Choices<T>(Func<T, string> name)
        where T : struct, Enum => string.Join("|", Enum.GetValues<T>().Select(name));

    private static bool TryParse<T>(string? text, Func<T, string> name, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(name(candidate), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
