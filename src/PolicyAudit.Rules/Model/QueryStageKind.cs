namespace PolicyAudit.Rules;

/// <summary>The operation of one stage of a query pipeline.</summary>
internal enum QueryStageKind
{
    Where,
    Select,
    Collect,
    GroupBy,
    Count,
    Sum,
}
