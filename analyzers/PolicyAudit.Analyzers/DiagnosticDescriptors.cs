using Microsoft.CodeAnalysis;

namespace PolicyAudit.Analyzers;

/// <summary>The catalog of every diagnostic PolicyAudit reports; analyzers and code fixes share these.</summary>
internal static class DiagnosticDescriptors
{
    public const string HardCodedPolicyCheckId = "PA0001";
    public const string DecisionIgnoredId = "PA0002";
    public const string OverrideWithoutJustificationId = "PA0003";
    public const string UnknownPolicyIdId = "PA0004";
    public const string InvalidGovernedListEntryId = "PA0005";
    public const string UngovernedDeclarationId = "PA0006";

    private const string Category = "PolicyAudit";

    public static readonly DiagnosticDescriptor HardCodedPolicyCheck = new(
        HardCodedPolicyCheckId,
        title: "Policy check is hard-coded instead of asking the policy engine",
        messageFormat: "'{0}' hard-codes {1}; ask IPolicyEngine so that exceptions are recorded",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A comparison over a member that a policy governs decides the case outside the engine, so staff overrides of that decision never reach the evidence log and the review cannot tell whether the policy should change.",
        helpLinkUri: HelpLink(HardCodedPolicyCheckId));

    public static readonly DiagnosticDescriptor DecisionIgnored = new(
        DecisionIgnoredId,
        title: "Policy decision is discarded",
        messageFormat: "The decision of '{0}' is discarded; keep it and branch on its outcome",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Evaluating the policies and ignoring the decision means a Deny or RequireApproval outcome is never honoured and an override cannot refer to the decision it overrides.",
        helpLinkUri: HelpLink(DecisionIgnoredId));

    public static readonly DiagnosticDescriptor OverrideWithoutJustification = new(
        OverrideWithoutJustificationId,
        title: "Override has no real justification",
        messageFormat: "The justification {0} does not say why the policy was overridden",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The review reads override justifications to decide whether a policy should be rescinded or its authority moved; an empty, blank or placeholder justification leaves the reviewer with nothing to read.",
        helpLinkUri: HelpLink(OverrideWithoutJustificationId));

    public static readonly DiagnosticDescriptor UnknownPolicyId = new(
        UnknownPolicyIdId,
        title: "Policy id is not declared by any policy",
        messageFormat: "No policy in this compilation or its references declares the id '{0}'{1}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A policy id that no [Policy(\"id\")] class declares governs nothing: the member it marks is never checked and the evidence it names cannot be matched to a policy.",
        helpLinkUri: HelpLink(UnknownPolicyIdId));

    public static readonly DiagnosticDescriptor InvalidGovernedListEntry = new(
        InvalidGovernedListEntryId,
        title: "PolicyAudit.Governed.txt entry governs nothing",
        messageFormat: "{0}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A line of PolicyAudit.Governed.txt that is not 'documentation-id;policy-id', or whose id matches no property, field or method, is ignored, so the member it was meant to govern is not checked by PA0001.",
        helpLinkUri: HelpLink(InvalidGovernedListEntryId));

    public static readonly DiagnosticDescriptor UngovernedDeclaration = new(
        UngovernedDeclarationId,
        title: "Policy condition tests a member that is not governed where it is declared",
        messageFormat: "Policy '{0}' tests '{1}', but '{2}' does not know it is governed; mark the member [GovernedBy(\"{0}\")] so that checks in '{2}' are reported",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The generator carries the members a policy tests to the projects that reference the Policies project, but not to the project that declares them, where entities check their own limits. Marking the member [GovernedBy] where it is declared makes PA0001 report those checks too.",
        helpLinkUri: HelpLink(UngovernedDeclarationId));

    private static string HelpLink(string id) =>
        "https://github.com/policyaudit/policyaudit/blob/main/analyzers/docs/" + id + ".md";
}
