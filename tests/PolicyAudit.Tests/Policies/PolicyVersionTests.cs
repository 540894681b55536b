using NRules.Fluent.Dsl;

namespace PolicyAudit.Tests.Policies;

/// <summary>A policy's version: a hash of its metadata and of its NRules rule definition, printed deterministically.</summary>
public sealed class PolicyVersionTests
{
    [Fact]
    public void Version_KnownPolicy_IsTheSameInEveryProcess()
    {
        // Pinned: the text hashed has no hash codes or closure class names, so this value holds on every machine and
        // run. It changes only when the policy or the way definitions are printed does (which re-versions every policy).
        var version = VersionOf(typeof(LateSeating));

        Assert.Equal("b420717d9c245021", version);
    }

    [Fact]
    public void Version_PolicyWithUnnamedFacts_IsEqualEachTimeItIsBuilt()
    {
        Assert.Equal(VersionOf(typeof(WalkInNeedsHost)), VersionOf(typeof(WalkInNeedsHost)));
    }

    [Fact]
    public void Version_RenamedClassSayingTheSame_IsUnchanged()
    {
        Assert.Equal(VersionOf(typeof(LateSeating)), VersionOf(typeof(LateSeatingMovedAndRenamed)));
    }

    [Theory]
    [InlineData(typeof(LateSeatingLaterLimit))]
    [InlineData(typeof(LateSeatingReasonReworded))]
    [InlineData(typeof(LateSeatingRequiresApproval))]
    [InlineData(typeof(LateSeatingWithPriority))]
    [InlineData(typeof(LateSeatingOtherOwner))]
    public void Version_AnyChangeToWhatThePolicySays_IsANewVersion(Type changed)
    {
        Assert.NotEqual(VersionOf(typeof(LateSeating)), VersionOf(changed));
    }

    private static string VersionOf(Type policy) => PolicySet.Build([policy])["late-seating"].Version!;

    public sealed record Seating(int PartySize, TimeOnly At);

    public sealed record Reservation(int PartySize);

    [Policy("late-seating", Owner = "front-of-house")]
    private sealed class LateSeating : Policy
    {
        private readonly int _largeParty = 8;

        public override void Define()
        {
            Seating seating = null!;
            var lastSitting = new TimeOnly(22, 0);
            When().Match(() => seating, s => s.At > lastSitting, s => s.PartySize > _largeParty);
            Then().Deny(() => "Party of " + seating.PartySize + " after the last sitting");
        }
    }

    [Policy("late-seating", Owner = "front-of-house")]
    private sealed class LateSeatingMovedAndRenamed : Policy
    {
        private readonly int _largeParty = 8;

        public override void Define()
        {
            Seating seating = null!;
            var lastSitting = new TimeOnly(22, 0);
            When().Match(() => seating, s => s.At > lastSitting, s => s.PartySize > _largeParty);
            Then().Deny(() => "Party of " + seating.PartySize + " after the last sitting");
        }
    }

    [Policy("late-seating", Owner = "front-of-house")]
    private sealed class LateSeatingLaterLimit : Policy
    {
        private readonly int _largeParty = 8;

        public override void Define()
        {
            Seating seating = null!;
            var lastSitting = new TimeOnly(22, 30);
            When().Match(() => seating, s => s.At > lastSitting, s => s.PartySize > _largeParty);
            Then().Deny(() => "Party of " + seating.PartySize + " after the last sitting");
        }
    }

    [Policy("late-seating", Owner = "front-of-house")]
    private sealed class LateSeatingReasonReworded : Policy
    {
        private readonly int _largeParty = 8;

        public override void Define()
        {
            Seating seating = null!;
            var lastSitting = new TimeOnly(22, 0);
            When().Match(() => seating, s => s.At > lastSitting, s => s.PartySize > _largeParty);
            Then().Deny(() => "A party of " + seating.PartySize + " after the last sitting");
        }
    }

    [Policy("late-seating", Owner = "front-of-house")]
    private sealed class LateSeatingRequiresApproval : Policy
    {
        private readonly int _largeParty = 8;

        public override void Define()
        {
            Seating seating = null!;
            var lastSitting = new TimeOnly(22, 0);
            When().Match(() => seating, s => s.At > lastSitting, s => s.PartySize > _largeParty);
            Then().RequireApproval(() => "Party of " + seating.PartySize + " after the last sitting");
        }
    }

    [Policy("late-seating", Owner = "front-of-house")]
    [Priority(5)]
    private sealed class LateSeatingWithPriority : Policy
    {
        private readonly int _largeParty = 8;

        public override void Define()
        {
            Seating seating = null!;
            var lastSitting = new TimeOnly(22, 0);
            When().Match(() => seating, s => s.At > lastSitting, s => s.PartySize > _largeParty);
            Then().Deny(() => "Party of " + seating.PartySize + " after the last sitting");
        }
    }

    [Policy("late-seating", Owner = "kitchen")]
    private sealed class LateSeatingOtherOwner : Policy
    {
        private readonly int _largeParty = 8;

        public override void Define()
        {
            Seating seating = null!;
            var lastSitting = new TimeOnly(22, 0);
            When().Match(() => seating, s => s.At > lastSitting, s => s.PartySize > _largeParty);
            Then().Deny(() => "Party of " + seating.PartySize + " after the last sitting");
        }
    }

    [Policy("late-seating")]
    private sealed class WalkInNeedsHost : Policy
    {
        public override void Define()
        {
            Seating seating = null!;
            When()
                .Match(() => seating)
                .Not<Reservation>(r => r.PartySize == seating.PartySize);
            Then().RequireApproval("No reservation");
        }
    }
}
