using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on an EV-charging app (docs/analyzer-evaluation.md, ninth round): the busy-user policy denies on
/// <c>!u.IsAvailable || u.CurrentActivities.Count &gt; 0</c>, and the code frees users whose last activity ended
/// (<c>if (user.CurrentActivities.Count == 0 &amp;&amp; !user.IsAvailable) user.IsAvailable = true;</c>): the flag is kept in
/// step with the count. Writing the denied value (a lock) applies the policy and is reported.
/// </summary>
public sealed class FlagReleaseShapesTests
{
    private const string Domain = """
        using System.Collections.Generic;
        namespace Charging
        {
            public sealed class Driver
            {
                public bool IsAvailable { get; set; } = true;
                public List<int> CurrentActivities { get; set; } = new();
                public int FailedAttempts { get; set; }
                public bool IsLocked { get; set; }
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Charging;
        namespace Charging.Policies
        {
            [Policy("busy-driver")]
            public sealed class BusyDriver : Policy
            {
                public override void Define()
                {
                    Driver driver = null!;
                    When().Match(() => driver, d => !d.IsAvailable || d.CurrentActivities.Count > 0);
                    Then().Deny("The driver is busy.");
                }
            }

            [Policy("locked-account")]
            public sealed class LockedAccount : Policy
            {
                public override void Define()
                {
                    Driver driver = null!;
                    When().Match(() => driver, d => d.IsLocked || d.FailedAttempts >= 5);
                    Then().Deny("The account is locked.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    [Fact]
    public async Task FlagWrittenBackToTheValueNoPolicyDeniesOn_IsNotReported()
    {
        await VerifyAsync("""
            using Charging;
            public static class Activities
            {
                public static void Finish(Driver driver, int activityId)
                {
                    driver.CurrentActivities.Remove(activityId);
                    if (driver.CurrentActivities.Count == 0 && !driver.IsAvailable)
                    {
                        driver.IsAvailable = true;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task FlagWrittenToTheDeniedValue_IsReported()
    {
        await VerifyAsync("""
            using Charging;
            public static class SignIn
            {
                public static void Failed(Driver driver)
                {
                    driver.FailedAttempts++;
                    if ({|#0:driver.FailedAttempts >= 5|} && !driver.IsLocked)
                    {
                        driver.IsLocked = true;
                    }
                }
            }
            """,
            VerifyCS.Expected(0, "driver.FailedAttempts >= 5", "policy 'locked-account'"));
    }

    [Fact]
    public async Task FlagReleasedALevelDeeperAfterLookingAgain_IsNotReportedWhileARefusalFirstIs()
    {
        await VerifyAsync("""
            using System;
            using Charging;
            public static class Returns
            {
                public static void Returned(Driver driver, int failures)
                {
                    if (driver.IsLocked)
                    {
                        var stillFailing = failures;
                        if (stillFailing == 0)
                        {
                            driver.IsLocked = false;
                        }
                    }
                }

                public static void SignIn(Driver driver, DateTime lockedUntil)
                {
                    if ({|#0:driver.IsLocked|})
                    {
                        if (DateTime.UtcNow < lockedUntil)
                        {
                            throw new InvalidOperationException("The account is locked.");
                        }
                        else
                        {
                            driver.IsLocked = false;
                        }
                    }
                }
            }
            """,
            VerifyCS.Expected(0, "driver.IsLocked", "policy 'locked-account'"));
    }
}
