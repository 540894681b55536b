using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on Hangfire and EventSourcing.NetCore (docs/analyzer-evaluation.md): a governed <c>[Flags]</c> state tested
/// with <c>HasFlag</c>, in the code or in the policy, is the same test as an equality with that state.
/// </summary>
public sealed class FlagsEnumShapesTests
{
    private const string Domain = """
        using System;
        namespace Jobs
        {
            [Flags]
            public enum ContinuationOptions { None = 0, OnlyOnSucceeded = 1, OnlyOnDeleted = 2, Anyway = 4 }

            public sealed class Continuation
            {
                public ContinuationOptions Options { get; set; }
                public string ParentState { get; set; } = "";
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Jobs;
        namespace Jobs.Policies
        {
            [Policy("continue-on-success-only")]
            public sealed class ContinueOnSuccessOnly : Policy
            {
                public override void Define()
                {
                    Continuation continuation = null!;
                    When().Match(() => continuation, c => c.Options.HasFlag(ContinuationOptions.OnlyOnSucceeded) && c.ParentState != "Succeeded");
                    Then().Deny("The parent did not succeed.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    [Fact]
    public async Task HasFlag_OfTheStateThePolicyNames_IsReportedAndOtherStatesAreNot()
    {
        await VerifyAsync("""
            using Jobs;
            public static class Continuations
            {
                public static bool Drop(Continuation continuation, string parentState)
                {
                    if ({|#0:continuation.Options.HasFlag(ContinuationOptions.OnlyOnSucceeded)|} && parentState != "Succeeded")
                    {
                        return true;
                    }

                    return continuation.Options.HasFlag(ContinuationOptions.Anyway) && parentState == "Failed";
                }
            }
            """,
            VerifyCS.Expected(0, "continuation.Options.HasFlag(ContinuationOptions.OnlyOnSucceeded)", "policy 'continue-on-success-only'"));
    }

    [Fact]
    public async Task EnumsZeroState_FollowedByOtherStates_IsTheStatesTestNotALimitGuard()
    {
        // Certify: `TaskTrigger == NotEnabled` (the enum's zero member) before the other triggers is the disabled
        // trigger's test, not a "no limit set" guard of a number.
        await VerifyCS.VerifyBesideAsync("""
            namespace Tasks
            {
                public static class Runner
                {
                    public static bool ShouldRun(DeploymentTask task, bool succeeded)
                    {
                        if ({|#0:task.Trigger == TaskTrigger.NotEnabled|})
                        {
                            return false;
                        }

                        return task.Trigger == TaskTrigger.OnSuccess && succeeded;
                    }
                }
            }
            """,
            [
                """
                namespace Tasks
                {
                    public enum TaskTrigger { NotEnabled = 0, OnSuccess = 1, OnError = 2 }

                    public sealed class DeploymentTask
                    {
                        public TaskTrigger Trigger { get; set; }
                    }
                }
                """,
                """
                using PolicyAudit;
                namespace Tasks.Policies
                {
                    [Policy("disabled-task")]
                    public sealed class DisabledTask : Policy
                    {
                        public override void Define()
                        {
                            DeploymentTask task = null!;
                            When().Match(() => task, t => t.Trigger == TaskTrigger.NotEnabled);
                            Then().Deny("The task is disabled.");
                        }
                    }
                }
                """,
            ],
            VerifyCS.Expected(0, "task.Trigger == TaskTrigger.NotEnabled", "policy 'disabled-task'"));
    }
}
