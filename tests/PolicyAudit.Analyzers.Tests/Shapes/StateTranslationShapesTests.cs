using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured held out on an apprenticeship service (docs/analyzer-evaluation.md): a switch whose every arm gives another
/// state for the governed state it matches (<c>case PaymentStatus.Withdrawn: return ApprenticeshipStatus.Stopped;</c>)
/// translates one vocabulary into another and refuses nothing. A switch that answers yes or no, throws in an arm, or
/// gives a number or a text stays reported. A state matched to pick one element (<c>FirstOrDefault(x =&gt; x.CheckType ==
/// ..)</c>) finds it, as a lookup by id does; a filter or a test of the same state is reported.
/// </summary>
public sealed class StateTranslationShapesTests
{
    private const string Domain = """
        namespace Apprenticeships
        {
            public enum PaymentStatus { Active, Paused, Withdrawn, Completed }

            public enum ApprenticeshipStatus { Unknown, Live, Paused, Stopped, Completed }

            public sealed class Apprenticeship
            {
                public PaymentStatus PaymentStatus { get; set; }
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Apprenticeships;

        namespace Apprenticeships.Policies
        {
            [Policy("no-change-after-stop")]
            public sealed class NoChangeAfterStop : Policy
            {
                public override void Define()
                {
                    Apprenticeship apprenticeship = null!;
                    When().Match(() => apprenticeship, a => a.PaymentStatus == PaymentStatus.Withdrawn);
                    Then().Deny("A stopped apprenticeship cannot change.");
                }
            }
        }
        """;

    [Fact]
    public async Task SwitchGivingAnotherStatePerState_IsNotReported()
    {
        await VerifyCS.VerifyBesideAsync("""
            using System;
            using Apprenticeships;
            public static class Statuses
            {
                public static ApprenticeshipStatus Shown(Apprenticeship a)
                {
                    switch (a.PaymentStatus)
                    {
                        case PaymentStatus.Active:
                            return ApprenticeshipStatus.Live;
                        case PaymentStatus.Withdrawn:
                            return ApprenticeshipStatus.Stopped;
                        case PaymentStatus.Completed:
                            return ApprenticeshipStatus.Completed;
                        default:
                            throw new ArgumentOutOfRangeException(nameof(a));
                    }
                }

                public static ApprenticeshipStatus ShownToo(Apprenticeship a) => a.PaymentStatus switch
                {
                    PaymentStatus.Paused => ApprenticeshipStatus.Paused,
                    PaymentStatus.Withdrawn => ApprenticeshipStatus.Stopped,
                    _ => ApprenticeshipStatus.Unknown,
                };
            }
            """,
            [Domain, Policies]);
    }

    [Fact]
    public async Task SwitchThatRefusesAnswersOrCounts_IsReported()
    {
        await VerifyCS.VerifyBesideAsync("""
            using System;
            using Apprenticeships;
            public static class Changes
            {
                public static ApprenticeshipStatus Next(Apprenticeship a)
                {
                    switch (a.PaymentStatus)
                    {
                        case PaymentStatus.Active:
                            return ApprenticeshipStatus.Live;
                        case [|PaymentStatus.Withdrawn|]:
                            throw new InvalidOperationException("Stopped.");
                        default:
                            return ApprenticeshipStatus.Unknown;
                    }
                }

                public static bool CanChange(Apprenticeship a) => a.PaymentStatus switch
                {
                    [|PaymentStatus.Withdrawn|] => false,
                    _ => true,
                };

                public static int DaysToKeep(Apprenticeship a) => a.PaymentStatus switch
                {
                    PaymentStatus.Active => 30,
                    [|PaymentStatus.Withdrawn|] => 365,
                    _ => 0,
                };
            }
            """,
            [Domain, Policies]);
    }

    [Fact]
    public async Task SwitchGivingNextStateOrNoneOrADisplayName_IsNotReportedWhileRefusalTextsAre()
    {
        await VerifyCS.VerifyBesideAsync("""
            using Apprenticeships;
            public static class Labels
            {
                public static ApprenticeshipStatus? Next(Apprenticeship a) => a.PaymentStatus switch
                {
                    PaymentStatus.Active => ApprenticeshipStatus.Paused,
                    PaymentStatus.Paused => ApprenticeshipStatus.Stopped,
                    PaymentStatus.Withdrawn => null,
                    _ => null,
                };

                public static string DisplayName(Apprenticeship a) => a.PaymentStatus switch
                {
                    PaymentStatus.Active => "Active",
                    PaymentStatus.Paused => "On hold",
                    PaymentStatus.Withdrawn => "Stopped",
                    _ => a.PaymentStatus.ToString(),
                };

                public static string? Refusal(Apprenticeship a) => a.PaymentStatus switch
                {
                    PaymentStatus.Paused => "paused: resume it first",
                    [|PaymentStatus.Withdrawn|] => "stopped: it cannot change",
                    PaymentStatus.Completed => "completed: nothing to change",
                    _ => null,
                };

                public static ApprenticeshipStatus? Stopped(Apprenticeship a) => a.PaymentStatus switch
                {
                    [|PaymentStatus.Withdrawn|] => null,
                    _ => null,
                };
            }
            """,
            [Domain, Policies]);
    }

