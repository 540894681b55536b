namespace PolicyAudit.Reliability.Tests;

/// <summary>
/// One change made to stored evidence, what it touched and whether the plain chain can see it (null: it depends on
/// the change, so only the checkpointed verification is asserted).
/// </summary>
/// <param name="Kind">changed, deleted, swapped or cut off.</param>
/// <param name="Description">What was done, for failure messages.</param>
/// <param name="FirstTouched">The lowest sequence number the change touched.</param>
/// <param name="LastTouched">The highest sequence number the change touched (or created).</param>
/// <param name="PlainChainSees">True when verification without a checkpoint must fail, false when it cannot.</param>
internal sealed record Tampering(string Kind, string Description, long FirstTouched, long LastTouched, bool? PlainChainSees);
