namespace PolicyAudit;

/// <summary>
/// The lengths evidence text may have, in UTF-16 characters. The library refuses longer text with an
/// <see cref="ArgumentException"/>, and the <c>policyaudit import</c> tool with an error naming the line, so a single
/// record can neither bloat the chain nor a report.
/// </summary>
public static class EvidenceLimits
{
    /// <summary>An identifier: staff, customer, location, decision, policy, approver (after trimming).</summary>
    public const int IdentifierLength = 200;

    /// <summary>A policy's title.</summary>
    public const int TitleLength = 500;

    /// <summary>Free text: a justification, an outcome's note, a policy's rationale or a reason.</summary>
    public const int TextLength = 4_000;
}
