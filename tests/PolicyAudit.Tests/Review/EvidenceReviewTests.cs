namespace PolicyAudit.Tests.Reviewing;

public sealed class EvidenceReviewTests
{
    private const string Policy = "no-substitutions";

    [Fact]
    public async Task RunAsync_NineteenDenials_InsufficientEvidence()
    {
        var review = await new ReviewEvidence().Policy(Policy).Denials(Policy, 19).ReviewPolicyAsync(Policy);

        Assert.Equal(Verdict.InsufficientEvidence, review.Verdict);
        Assert.Contains("Only 19 denials in the window", review.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TwentyDenialsWithoutOverrides_Keep()
    {
        var review = await new ReviewEvidence().Policy(Policy).Denials(Policy, 20).ReviewPolicyAsync(Policy);

        Assert.Equal(Verdict.Keep, review.Verdict);
        Assert.Equal(20, review.Denials);
    }

    [Fact]
    public async Task RunAsync_OverrideRateJustBelowTenPercent_Keep()
    {
        var review = await new ReviewEvidence().Policy(Policy).Denials(Policy, 91).SpreadOverrides(Policy, 9).ReviewPolicyAsync(Policy);

        Assert.Equal(0.09, review.OverrideRate, 6);
        Assert.Equal(Verdict.Keep, review.Verdict);
        Assert.Equal("Staff overrode 9 of 100 denials (9%; 95% interval 4.8% to 16.2%), below the 10% threshold: the policy holds; keep it.", review.Reasons[0]);
    }

    [Fact]
    public async Task RunAsync_OverrideRateAtTenPercentSpreadWithoutHarm_Rescind()
    {
        var review = await new ReviewEvidence().Policy(Policy).Denials(Policy, 90).SpreadOverrides(Policy, 10).ReviewPolicyAsync(Policy);

        Assert.Equal(0.10, review.OverrideRate, 6);
        Assert.Equal(Verdict.Rescind, review.Verdict);
        Assert.Contains("the rule itself is wrong", review.Reasons[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NineOverridesAboveTheKeepRate_InsufficientEvidenceOnlyNineOverrides()
    {
        // 41 upheld + 9 overridden = 50 denials, rate 18%: a rescind pattern, but on nine overrides.
        var review = await new ReviewEvidence().Policy(Policy).Denials(Policy, 41).SpreadOverrides(Policy, 9).ReviewPolicyAsync(Policy);

        Assert.Equal(Verdict.InsufficientEvidence, review.Verdict);
        Assert.Equal("Staff overrode 9 of 50 denials (18%; 95% interval 9.8% to 30.8%).", review.Reasons[0]);
        Assert.StartsWith("Only 9 overrides: at least 10 are needed", review.Reasons[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OneHarmfulOverride_InsufficientEvidenceNotEnforce()
    {
        var evidence = new ReviewEvidence().Policy(Policy).Denials(Policy, 9);
        var only = evidence.Override(Policy, "s1");
        evidence.Outcome(only, OutcomeKind.Complaint);

        var review = await evidence.ReviewPolicyAsync(Policy, new ReviewOptions { MinimumDenials = 5 });

        Assert.Equal(Verdict.InsufficientEvidence, review.Verdict);
        Assert.Equal(1, review.HarmfulOutcomes);
        Assert.Contains("Only 1 override:", review.Reasons[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MinimumOverridesLowered_PatternVerdictFromFewerOverrides()
    {
        var options = new ReviewOptions { MinimumOverrides = 9 };

        var review = await new ReviewEvidence().Policy(Policy).Denials(Policy, 41).SpreadOverrides(Policy, 9).ReviewPolicyAsync(Policy, options);

        Assert.Equal(Verdict.Rescind, review.Verdict);
        Assert.Equal("Ruled out: enforce (0 harmful outcomes, 0% of the overrides, not above 5%); coach (the top 2 staff members made 22.2%, below 70%); delegate (0 of 9 escalated, 0%, below 50%).", review.Reasons[2]);
    }

    [Theory]
    [InlineData(30, 100, 0.2189, 0.3958)]
    [InlineData(0, 20, 0.0, 0.1611)]
    [InlineData(10, 10, 0.7225, 1.0)]
    [InlineData(1, 2, 0.0945, 0.9055)]
    public async Task RunAsync_OverrideRate_HasItsWilsonInterval(int overrides, int denials, double low, double high)
    {
        var review = await new ReviewEvidence().Policy(Policy).Denials(Policy, denials - overrides).SpreadOverrides(Policy, overrides).ReviewPolicyAsync(Policy);

        Assert.Equal(low, review.OverrideRateLow, 4);
        Assert.Equal(high, review.OverrideRateHigh, 4);
    }

    [Fact]
    public async Task RunAsync_NoDenials_IntervalIsEverything()
    {
        var review = await new ReviewEvidence().Policy(Policy).Allows(Policy, 3).ReviewPolicyAsync(Policy);

        Assert.Equal((0.0, 1.0), (review.OverrideRateLow, review.OverrideRateHigh));
    }

    [Fact]
    public async Task RunAsync_EveryVerdict_OrderedByWhatNeedsActionThenOverrides()
    {
        var evidence = new ReviewEvidence()
            .Policy("a-keep").Policy("b-insufficient").Policy("c-rescind-10").Policy("d-rescind-12").Policy("e-coach").Policy("f-delegate", StaffRole.Manager).Policy("g-enforce").Policy("h-idle");
        evidence.Denials("a-keep", 20).Denials("b-insufficient", 3);
        evidence.Denials("c-rescind-10", 10).SpreadOverrides("c-rescind-10", 10);
        evidence.Denials("d-rescind-12", 10).SpreadOverrides("d-rescind-12", 12);
        evidence.Denials("e-coach", 10);
        for (var i = 0; i < 10; i++)
        {
            evidence.Override("e-coach", "ana");
        }

        evidence.Denials("f-delegate", 10);
        for (var i = 0; i < 10; i++)
        {
            evidence.Override("f-delegate", "s" + i, StaffRole.Staff, approvedBy: "m1");
        }

        evidence.Denials("g-enforce", 10);
        for (var i = 0; i < 10; i++)
        {
            var decision = evidence.Override("g-enforce", "s" + i);
            evidence.Outcome(decision, OutcomeKind.Loss);
        }

        var review = await evidence.ReviewAsync();

        Assert.Equal(
            ["d-rescind-12", "c-rescind-10", "g-enforce", "f-delegate", "e-coach", "a-keep", "b-insufficient"],
            review.Policies.Select(p => p.Id));
        Assert.Equal(
            [Verdict.Rescind, Verdict.Rescind, Verdict.Enforce, Verdict.Delegate, Verdict.Coach, Verdict.Keep, Verdict.InsufficientEvidence],
            review.Policies.Select(p => p.Verdict));
        Assert.Equal(["h-idle"], review.PoliciesWithoutDecisions.Select(p => p.Id));
    }

    [Fact]
    public async Task RunAsync_ComplaintOnUpheldAndLossOnOverriddenDecision_OnlyTheLossIsAHarm()
    {
        var evidence = new ReviewEvidence().Policy(Policy);
        var upheld = evidence.Decision(Policy, customer: "c1");
        evidence.Outcome(upheld, OutcomeKind.Complaint);
        var overridden = evidence.Override(Policy, "ana", justification: "Birthday!", customer: "c2");
        evidence.Outcome(overridden, OutcomeKind.Loss).Outcome(overridden, OutcomeKind.Compliment);

        var review = await evidence.ReviewPolicyAsync(Policy);

        var harm = Assert.Single(review.Harms);
        Assert.Equal((overridden, OutcomeKind.Loss, "c2", "ana", "birthday"), (harm.DecisionId, harm.Outcome, harm.Customer, harm.Staff, harm.Justification));
        Assert.Equal(1, review.HarmfulOutcomes);
    }

    [Fact]
    public async Task RunAsync_HarmAtFivePercentOfOverrides_NotEnforce()
    {
        var evidence = new ReviewEvidence().Policy(Policy).Denials(Policy, 80);
        var first = evidence.Override(Policy, "s1");
        evidence.SpreadOverrides(Policy, 19, firstStaff: 2).Outcome(first, OutcomeKind.Complaint);

        var review = await evidence.ReviewPolicyAsync(Policy);

        Assert.Equal(1, review.HarmfulOutcomes);
        Assert.Equal(Verdict.Rescind, review.Verdict);
    }

    [Fact]
    public async Task RunAsync_HarmAboveFivePercentOfOverrides_Enforce()
    {
        var evidence = new ReviewEvidence().Policy(Policy).Denials(Policy, 80);
        var first = evidence.Override(Policy, "s1");
        var second = evidence.Override(Policy, "s2");
        evidence.SpreadOverrides(Policy, 18, firstStaff: 3).Outcome(first, OutcomeKind.Complaint).Outcome(second, OutcomeKind.Loss);

        var review = await evidence.ReviewPolicyAsync(Policy);

        Assert.Equal(2, review.HarmfulOutcomes);
        Assert.Equal(Verdict.Enforce, review.Verdict);
        Assert.Contains("2 overridden decisions (10% of the overrides) led to a complaint or a loss", review.Reasons[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SeveralHarmfulOutcomesOnOneDecision_CountOnce()
    {
        var evidence = new ReviewEvidence().Policy(Policy);
        var decision = evidence.Override(Policy, "s1");
        evidence.Outcome(decision, OutcomeKind.Complaint).Outcome(decision, OutcomeKind.Loss).Outcome(decision, OutcomeKind.Compliment);

        var review = await evidence.ReviewPolicyAsync(Policy);

        Assert.Equal(1, review.HarmfulOutcomes);
    }

    [Fact]
    public async Task RunAsync_HarmsOfOverridesThousandsApart_CountedOncePerDecisionAgainstItsFirstOverride()
    {
        // More overrides than the review joins to their outcomes at once, so the joins span several chunks.
        var evidence = new ReviewEvidence().Policy(Policy);
        var first = evidence.Override(Policy, "s-first", justification: "First exception");
        evidence.Outcome(first, OutcomeKind.Complaint);
        evidence.SpreadOverrides(Policy, 2_499, firstStaff: 2);
        var last = evidence.Override(Policy, "s-last");
        evidence.Record(new OverrideRecord
        {
            Id = first + ":override-again",
            At = ReviewEvidence.Start.AddDays(1),
            DecisionId = first,
            Staff = "s-again",
            Role = StaffRole.Manager,
            Justification = "Again",
            RequiredRole = StaffRole.Manager,
            Decision = new DecisionSnapshot
            {
                DecidedAt = ReviewEvidence.Start,
                Outcome = DecisionOutcome.Deny,
                Policies = [new PolicySnapshot(Policy, DecisionOutcome.Deny, "denied", StaffRole.Manager)],
            },
        });
        evidence.Outcome(first, OutcomeKind.Loss, at: ReviewEvidence.Start.AddDays(2)).Outcome(last, OutcomeKind.Complaint, at: ReviewEvidence.Start.AddDays(2));

        var review = await evidence.ReviewPolicyAsync(Policy);

        Assert.Equal(2_502, review.Overrides);
        Assert.Equal(2, review.HarmfulOutcomes);
        Assert.Equal(
            new[] { (first, "s-first"), (first, "s-first"), (last, "s-last") }.Order(),
            review.Harms.Select(h => (h.DecisionId, h.Staff)).Order());
    }

    [Fact]
    public async Task RunAsync_TopTwoStaffMadeSeventyPercent_Coach()
    {
        var evidence = new ReviewEvidence().Policy(Policy).Denials(Policy, 80);
        for (var i = 0; i < 7; i++)
        {
            evidence.Override(Policy, "ana");
            evidence.Override(Policy, "ben");
        }

        var review = await evidence.SpreadOverrides(Policy, 6).ReviewPolicyAsync(Policy);

        Assert.Equal(0.70, review.TopStaffShare, 6);
        Assert.Equal(Verdict.Coach, review.Verdict);
        Assert.Contains("ana (7) and ben (7) made 70% of the overrides", review.Reasons[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TopTwoStaffMadeSixtyFivePercent_NotCoach()
    {
        var evidence = new ReviewEvidence().Policy(Policy).Denials(Policy, 80);
        for (var i = 0; i < 7; i++)
        {
            evidence.Override(Policy, "ana");
        }

        for (var i = 0; i < 6; i++)
        {
            evidence.Override(Policy, "ben");
        }

        var review = await evidence.SpreadOverrides(Policy, 7).ReviewPolicyAsync(Policy);

        Assert.Equal(0.65, review.TopStaffShare, 6);
        Assert.Equal(Verdict.Rescind, review.Verdict);
    }

    [Fact]
    public async Task RunAsync_HalfTheOverridesEscalated_Delegate()
    {
        var evidence = new ReviewEvidence().Policy(Policy, StaffRole.Manager).Denials(Policy, 80);
        for (var i = 0; i < 20; i++)
        {
            evidence.Override(Policy, "s" + i, StaffRole.Staff, approvedBy: i < 10 ? "manager-1" : null);
        }

        var review = await evidence.ReviewPolicyAsync(Policy);

        Assert.Equal(10, review.EscalatedOverrides);
        Assert.Equal(Verdict.Delegate, review.Verdict);
        Assert.Contains("Move the authority to the front line (it sits with manager today)", review.Reasons[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_JustUnderHalfEscalated_Rescind()
    {
        var evidence = new ReviewEvidence().Policy(Policy).Denials(Policy, 80);
        for (var i = 0; i < 20; i++)
        {
            evidence.Override(Policy, "s" + i, StaffRole.Manager, approvedBy: i < 9 ? "owner-1" : null);
        }

        var review = await evidence.ReviewPolicyAsync(Policy);

        Assert.Equal(9, review.EscalatedOverrides);
        Assert.Equal(Verdict.Rescind, review.Verdict);
    }

    [Fact]
    public async Task RunAsync_CustomThresholds_AreUsed()
    {
        var options = new ReviewOptions { MinimumDenials = 5, KeepBelowOverrideRate = 0.5 };

        var review = await new ReviewEvidence().Policy(Policy).Denials(Policy, 4).SpreadOverrides(Policy, 2).ReviewPolicyAsync(Policy, options);

        Assert.Equal(Verdict.Keep, review.Verdict);
    }

    [Fact]
    public async Task RunAsync_Figures_CountedPerPolicy()
    {
        var evidence = new ReviewEvidence().Policy(Policy, StaffRole.Manager).Policy("other").Allows(Policy, 5).Denials(Policy, 3).Denials("other", 2);
        evidence.Override(Policy, "ana", StaffRole.Staff, customer: "c1", justification: "  Regular   guest. ");
        evidence.Override(Policy, "ana", StaffRole.Staff, approvedBy: "m1", customer: "c1", justification: "regular guest");
        evidence.Override(Policy, "ben", StaffRole.Manager, customer: "c2", justification: "Birthday!");

        var review = await evidence.ReviewPolicyAsync(Policy);

        Assert.Equal(11, review.Decisions);
        Assert.Equal(6, review.Denials);
        Assert.Equal(3, review.Overrides);
        Assert.Equal(0.5, review.OverrideRate, 6);
        Assert.Equal(1, review.EscalatedOverrides);
        Assert.Equal(1, review.UnauthorizedOverrides);
        Assert.Equal(2, review.DistinctStaff);
        Assert.Equal(2, review.DistinctCustomers);
        Assert.Equal([new JustificationCount("regular guest", 2), new JustificationCount("birthday", 1)], review.TopJustifications);
        Assert.Contains("1 override lacked the required authority (manager) and had no approver.", review.Reasons);
    }

    [Fact]
    public async Task RunAsync_PolicyWithoutRecord_AppearsUnderItsId()
    {
        var review = await new ReviewEvidence().Denials("ghost", 2).ReviewPolicyAsync("ghost");

        Assert.Equal("ghost", review.Title);
        Assert.Null(review.Owner);
        Assert.Null(review.OverridableBy);
        Assert.Equal(2, review.Denials);
    }

    [Fact]
    public async Task RunAsync_Window_CountsOnlyEvidenceInsideButTakesTitlesFromBefore()
    {
        var evidence = new ReviewEvidence().Policy(Policy, title: "No substitutions", owner: "chef").Denials(Policy, 5);
        var from = evidence.Next();
        evidence.Denials(Policy, 3).Override(Policy, "ana");
        var to = evidence.Next();
        evidence.Denials(Policy, 7);

        var review = (await evidence.ReviewAsync(new EvidenceWindow(from, to))).Policies.Single();

        Assert.Equal("No substitutions", review.Title);
        Assert.Equal("chef", review.Owner);
        Assert.Equal(4, review.Denials);
        Assert.Equal(1, review.Overrides);
    }

    [Fact]
    public async Task RunAsync_LatestPolicyRecord_DescribesThePolicy()
    {
        var review = await new ReviewEvidence()
            .Policy(Policy, title: "Old title", version: "v1")
            .Policy(Policy, title: "New title", owner: "chef", version: "v2")
            .ReviewPolicyAsync(Policy);

        Assert.Equal("New title", review.Title);
        Assert.Equal("chef", review.Owner);
        Assert.Equal(Verdict.InsufficientEvidence, review.Verdict);
    }

    [Fact]
    public async Task RunAsync_PolicyChangedVersion_SplitsFiguresByVersion()
    {
        var evidence = new ReviewEvidence().Policy(Policy, version: "v1");
        evidence.Decision(Policy, setVersion: "set-1");
        evidence.Override(Policy, "ana", setVersion: "set-1");
        evidence.Policy(Policy, version: "v2");
        evidence.Decision(Policy, setVersion: "set-2");
        evidence.Decision(Policy, setVersion: "set-2");

        var review = await evidence.ReviewPolicyAsync(Policy);

        Assert.Equal(
            [new PolicyVersionFigures("v1", 2, 2, 1), new PolicyVersionFigures("v2", 2, 2, 0)],
            review.Versions);
    }

    [Fact]
    public async Task RunAsync_CustomerWithThreeOverrides_IsARepeatCustomer()
    {
        var evidence = new ReviewEvidence().Policy(Policy).Policy("corkage");
        evidence.Override(Policy, "ana", customer: "c-regular");
        evidence.Override("corkage", "ben", customer: "c-regular");
        evidence.Override(Policy, "ana", customer: "c-regular");
        evidence.Override(Policy, "ana", customer: "c-twice");
        evidence.Override(Policy, "ana", customer: "c-twice");

        var review = await evidence.ReviewAsync();

        Assert.Equal([new RepeatCustomer("c-regular", 3)], review.RepeatCustomers);
    }

    [Fact]
    public async Task RunAsync_StaffAndDroppedDecisions_Summarised()
    {
        var evidence = new ReviewEvidence().Policy(Policy).Policy("corkage");
        evidence.Override(Policy, "ana", StaffRole.Staff, approvedBy: "m1");
        evidence.Override("corkage", "ana", StaffRole.Staff);
        evidence.Refused(Policy, "ana");
        evidence.Dropped(40).Dropped(2);

        var review = await evidence.ReviewAsync();

        var ana = Assert.Single(review.Staff);
        Assert.Equal(new StaffSummary("ana", 2, 2, 1, 1, 1, ana.Policies), ana);
        Assert.Equal(["corkage", Policy], ana.Policies);
        Assert.Equal(42, review.DroppedDecisions);
    }

    [Fact]
    public async Task RunAsync_OverriddenDaysAndCatalogOnlyPolicies_Listed()
    {
        var evidence = new ReviewEvidence().Policy(Policy).Policy("unused");
        evidence.Override(Policy, "ana", at: ReviewEvidence.Start.AddDays(1));
        evidence.Override(Policy, "ana", at: ReviewEvidence.Start.AddDays(1).AddHours(1));
        evidence.Override(Policy, "ana", at: ReviewEvidence.Start.AddDays(3));

        var review = await evidence.ReviewAsync();

        Assert.Equal(["no-substitutions"], review.Policies.Select(p => p.Id));
        Assert.Equal(["unused"], review.PoliciesWithoutDecisions.Select(p => p.Id));
        Assert.Equal(
            [new DailyOverrides(new DateOnly(2026, 3, 3), 2), new DailyOverrides(new DateOnly(2026, 3, 5), 1)],
            review.Policies[0].OverridesByDay);
    }

    [Fact]
    public async Task ReviewAsync_ManyRecords_ReportsProgressAndEndsWithTheTotal()
    {
        var evidence = new ReviewEvidence().Policy(Policy).Denials(Policy, 2500);
        await evidence.FlushAsync();
        var reported = new List<long>();

        await EvidenceReview.CreateReviewer(evidence.Store).ReviewAsync(EvidenceWindow.All, new ImmediateProgress(reported));

        Assert.Equal([1000L, 2000L, 2501L], reported);
    }

    [Fact]
    public void CreateReviewer_ThresholdOutOfRange_Throws()
    {
        var options = new ReviewOptions { CoachTopStaffShare = 1.5 };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => EvidenceReview.CreateReviewer(new InMemoryEvidenceStore(), options));

        Assert.Contains("CoachTopStaffShare must be a share between 0 and 1.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VerdictNames_RoundTrip_EveryVerdict()
    {
        foreach (var verdict in Enum.GetValues<Verdict>())
        {
            Assert.True(VerdictNames.TryParse(VerdictNames.Of(verdict), out var parsed));
            Assert.Equal(verdict, parsed);
        }

        Assert.Equal("insufficient-evidence", VerdictNames.Of(Verdict.InsufficientEvidence));
    }

    private sealed class ImmediateProgress(List<long> reported) : IProgress<long>
    {
        public void Report(long value) => reported.Add(value);
    }
}
