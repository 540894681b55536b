using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace PolicyAudit.Tests.Overrides;

public sealed class OverrideRecorderTests
{
    private static readonly StaffMember Waiter = new("w-7", StaffRole.Staff);
    private static readonly StaffMember OtherWaiter = new("w-8", StaffRole.Staff);
    private static readonly StaffMember Supervisor = new("s-2", StaffRole.Supervisor);
    private static readonly StaffMember Manager = new("m-1", StaffRole.Manager);
    private static readonly StaffMember Owner = new("o-1", StaffRole.Owner);

    private readonly InMemoryEvidenceStore _store = new();
    private readonly FakeTimeProvider _time = new(TestDecisions.Evening.AddMinutes(5));

    [Fact]
    public async Task OverrideAsync_PermittedOverride_AppendsSelfContainedRecordBeforeReturningReceipt()
    {
        var recorder = CreateRecorder();
        var decision = TestDecisions.Make(DecisionOutcome.Deny, StaffRole.Supervisor);

        var receipt = await recorder.OverrideAsync(decision, Supervisor, "Guest brought a 1998 vintage for their anniversary");

        var stored = Assert.Single(await _store.ReadAllAsync());
        var record = Assert.IsType<OverrideRecord>(stored.Record);
        Assert.Equal(receipt.Sequence, stored.Sequence);
        Assert.Equal(receipt.Hash, stored.Hash);
        Assert.Equal(receipt.OverrideId, record.Id);
        Assert.Equal(decision.Id, record.DecisionId);
        Assert.Equal("s-2", record.Staff);
        Assert.Equal(StaffRole.Supervisor, record.RequiredRole);
        Assert.False(record.IsUnauthorized);
        Assert.Equal(DecisionOutcome.Deny, record.Decision.Outcome);
        Assert.Equal("corkage-fee", Assert.Single(record.Decision.Policies).PolicyId);
        Assert.Equal(decision.PolicySetVersion, record.Decision.PolicySetVersion);
        Assert.Equal(decision.FactsDigest, record.Decision.FactsDigest);
        Assert.Equal("guest-1", record.Decision.Customer);
        Assert.Equal("harbour-street", record.Decision.Location);
        Assert.Equal(_time.GetUtcNow(), receipt.RecordedAt);
    }

    [Fact]
    public async Task OverrideAsync_StaffWithSufficientApprover_RecordsEscalatedOverride()
    {
        var recorder = CreateRecorder();
        var decision = TestDecisions.Make(DecisionOutcome.RequireApproval, StaffRole.Manager, "comped-dessert");

        await recorder.OverrideAsync(decision, Waiter, "Main course came out 25 minutes late", Manager);

        var record = Assert.IsType<OverrideRecord>(Assert.Single(await _store.ReadAllAsync()).Record);
        Assert.True(record.IsEscalated);
        Assert.Equal("m-1", record.ApprovedBy);
        Assert.Equal(StaffRole.Manager, record.ApproverRole);
    }