    [Fact]
    public async Task SwitchNamingStatesWithGuardsAndChoices_IsNotReportedWhileOneGivingARefusalIs()
    {
        // A cinema's ticket mapper: states named for display, some split by a guard or a choice between two names.
        await VerifyCS.VerifyBesideAsync("""
            using Apprenticeships;
            public static class Labels
            {
                public static string Label(Apprenticeship a, bool refunded, bool settled) => a.PaymentStatus switch
                {
                    PaymentStatus.Active when settled => "Paid",
                    PaymentStatus.Active => "Running",
                    PaymentStatus.Paused => refunded ? "Refunded" : "Paused",
                    PaymentStatus.Withdrawn when a.PaymentStatus == PaymentStatus.Withdrawn && refunded => "Closed",
                    PaymentStatus.Completed => "Completed",
                    _ => a.PaymentStatus.ToString(),
                };

                public static string Refusal(Apprenticeship a, bool refunded) => a.PaymentStatus switch
                {
                    PaymentStatus.Active => "Running",
                    PaymentStatus.Paused => refunded ? "Refunded" : "Paused",
                    [|PaymentStatus.Withdrawn|] => throw new System.InvalidOperationException("stopped: it cannot change"),
                    _ => "Other",
                };
            }
            """,
            [Domain, Policies]);
    }

    [Fact]
    public async Task SwitchGivingATextForTwoStatesAndAWrittenTextForTheRest_IsNotReportedWhileANullRestIs()
    {
        await VerifyCS.VerifyBesideAsync("""
            using Apprenticeships;
            public static class Mails
            {
                public static string Subject(Apprenticeship a) => a.PaymentStatus switch
                {
                    PaymentStatus.Active => "Payments are running",
                    PaymentStatus.Withdrawn => "Payments have stopped",
                    _ => "Payment update",
                };

                public static string? Refusal(Apprenticeship a) => a.PaymentStatus switch
                {
                    PaymentStatus.Paused => "paused: resume it first",
                    [|PaymentStatus.Withdrawn|] => "stopped: it cannot change",
                    _ => null,
                };
            }
            """,
            [Domain, Policies]);
    }

    [Fact]
    public async Task ChainOfStateTestsReturningFailuresWithMessages_IsReported()
    {
        // A logistics app's invoice handlers: each state refused with its own message is a refusal, not a translation.
        await VerifyCS.VerifyBesideAsync("""
            using Apprenticeships;
            public sealed class Result
            {
                public static Result Fail(string message) => new();
                public static Result Ok() => new();
            }

            public static class Changes
            {
                public static Result Change(Apprenticeship a)
                {
                    if ([|a.PaymentStatus == PaymentStatus.Withdrawn|])
                    {
                        return Result.Fail("A withdrawn apprenticeship cannot change.");
                    }

                    if (a.PaymentStatus == PaymentStatus.Completed)
                    {
                        return Result.Fail($"A completed apprenticeship cannot change.");
                    }

                    return Result.Ok();
                }
            }
            """,
            [Domain, Policies]);
    }

    [Fact]
    public async Task ChainOfStateTestsReturningFailuresBuiltFromErrors_IsReported()
    {
        // A recruiting service's applications: `Result.Failure(ApplicationErrors.AlreadyWithdrawn)` refuses the state as a
        // message does, though no text is written in place; a per-state implementation is still a translation.
        await VerifyCS.VerifyBesideAsync("""
            using Apprenticeships;
            public sealed class Error
            {
                public Error(string code) { }
            }

            public static class ApprenticeshipErrors
            {
                public static readonly Error Withdrawn = new("apprenticeship.withdrawn");
                public static readonly Error Completed = new("apprenticeship.completed");
            }

            public sealed class Result
            {
                public static Result Failure(Error error) => new();
                public static Result Conflict(int code) => new();
                public static Result Success() => new();
            }

            public static class Changes
            {
                public static Result Change(Apprenticeship a)
                {
                    if ([|a.PaymentStatus == PaymentStatus.Withdrawn|])
                    {
                        return Result.Failure(ApprenticeshipErrors.Withdrawn);
                    }

                    if (a.PaymentStatus == PaymentStatus.Completed)
                    {
                        return Result.Failure(ApprenticeshipErrors.Completed);
                    }

                    return Result.Success();
                }

                public static Result Resume(Apprenticeship a)
                {
                    if ([|a.PaymentStatus == PaymentStatus.Withdrawn|])
                    {
                        return Result.Conflict(409);
                    }

                    if (a.PaymentStatus == PaymentStatus.Completed)
                    {
                        return Result.Conflict(410);
                    }

                    return Result.Success();
                }
            }
            """,
            [Domain, Policies]);
    }

