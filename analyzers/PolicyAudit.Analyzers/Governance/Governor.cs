using System.Linq;
using System.Collections.Generic;

namespace PolicyAudit.Analyzers.Governance;

/// <summary>A policy that governs a member, with the tests its conditions make of it (none when only named, as by <c>[GovernedBy]</c>).</summary>
internal sealed class Governor
{
    public Governor(string policyId, IReadOnlyList<ConditionTest> tests, IReadOnlyList<string>? facts = null, IReadOnlyList<string>? paths = null, bool countsItems = false)
    {
        PolicyId = policyId;
        CountsItems = countsItems;
        Tests = tests;
        Facts = facts ?? System.Array.Empty<string>();
        Paths = paths ?? System.Array.Empty<string>();
    }

    /// <summary>A governor from a <c>Conditions</c> text as the attributes carry it: its tests and its fact types.</summary>
    public static Governor Parse(string policyId, string? conditions) =>
        new(policyId, ConditionTest.Parse(conditions), FactTypes.Parse(conditions), HolderPaths.Parse(conditions),
            ConditionTest.ItemsAfter(conditions, PolicyConditionScanner.CountedItemsPrefix).Contains(PolicyConditionScanner.CountedItems.Value!));

    public string PolicyId { get; }

    public IReadOnlyList<ConditionTest> Tests { get; }

    /// <summary>The fact types the policy reads an inherited member on (see <see cref="FactTypes"/>); empty when it reads it on any.</summary>
    public IReadOnlyList<string> Facts { get; }

    /// <summary>The properties the policy reads a value holder's member through (see <see cref="HolderPaths"/>); empty when it reads it through any.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>
    /// True when the policy tests the member only to choose the items a query counts (<c>#count</c>, see
    /// <see cref="PolicyConditionScanner.IsCountedQueryMatch"/>): only a test inside a count is its check.
    /// </summary>
    public bool CountsItems { get; }
}
