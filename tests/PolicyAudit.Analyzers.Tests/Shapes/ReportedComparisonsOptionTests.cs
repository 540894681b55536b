using PolicyAudit.Analyzers.Tests.Verifiers;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// <c>PA0001.reported_comparisons = matching</c> (docs/analyzer-evaluation.md, nineteenth round): only a comparison
/// that makes one of the policies' own tests of the member is reported, the same operator or its complement, or the
/// same constant. By default (<c>any</c>) every comparison that decides is.
/// </summary>
public sealed class ReportedComparisonsOptionTests
{
    private const string Domain = """
        namespace Pantry
        {
            public sealed class Item
            {
                public int Stock { get; set; }
                public int Reserved { get; set; }
                public bool Discontinued { get; set; }
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Pantry;

        namespace Pantry.Policies
        {
            [Policy("sold-out")]
            public sealed class SoldOut : Policy
            {
                public override void Define()
                {
                    Item item = null!;
                    When().Match(() => item, i => i.Stock == 0);
                    Then().Deny("The item is sold out.");
                }
            }

            [Policy("over-reserved")]
            public sealed class OverReserved : Policy
            {
                public override void Define()
                {
                    Item item = null!;
                    When().Match(() => item, i => i.Reserved > 10);
                    Then().Deny("Too many items are reserved.");
                }
            }

            [Policy("discontinued")]
            public sealed class Discontinued : Policy
            {
                public override void Define()
                {
                    Item item = null!;
                    When().Match(() => item, i => i.Discontinued);
                    Then().Deny("The item is discontinued.");
                }
            }
        }
        """;

    private const string Checks = """
        using System;
        using Pantry;

        public static class Orders
        {
            public static string Shelf(Item item) => {|#0:item.Stock != 0|} ? "in stock" : "gone";

            public static void Take(Item item)
            {
                if ({|#1:item.Stock == 0|}) throw new InvalidOperationException("Sold out.");
            }

            public static void TakeMany(Item item, int quantity)
            {
                if ({|#2:item.Stock < quantity|}) throw new InvalidOperationException("Not enough stock.");
            }

            public static bool MayReserve(Item item) => {|#3:item.Reserved <= 10|};

            public static void Reserve(Item item, int limit)
            {
                if ({|#4:item.Reserved >= limit|}) throw new InvalidOperationException("Reservations are full.");
            }

            public static void Sell(Item item)
            {
                if ({|#5:item.Discontinued|}) throw new InvalidOperationException("Discontinued.");
            }
        }
        """;

    [Fact]
    public async Task ReportedComparisons_Unset_ReportsEveryComparisonThatDecides()
    {
        var test = new VerifyCS.Test { TestCode = Markup(0, 1, 2, 3, 4, 5), TestState = { Sources = { Domain, Policies } } };

        await test.RunAsync();
    }

    [Fact]
    public async Task ReportedComparisons_Matching_ReportsOnlyThePoliciesOwnTests()
    {
        // `Stock < quantity` orders a member the policy tests for equality; `Reserved >= limit` differs from `> 10` in
        // strictness: neither makes the policy's test. The complement (`Stock != 0`, `Reserved <= 10`) does.
        var test = new VerifyCS.Test { TestCode = Markup(0, 1, 3, 5), TestState = { Sources = { Domain, Policies } } };
        test.TestState.AnalyzerConfigFiles.Add(PolicyAuditTestSetup.EditorConfig("PA0001.reported_comparisons = Matching"));

        await test.RunAsync();
    }

    [Fact]
    public async Task ReportedComparisons_UnknownValue_ReportsAsTheDefault()
    {
        var test = new VerifyCS.Test { TestCode = Markup(0, 1, 2, 3, 4, 5), TestState = { Sources = { Domain, Policies } } };
        test.TestState.AnalyzerConfigFiles.Add(PolicyAuditTestSetup.EditorConfig("PA0001.reported_comparisons = strictest"));

        await test.RunAsync();
    }

    /// <summary>The checks with the spans of <paramref name="reported"/> marked as PA0001 and the others left plain.</summary>
    private static string Markup(params int[] reported)
    {
        var markup = Checks;
        for (var marker = 0; marker <= 5; marker++)
        {
            var open = "{|#" + marker + ":";
            var start = markup.IndexOf(open, StringComparison.Ordinal);
            var end = markup.IndexOf("|}", start, StringComparison.Ordinal);
            var code = markup.Substring(start + open.Length, end - start - open.Length);
            markup = markup.Remove(start, end + 2 - start).Insert(start, reported.Contains(marker) ? "[|" + code + "|]" : code);
        }

        return markup;
    }
}