    [Fact]
    public async Task StateMatchedToPickOneElement_IsNotReportedWhileAFilterIs()
    {
        await VerifyCS.VerifyBesideAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Apprenticeships;
            public static class Lookups
            {
                public static Apprenticeship? Stopped(List<Apprenticeship> all, int id) =>
                    all.FirstOrDefault(a => a.PaymentStatus == PaymentStatus.Withdrawn);

                public static List<Apprenticeship> AllStopped(List<Apprenticeship> all) =>
                    all.Where(a => [|a.PaymentStatus == PaymentStatus.Withdrawn|]).ToList();

                public static bool AnyStopped(List<Apprenticeship> all) =>
                    all.Any(a => [|a.PaymentStatus == PaymentStatus.Withdrawn|]);
            }
            """,
            [Domain, Policies]);
    }

    [Fact]
    public async Task StateMatchedInADatabaseQueryEndingInRows_IsNotReportedWhileAnAnswerIs()
    {
        await VerifyCS.VerifyBesideAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Apprenticeships;
            public static class StoppedPage
            {
                public static List<Apprenticeship> Rows(IQueryable<Apprenticeship> all) =>
                    all.Where(a => a.PaymentStatus == PaymentStatus.Withdrawn).OrderBy(a => a.GetHashCode()).ToList();

                public static IQueryable<Apprenticeship> Query(IQueryable<Apprenticeship> all) =>
                    all.Where(a => a.PaymentStatus == PaymentStatus.Withdrawn);

                public static bool AnyStopped(IQueryable<Apprenticeship> all) =>
                    all.Where(a => [|a.PaymentStatus == PaymentStatus.Withdrawn|]).Any();

                public static Apprenticeship FirstStopped(IQueryable<Apprenticeship> all) =>
                    all.Where(a => [|a.PaymentStatus == PaymentStatus.Withdrawn|]).First();

                public static int StoppedCount(IQueryable<Apprenticeship> all) =>
                    all.Where(a => [|a.PaymentStatus == PaymentStatus.Withdrawn|]).Count();
            }
            """,
            [Domain, Policies]);
    }

    [Fact]
    public async Task ChainOrSwitchGivingConfiguredValuePerState_IsNotReportedWhileASingleTestIs()
    {
        await VerifyCS.VerifyBesideAsync("""
            using System;
            using Apprenticeships;
            public static class PhaseSettings
            {
                public static DateTime ActiveStart { get; } = new(2020, 8, 1);
                public static DateTime WithdrawnStart { get; } = new(2021, 4, 1);
            }

            public sealed class ActivePlan { }

            public sealed class StoppedPlan { }

            public static class Phases
            {
                public static DateTime Start(Apprenticeship a)
                {
                    if (a.PaymentStatus == PaymentStatus.Active)
                    {
                        return PhaseSettings.ActiveStart;
                    }

                    if (a.PaymentStatus == PaymentStatus.Withdrawn)
                    {
                        return PhaseSettings.WithdrawnStart;
                    }

                    throw new ArgumentException("Invalid phase!");
                }

                public static DateTime StartToo(Apprenticeship a) => a.PaymentStatus switch
                {
                    PaymentStatus.Active => PhaseSettings.ActiveStart,
                    PaymentStatus.Withdrawn => PhaseSettings.WithdrawnStart,
                    _ => throw new ArgumentException("Invalid phase!"),
                };

                public static object Plan(Apprenticeship a)
                {
                    if (a.PaymentStatus == PaymentStatus.Active)
                    {
                        return new ActivePlan();
                    }
                    else if (a.PaymentStatus == PaymentStatus.Withdrawn)
                    {
                        return new StoppedPlan();
                    }

                    return new object();
                }

                public static DateTime Only(Apprenticeship a)
                {
                    if ([|a.PaymentStatus == PaymentStatus.Withdrawn|])
                    {
                        return PhaseSettings.WithdrawnStart;
                    }

                    return DateTime.MinValue;
                }
            }
            """,
            [Domain, Policies]);
    }

    [Fact]
    public async Task SwitchGivingScreenKeysPerState_IsNotReportedWhileARefusalTextIs()
    {
        // An EV-charging app (tenth round) maps each request state to the keys and actions a screen shows.
        await VerifyCS.VerifyBesideAsync("""
            using System.Collections.Generic;
            using Apprenticeships;
            public static class Screens
            {
                public static (string Screen, string Title, List<string> Actions) For(Apprenticeship a) => a.PaymentStatus switch
                {
                    PaymentStatus.Active => ("live", "LIVE_APPRENTICESHIP", new List<string> { "pause", "stop" }),
                    PaymentStatus.Withdrawn => ("stopped", "STOPPED_APPRENTICESHIP", new List<string>()),
                    _ => ("other", "UNKNOWN", new List<string>()),
                };

                public static string? Refusal(Apprenticeship a) => a.PaymentStatus switch
                {
                    [|PaymentStatus.Withdrawn|] => "A stopped apprenticeship cannot change.",
                    _ => null,
                };
            }
            """,
            [Domain, Policies]);
    }
}
