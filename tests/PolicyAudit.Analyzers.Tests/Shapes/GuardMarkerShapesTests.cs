using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on Duplicati, MyFlightbook and win-acme (docs/analyzer-evaluation.md): the framework's markers of "not set"
/// and "unlimited" that are not compile-time constants (<c>TimeSpan.Zero</c>, <c>TimeSpan.MaxValue</c>,
/// <c>DateTime.MinValue</c>) are guards as <c>0</c> and <c>default</c> are, unless a policy compares the member with
/// them; and a random draw that spreads work over a window decides nothing about the value it is drawn against.
/// </summary>
public sealed class GuardMarkerShapesTests
{
    private const string Domain = """
        using System;
        namespace Backups
        {
            public sealed class Retention
            {
                public TimeSpan Timeframe { get; set; }
                public TimeSpan Interval { get; set; }
                public DateTime LastRun { get; set; }
                public int RenewalDays { get; set; }
            }
        }
        """;

    private const string Policies = """
        using System;
        using PolicyAudit;
        using Backups;
        namespace Backups.Policies
        {
            [Policy("keep-timeframe")]
            public sealed class KeepTimeframe : Policy
            {
                public override void Define()
                {
                    Retention retention = null!;
                    When().Match(() => retention, r => r.Timeframe < TimeSpan.FromDays(7), r => r.LastRun < DateTime.UtcNow.AddDays(-1));
                    Then().Deny("Keep at least a week of backups.");
                }
            }

            [Policy("no-interval")]
            public sealed class NoInterval : Policy
            {
                public override void Define()
                {
                    Retention retention = null!;
                    When().Match(() => retention, r => r.Interval == TimeSpan.Zero);
                    Then().Deny("A retention step needs an interval.");
                }
            }

            [Policy("renewal-days")]
            public sealed class RenewalDays : Policy
            {
                public override void Define()
                {
                    Retention retention = null!;
                    When().Match(() => retention, r => r.RenewalDays > 90);
                    Then().Deny("Renew within 90 days.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    private static DiagnosticResult Expected(int marker, string code, string policies) => VerifyCS.Expected(marker, code, policies);

    [Fact]
    public async Task FrameworkMarkers_AsGuards_AreNotReported()
    {
        await VerifyAsync("""
            using System;
            using Backups;
            public static class Options
            {
                public static bool IsUnlimited(Retention retention) => retention.Timeframe >= TimeSpan.MaxValue;

                public static bool HasTimeframe(Retention retention) => retention.Timeframe > TimeSpan.Zero;

                public static bool NeverRan(Retention retention) => retention.LastRun == DateTime.MinValue;
            }
            """);
    }

    [Fact]
    public async Task FrameworkMarker_ThePolicyComparesWith_IsReported()
    {
        await VerifyAsync("""
            using System;
            using Backups;
            public static class Steps
            {
                public static void Validate(Retention retention)
                {
                    if ({|#0:retention.Interval <= TimeSpan.Zero|})
                    {
                        throw new ArgumentException("interval");
                    }

                    if ({|#1:retention.Timeframe < TimeSpan.FromDays(7)|})
                    {
                        throw new ArgumentException("timeframe");
                    }
                }
            }
            """,
            Expected(0, "retention.Interval <= TimeSpan.Zero", "policy 'no-interval'"),
            Expected(1, "retention.Timeframe < TimeSpan.FromDays(7)", "policy 'keep-timeframe'"));
    }

    [Fact]
    public async Task RandomDraw_AgainstAGovernedValue_IsNotReportedWhileTheDeadlineIs()
    {
        await VerifyAsync("""
            using System;
            using Backups;
            public static class Scheduler
            {
                public static bool RenewToday(Retention retention, int daysPassed)
                {
                    if ({|#0:daysPassed > retention.RenewalDays|})
                    {
                        return true;
                    }

                    var daysLeft = retention.RenewalDays - daysPassed;
                    return Random.Shared.NextDouble() < 1.0 / daysLeft;
                }
            }
            """,
            Expected(0, "daysPassed > retention.RenewalDays", "policy 'renewal-days'"));
    }
}
