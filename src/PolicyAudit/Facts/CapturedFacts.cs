namespace PolicyAudit;

/// <summary>What the engine keeps of a decision's facts: the digest, and the facts themselves unless storing is off.</summary>
/// <param name="Digest">The SHA-256 of the facts' stored form (computed even when they are not stored).</param>
/// <param name="Stored">The facts to store in the decision's record; null when the options store no facts.</param>
internal readonly record struct CapturedFacts(string Digest, DecisionFacts? Stored);
