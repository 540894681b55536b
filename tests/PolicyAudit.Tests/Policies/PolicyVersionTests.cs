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

    /// <summary>The policy every variant below restates, changing one thing (or, for the renamed one, nothing).</summary>
    private abstract class LateSeatingPolicy : Policy
    {
        private readonly int _largeParty = 8;

        protected virtual TimeOnly LastSitting => new(22, 0);

        protected virtual string Reason => " after the last sitting";

        protected virtual bool RequiresApprovalOnly => false;

        public override void Define()
        {
            Seating seating = null!;
            var lastSitting = LastSitting;
            var reason = Reason;
            When().Match(() => seating, s => s.At > lastSitting, s => s.PartySize > _largeParty);
            if (RequiresApprovalOnly)
            {
                Then().RequireApproval(() => "Party of " + seating.PartySize + reason);
            }
            else
            {
                Then().Deny(() => "Party of " + seating.PartySize + reason);
            }
        }
    }

    [Policy("late-seating", Owner = "front-of-house")]
    private sealed class LateSeating : LateSeatingPolicy
    {
    }

    [Policy("late-seating", Owner = "front-of-house")]
    private sealed class LateSeatingMovedAndRenamed : LateSeatingPolicy
    {
    }

    [Policy("late-seating", Owner = "front-of-house")]
    private sealed class LateSeatingLaterLimit : LateSeatingPolicy
    {
        protected override TimeOnly LastSitting => new(22, 30);
    }

    [Policy("late-seating", Owner = "front-of-house")]
    private sealed class LateSeatingReasonReworded : LateSeatingPolicy
    {
        protected override string Reason => " after the kitchen's last sitting";
    }

    [Policy("late-seating", Owner = "front-of-house")]
    private sealed class LateSeatingRequiresApproval : LateSeatingPolicy
    {
        protected override bool RequiresApprovalOnly => true;
    }

    [Policy("late-seating", Owner = "front-of-house")]
    [Priority(5)]
    private sealed class LateSeatingWithPriority : LateSeatingPolicy
    {
    }

    [Policy("late-seating", Owner = "kitchen")]
    private sealed class LateSeatingOtherOwner : LateSeatingPolicy
    {
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
