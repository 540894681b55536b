using Microsoft.Extensions.Logging;

namespace PolicyAudit;

/// <summary>PolicyAudit's log messages, source-generated so that a disabled level costs nothing.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Policy set {Version} compiled with {Count} policies")]
    public static partial void PolicySetCompiled(ILogger logger, string version, int count);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Decision {DecisionId}: {Outcome} by {Policies}")]
    public static partial void DecisionMade(ILogger logger, string decisionId, DecisionOutcome outcome, string policies);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Override {OverrideId} of decision {DecisionId} by {Staff} ({Role}) recorded at #{Sequence}")]
    public static partial void OverrideRecorded(ILogger logger, string overrideId, string decisionId, string staff, StaffRole role, long sequence);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Override of decision {DecisionId} by {Staff} ({Role}) refused: {Reason}. {Explanation}")]
    public static partial void OverrideRefused(ILogger logger, string decisionId, string staff, StaffRole role, OverrideRefusalReason reason, string explanation);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "The decision buffer was full: {Count} decisions dropped since {Since:O}; the count is recorded as evidence")]
    public static partial void DecisionsDropped(ILogger logger, long count, DateTimeOffset since);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Writing {Count} decisions to the evidence store failed (attempt {Attempt}); retrying in {Delay}")]
    public static partial void DecisionBatchRetrying(ILogger logger, Exception exception, int count, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Writing {Count} decisions to the evidence store failed after every retry; they are counted as dropped")]
    public static partial void DecisionBatchFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 7, Level = LogLevel.Error, Message = "Recording that {Count} decisions were dropped failed; the count is kept and retried")]
    public static partial void DroppedRecordFailed(ILogger logger, Exception exception, long count);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Policy catalog: {Written} policy versions written, {Known} already in the evidence store")]
    public static partial void CatalogWritten(ILogger logger, int written, int known);

    [LoggerMessage(EventId = 9, Level = LogLevel.Error, Message = "Writing the policy catalog to the evidence store failed")]
    public static partial void CatalogFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Outcome {OutcomeId} ({Kind}) recorded for decision {DecisionId}")]
    public static partial void OutcomeRecorded(ILogger logger, string outcomeId, OutcomeKind kind, string decisionId);
}
