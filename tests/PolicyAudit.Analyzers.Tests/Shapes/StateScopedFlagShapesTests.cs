using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured held out on an apprenticeship incentive service (docs/analyzer-evaluation.md): a flag conjoined with a state
/// matched to a constant (<c>c.CheckType == EmployedAtStart &amp;&amp; c.Result != true</c>) is the rule's own test of that
/// category, not a scope of a threshold, so it is governed and its checks are reported; a flag beside a threshold of its
/// fact (<c>!e.IsDraft &amp;&amp; e.Changes &gt;= 2</c>) still only scopes it.
/// </summary>
public sealed class StateScopedFlagShapesTests
{
    private const string Domain = """
        namespace Checks
        {
            public enum CheckType { EmployedAtStart, EmployedBefore }

            public sealed class EmploymentCheck
            {
                public CheckType CheckType { get; set; }
                public bool? Result { get; set; }
            }

            public sealed class Event
            {
                public bool IsDraft { get; set; }
                public int Changes { get; set; }
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Checks;

        namespace Checks.Policies
        {
            [Policy("employment-checks")]
            public sealed class EmploymentChecks : Policy
            {
                public override void Define()
                {
                    EmploymentCheck check = null!;
                    When().Match(() => check, c =>
                        (c.CheckType == CheckType.EmployedAtStart && c.Result != true)
                        || (c.CheckType == CheckType.EmployedBefore && c.Result != false));
                    Then().Deny("The employment check failed.");
                }
            }

            [Policy("two-changes")]
            public sealed class TwoChanges : Policy
            {
                public override void Define()
                {
                    Event e = null!;
                    When().Match(() => e, x => !x.IsDraft && x.Changes >= 2);
                    Then().Deny("A published event changes twice at most.");
                }
            }
        }
        """;

    [Fact]
    public async Task FlagBesideAStateConstant_IsGovernedWhileAFlagBesideAThresholdIsNot()
    {
        await VerifyCS.VerifyBesideAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Checks;
            public static class Payments
            {
                public static bool Failed(EmploymentCheck check) => check.Result.HasValue && {|#0:!check.Result.Value|};

                public static List<Event> Published(List<Event> events) => events.Where(e => !e.IsDraft).ToList();
            }
            """,
            [Domain, Policies],
            VerifyCS.Expected(0, "!check.Result.Value", "policy 'employment-checks'"));
    }
}
