using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on held-out code (nopCommerce's return-request window, docs/analyzer-evaluation.md): where zero means "no
/// limit", the zero test around the real comparison only asks whether the limit is set, even when the policy states
/// it too (`s.ReturnDays &gt; 0 &amp;&amp; daysPassed &gt;= s.ReturnDays`).
/// </summary>
public sealed class UnlimitedGuardShapesTests
{
    private const string Settings = """
        using PolicyAudit;
        public sealed class OrderSettings
        {
            [GovernedBy("return-window", Conditions = ">0;<=")] public int ReturnDays { get; set; }
        }

        """;

    [Fact]
    public async Task ZeroTest_GuardingTheLimitsOwnComparison_IsNotReportedButTheComparisonIs()
    {
        await VerifyCS.VerifyAnalyzerAsync(Settings + """
            public static class Returns
            {
                public static bool Nested(OrderSettings settings, int daysPassed)
                {
                    if (settings.ReturnDays > 0)
                    {
                        if ([|daysPassed >= settings.ReturnDays|]) return false;
                    }

                    return true;
                }

                public static bool Chained(OrderSettings settings, int daysPassed) =>
                    !(settings.ReturnDays > 0 && [|daysPassed >= settings.ReturnDays|]);

                public static bool Either(OrderSettings settings, int daysPassed) =>
                    settings.ReturnDays == 0 || [|daysPassed < settings.ReturnDays|];

                public static bool EarlyExit(OrderSettings settings, int daysPassed)
                {
                    if (settings.ReturnDays <= 0)
                    {
                        return true;
                    }

                    return [|daysPassed < settings.ReturnDays|];
                }

                // Squidex: the "limit is off" test is one part of an early exit that also lets other cases through.
                public static bool EarlyExitAmongOthers(OrderSettings settings, int daysPassed, object command, bool isClient)
                {
                    if (settings.ReturnDays <= 0 || command is not string || isClient)
                    {
                        return true;
                    }

                    return [|daysPassed < settings.ReturnDays|];
                }
            }
            """);
    }

    [Fact]
    public async Task ZeroTest_AloneOrGuardingSomethingElse_IsReported()
    {
        await VerifyCS.VerifyAnalyzerAsync(Settings + """
            public static class Returns
            {
                public static bool Enabled(OrderSettings settings) => [|settings.ReturnDays > 0|];

                public static bool PassThroughWithoutLaterComparison(OrderSettings settings, bool isClient)
                {
                    if ([|settings.ReturnDays <= 0|] || isClient)
                    {
                        return true;
                    }

                    return false;
                }

                public static bool Other(OrderSettings settings, int daysPassed)
                {
                    if ([|settings.ReturnDays > 0|])
                    {
                        return daysPassed < 30;
                    }

                    return false;
                }
            }
            """);
    }
    [Fact]
    public async Task Clamp_AtZeroOrAtTheComparedBound_IsNotReported()
    {
        // Ombi: Remaining = count < 0 ? 0 : count, where count = limit - used.
        await VerifyCS.VerifyAnalyzerAsync(Settings + """
            public static class Returns
            {
                public static int Left(OrderSettings settings, int daysPassed)
                {
                    var left = settings.ReturnDays - daysPassed;
                    return left < 0 ? 0 : left;
                }

                public static int Clamped(OrderSettings settings, int daysPassed)
                {
                    var left = settings.ReturnDays - daysPassed;
                    if (left < 0) left = 0;
                    return left;
                }

                public static bool Late(OrderSettings settings, int daysPassed)
                {
                    var left = settings.ReturnDays - daysPassed;
                    return [|left < 0|];
                }

                // Sonarr: a stored value capped at a bound computed elsewhere is bookkeeping, as `Math.Min` would be.
                public static void Cap(OrderSettings settings, int maximum)
                {
                    if (maximum < settings.ReturnDays) settings.ReturnDays = maximum;
                }

                public static int Capped(OrderSettings settings, int maximum) =>
                    settings.ReturnDays > maximum ? maximum : settings.ReturnDays;
            }
            """);
    }

    [Fact]
    public async Task Clamp_BlockStoringTheComparedBound_IsNotReportedWhileABlockThatRefusesIs()
    {
        // WolfDen's monthly accrual: a balance that would pass the carry-forward limit is set to the limit itself.
        await VerifyCS.VerifyAnalyzerAsync(Settings + """
            public sealed class Entitlement
            {
                public decimal Days { get; set; }
                public string Log { get; set; } = "";
            }

            public static class Accrual
            {
                public static void Credit(OrderSettings settings, Entitlement entitlement, int credit)
                {
                    if (entitlement.Days + credit > settings.ReturnDays)
                    {
                        entitlement.Days = (decimal)settings.ReturnDays;
                        entitlement.Log = "capped";
                    }
                    else
                    {
                        entitlement.Days += credit;
                    }
                }

                public static bool Refuse(OrderSettings settings, Entitlement entitlement, int credit)
                {
                    if ([|entitlement.Days + credit > settings.ReturnDays|])
                    {
                        entitlement.Log = "refused";
                        return false;
                    }

                    entitlement.Days += credit;
                    return true;
                }

                public static void Reset(OrderSettings settings, Entitlement entitlement, int credit)
                {
                    if ([|entitlement.Days + credit > settings.ReturnDays|])
                    {
                        entitlement.Days = 0;
                        entitlement.Log = "forfeited";
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task ZeroTest_OfADifferenceBeforeAMarginCheck_IsReported()
    {
        // Sonarr: `remainingSpace = freeSpace - size; if (remainingSpace <= 0) reject; if (remainingSpace < margin)`:
        // a computed difference is not a limit that may be unset.
        await VerifyCS.VerifyAnalyzerAsync(Settings + """
            public static class Returns
            {
                public static bool Fits(OrderSettings settings, int daysPassed)
                {
                    var left = settings.ReturnDays - daysPassed;
                    if ([|left <= 0|])
                    {
                        return false;
                    }

                    return [|left > 0|] && left < settings.ReturnDays;
                }

                // VirtoCommerce: `Math.Max(0, InStockQuantity - ReservedQuantity) > 0` is the difference's test.
                public static bool Open(OrderSettings settings, int daysPassed) => [|System.Math.Max(0, settings.ReturnDays - daysPassed) > 0|];
            }
            """);
    }

    [Fact]
    public async Task LimitChosenByConditional_ComparedLater_IsReportedAndItsZeroGuardIsNot()
    {
        // Smartstore: the effective limit is the role's or the store's; the condition that picks it is a guard.
        await VerifyCS.VerifyAnalyzerAsync(Settings + """
            public sealed class Role { public int? ReturnDays { get; set; } }

            public static class Returns
            {
                public static bool Allowed(OrderSettings settings, Role? role, int daysPassed)
                {
                    var limit = (role == null ? settings.ReturnDays : role.ReturnDays) ?? 0;
                    if (limit <= 0)
                    {
                        return true;
                    }

                    return [|daysPassed < limit|];
                }

                public static bool Unchosen(OrderSettings settings, bool strict, int daysPassed) =>
                    (strict ? 7 : 30) > daysPassed;
            }
            """);
    }

    [Fact]
    public async Task SentinelSwappedOrMessageWorded_IsNotReportedButTheCheckIs()
    {
        // Exceptionless: `plan.MaxUsers != -1 ? plan.MaxUsers : int.MaxValue` normalises "unlimited", and
        // `{(over > 1 ? "s" : String.Empty)}` only words the message of the check before it.
        await VerifyCS.VerifyAnalyzerAsync(Settings + """
            public static class Returns
            {
                public static string Check(OrderSettings settings, int daysPassed)
                {
                    var limit = settings.ReturnDays != -1 ? settings.ReturnDays : int.MaxValue;
                    if ([|daysPassed > limit|])
                    {
                        return $"{daysPassed - settings.ReturnDays} day{(daysPassed - settings.ReturnDays > 1 ? "s" : string.Empty)} late";
                    }

                    return "ok";
                }
            }
            """);
    }

    [Fact]
    public async Task WordAndItsPluralChosenByTheMember_IsNotReported()
    {
        // leave-system: `var dayKey = duration.Days == 1 ? "day" : "days";`, a translation key for a message.
        await VerifyCS.VerifyAnalyzerAsync(Settings + """
            public static class Wording
            {
                public static string Days(OrderSettings settings)
                {
                    var key = settings.ReturnDays == 1 ? "day" : "days";
                    var suffix = settings.ReturnDays == 1 ? "" : "s";
                    return key + suffix;
                }

                public static string Tier(OrderSettings settings) => [|settings.ReturnDays >= 30|] ? "gold" : "silver";
            }
            """);
    }

    [Fact]
    public async Task LocalisedMessageChosenByTheLimit_IsNotReportedWhileACodeChosenByItIs()
    {
        // MyFlightbook: `throw new ValidationException(ReBrand(expired ? Resources.PromoExpired : Resources.Inactive))`
        // picks one of two localised texts for the message of the check before it; two constants passed on may be codes.
        await VerifyCS.VerifyAnalyzerAsync(Settings + """
            public static class Texts
            {
                public static string Late => "late";
                public static string VeryLate => "very late";
            }

            public static class Returns
            {
                public static string Check(OrderSettings settings, int daysPassed)
                {
                    if ([|daysPassed > settings.ReturnDays|])
                    {
                        return Word(daysPassed > settings.ReturnDays * 2 ? Texts.VeryLate : Texts.Late) + " " + (daysPassed >= settings.ReturnDays ? Texts.Late : Texts.VeryLate);
                    }

                    return Route([|daysPassed > settings.ReturnDays|] ? "refund" : "exchange");
                }

                private static string Word(string text) => text;

                private static string Route(string code) => code;
            }
            """);
    }
}
