using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace PolicyAudit.Tests.Overrides;

/// <summary>The library's override rules hold as the tool's do: once per decision, no self-approval however spelt, placeholders however disguised, bounded text.</summary>
public sealed class OverrideHardeningTests
{
    private static readonly StaffMember Waiter = new("waiter-1", StaffRole.Staff);
    private static readonly StaffMember Supervisor = new("s-2", StaffRole.Supervisor);

    private readonly InMemoryEvidenceStore _store = new();
    private readonly FakeTimeProvider _time = new(TestDecisions.Evening.AddMinutes(5));

    [Fact]
    public async Task OverrideAsync_SecondOverrideOfSameDecision_RefusedAsAlreadyOverriddenAndRecorded()
    {
        var recorder = CreateRecorder();
        var decision = TestDecisions.Make(DecisionOutcome.Deny, StaffRole.Supervisor);
        await recorder.OverrideAsync(decision, Supervisor, "Guest brought a 1998 vintage for their anniversary");

        var refused = await Assert.ThrowsAsync<OverrideRefusedException>(() =>
            recorder.OverrideAsync(decision, new StaffMember("s-3", StaffRole.Supervisor), "Also an anniversary, and a regular"));

        Assert.Equal(OverrideRefusalReason.AlreadyOverridden, refused.Reason);
        var records = (await _store.ReadAllAsync()).Select(s => s.Record).ToArray();
        Assert.Single(records.OfType<OverrideRecord>());
        Assert.Equal(OverrideRefusalReason.AlreadyOverridden, Assert.Single(records.OfType<RefusedOverrideRecord>()).Reason);
    }

    [Fact]
    public async Task OverrideAsync_ConcurrentOverridesOfSameDecision_ExactlyOneLands()
    {
        var recorder = CreateRecorder();
        var decision = TestDecisions.Make(DecisionOutcome.Deny, StaffRole.Supervisor);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            try
            {
                await recorder.OverrideAsync(decision, new StaffMember($"s-{i}", StaffRole.Supervisor), "Anniversary dinner, bottle from their wedding");
                return (OverrideRefusalReason?)null;
            }
            catch (OverrideRefusedException ex)
            {
                return ex.Reason;
            }
        })));

        Assert.Single(attempts, a => a is null);
        Assert.All(attempts.Where(a => a is not null), a => Assert.Equal(OverrideRefusalReason.AlreadyOverridden, a));
        var records = (await _store.ReadAllAsync()).Select(s => s.Record).ToArray();
        Assert.Single(records.OfType<OverrideRecord>());
        Assert.Equal(15, records.OfType<RefusedOverrideRecord>().Count());
    }

    [Theory]
    [InlineData("Waiter-1")]
    [InlineData(" waiter-1 ")]
    [InlineData("WAITER-1")]
    public async Task OverrideAsync_ApproverIsTheStaffMemberSpeltOtherwise_RefusedAsSelfApproval(string approverId)
    {
        var recorder = CreateRecorder();
        var decision = TestDecisions.Make(DecisionOutcome.Deny, StaffRole.Manager);

        var refused = await Assert.ThrowsAsync<OverrideRefusedException>(() =>
            recorder.OverrideAsync(decision, Waiter, "Guest's anniversary, long-time regulars", new StaffMember(approverId, StaffRole.Manager)));

        Assert.Equal(OverrideRefusalReason.InsufficientAuthority, refused.Reason);
        Assert.Contains("cannot approve their own override", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("н/а")]
    [InlineData("Н/А")]
    [InlineData("ＯＫ")]
    [InlineData("N/Á")]
    [InlineData("o\u200Bk")]
    [InlineData("οк")]
    public async Task OverrideAsync_PlaceholderInDisguise_RefusedAsPlaceholder(string justification)
    {
        var recorder = CreateRecorder();

        var refused = await Assert.ThrowsAsync<OverrideRefusedException>(() =>
            recorder.OverrideAsync(TestDecisions.Make(DecisionOutcome.Deny), Supervisor, justification));

        Assert.Equal(OverrideRefusalReason.PlaceholderJustification, refused.Reason);
    }

    [Fact]
    public async Task OverrideAsync_JustificationOverTheLimit_ThrowsArgumentExceptionAndRecordsNothing()
    {
        var recorder = CreateRecorder();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            recorder.OverrideAsync(TestDecisions.Make(DecisionOutcome.Deny), Supervisor, new string('x', EvidenceLimits.TextLength + 1)));

        Assert.Equal("justification", error.ParamName);
        Assert.Empty(await _store.ReadAllAsync());
    }

    private OverrideRecorder CreateRecorder() =>
        new(_store, new JustificationCheck(["n/a", "ok", "override"]), _time, new PolicyAuditTelemetry(), NullLogger.Instance);
}