    [Fact]
    public async Task OverrideAsync_AllowDecision_RefusesAsDecisionAllowed()
    {
        await AssertRefusedAsync(TestDecisions.Make(DecisionOutcome.Allow), Owner, "Regular guest", null, OverrideRefusalReason.DecisionAllowed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public async Task OverrideAsync_BlankJustification_RefusesAsMissingJustification(string justification)
    {
        await AssertRefusedAsync(TestDecisions.Make(DecisionOutcome.Deny), Owner, justification, null, OverrideRefusalReason.MissingJustification);
    }

    [Theory]
    [InlineData("n/a")]
    [InlineData("N/A.")]
    [InlineData(" ok ")]
    [InlineData("OK!")]
    [InlineData("Override")]
    [InlineData("...")]
    public async Task OverrideAsync_PlaceholderJustification_RefusesAsPlaceholder(string justification)
    {
        await AssertRefusedAsync(TestDecisions.Make(DecisionOutcome.Deny), Owner, justification, null, OverrideRefusalReason.PlaceholderJustification);
    }

    [Fact]
    public async Task OverrideAsync_ConfiguredPlaceholders_RefusesOnlyThose()
    {
        var recorder = CreateRecorder(placeholders: ["as agreed"]);

        var refused = await Assert.ThrowsAsync<OverrideRefusedException>(() =>
            recorder.OverrideAsync(TestDecisions.Make(DecisionOutcome.Deny), Owner, "As agreed."));
        var receipt = await recorder.OverrideAsync(TestDecisions.Make(DecisionOutcome.Deny), Owner, "ok");

        Assert.Equal(OverrideRefusalReason.PlaceholderJustification, refused.Reason);
        Assert.NotNull(receipt);
    }

    [Fact]
    public async Task OverrideAsync_PolicyOverridableByNobody_RefusesAsNotOverridableEvenForOwner()
    {
        var decision = TestDecisions.Make(DecisionOutcome.Deny, "guest-1",
            ("no-alcohol-to-minors", DecisionOutcome.Deny, StaffRole.Nobody),
            ("corkage-fee", DecisionOutcome.Deny, StaffRole.Supervisor));

        var refused = await AssertRefusedAsync(decision, Owner, "Guest says they are 21", new StaffMember("o-2", StaffRole.Owner), OverrideRefusalReason.NotOverridable);

        Assert.Contains("no-alcohol-to-minors", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverrideAsync_RoleBelowPolicyWithoutApprover_RefusesAsInsufficientAuthority()
    {
        var refused = await AssertRefusedAsync(TestDecisions.Make(DecisionOutcome.Deny, StaffRole.Manager), Supervisor, "Birthday party, long-time regulars", null, OverrideRefusalReason.InsufficientAuthority);

        Assert.Contains("manager", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverrideAsync_ApproverBelowPolicy_RefusesAsInsufficientAuthority()
    {
        await AssertRefusedAsync(TestDecisions.Make(DecisionOutcome.Deny, StaffRole.Manager), Waiter, "Birthday party, long-time regulars", Supervisor, OverrideRefusalReason.InsufficientAuthority);
    }

    [Fact]
    public async Task OverrideAsync_SelfApproval_RefusesAsInsufficientAuthority()
    {
        await AssertRefusedAsync(TestDecisions.Make(DecisionOutcome.Deny, StaffRole.Supervisor), Waiter, "Birthday party, long-time regulars", new StaffMember(Waiter.Id, StaffRole.Supervisor), OverrideRefusalReason.InsufficientAuthority);
    }

    [Fact]
    public async Task OverrideAsync_HighestDeterminingPolicyDecidesAuthority()
    {
        var recorder = CreateRecorder();
        var decision = TestDecisions.Make(DecisionOutcome.Deny, "guest-1",
            ("corkage-fee", DecisionOutcome.Deny, StaffRole.Staff),
            ("late-seating", DecisionOutcome.Deny, StaffRole.Manager),
            ("large-party-gratuity", DecisionOutcome.Allow, StaffRole.Owner));

        var refused = await Assert.ThrowsAsync<OverrideRefusedException>(() => recorder.OverrideAsync(decision, Supervisor, "Kitchen agreed to stay open"));
        var receipt = await recorder.OverrideAsync(decision, Manager, "Kitchen agreed to stay open");

        Assert.Equal(OverrideRefusalReason.InsufficientAuthority, refused.Reason);
        Assert.Contains("late-seating", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("corkage-fee", refused.Message, StringComparison.Ordinal);
        Assert.Equal(StaffRole.Manager, Assert.IsType<OverrideRecord>((await _store.ReadAllAsync()).Single(s => s.Record.Id == receipt.OverrideId).Record).RequiredRole);
    }

    [Fact]
    public async Task OverrideAsync_NullArguments_ThrowArgumentNullException()
    {
        var recorder = CreateRecorder();

        await Assert.ThrowsAsync<ArgumentNullException>("decision", () => recorder.OverrideAsync(null!, Manager, "Reason"));
        await Assert.ThrowsAsync<ArgumentNullException>("by", () => recorder.OverrideAsync(TestDecisions.Make(DecisionOutcome.Deny), null!, "Reason"));
        Assert.Empty(await _store.ReadAllAsync());
    }

    [Fact]
    public async Task OverrideAsync_DisposedStore_ThrowsObjectDisposedException()
    {
        var recorder = CreateRecorder();
        await _store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => recorder.OverrideAsync(TestDecisions.Make(DecisionOutcome.Deny), Manager, "Guest waited 40 minutes"));
    }

    [Fact]
    public async Task OverrideAsync_EightThreadsOfAThousand_AllPresentInValidChain()
    {
        var recorder = CreateRecorder();
        const int threads = 8, perThread = 1_000;

        var receipts = await Task.WhenAll(Enumerable.Range(0, threads).Select(t => Task.Run(async () =>
        {
            var mine = new List<OverrideReceipt>(perThread);
            for (var i = 0; i < perThread; i++)
            {
                mine.Add(await recorder.OverrideAsync(TestDecisions.Make(DecisionOutcome.Deny), Manager, $"Thread {t} guest {i} waited too long"));
            }

            return mine;
        })));

        var all = receipts.SelectMany(r => r).ToArray();
        var stored = await _store.ReadAllAsync();
        var verification = await _store.VerifyAsync();
        Assert.Equal(threads * perThread, all.Select(r => r.OverrideId).Distinct().Count());
        Assert.Equal(threads * perThread, stored.Count);
        Assert.Equal(all.Select(r => r.OverrideId).Order(), stored.Select(s => s.Record.Id).Order());
        Assert.True(verification.IsValid, verification.ToString());
        Assert.Equal(threads * perThread, verification.RecordsChecked);
    }

    private async Task<OverrideRefusedException> AssertRefusedAsync(Decision decision, StaffMember by, string justification, StaffMember? approver, OverrideRefusalReason expected)
    {
        var recorder = CreateRecorder();

        var refused = await Assert.ThrowsAsync<OverrideRefusedException>(() => recorder.OverrideAsync(decision, by, justification, approver));

        Assert.Equal(expected, refused.Reason);
        Assert.Equal(decision.Id, refused.DecisionId);
        var stored = Assert.Single(await _store.ReadAllAsync());
        var record = Assert.IsType<RefusedOverrideRecord>(stored.Record);
        Assert.Equal(expected, record.Reason);
        Assert.Equal(refused.Message, record.Message);
        Assert.Equal(justification, record.Justification);
        Assert.Equal(by.Id, record.Staff);
        Assert.Equal(approver?.Id, record.ApprovedBy);
        Assert.Equal(decision.Outcome, record.Decision.Outcome);
        return refused;
    }

    private OverrideRecorder CreateRecorder(string[]? placeholders = null) =>
        new(_store, new JustificationCheck(placeholders ?? ["n/a", "ok", "override"]), _time, new PolicyAuditTelemetry(), NullLogger.Instance);
}
