namespace PolicyAudit.Rules;

/// <summary>What the fluent builders record, before binding references are resolved into the rule model.</summary>
internal abstract class DslElement
{
}
