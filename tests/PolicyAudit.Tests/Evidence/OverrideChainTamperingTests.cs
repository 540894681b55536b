using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace PolicyAudit.Tests.Evidence;

public sealed class OverrideChainTamperingTests
{
    private readonly InMemoryEvidenceStore _store = new();

    [Fact]
    public async Task VerifyAsync_UntouchedOverrides_IsValid()
    {
        await RecordOverridesAsync(5);

        var verification = await _store.VerifyAsync();

        Assert.True(verification.IsValid, verification.ToString());
        Assert.Equal(5, verification.RecordsChecked);
    }

    [Fact]
    public async Task VerifyAsync_ChangedJustification_IsDetectedAtThatRecord()
    {
        await RecordOverridesAsync(5);
        _store.TamperWith(3, row => row with { Payload = row.Payload.Replace("guest 2 waited", "guest 2 insisted", StringComparison.Ordinal) });

        var verification = await _store.VerifyAsync();

        Assert.False(verification.IsValid);
        Assert.Equal(3, verification.FirstBadSequence);
        Assert.Contains("changed", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_DeletedOverride_IsDetected()
    {
        await RecordOverridesAsync(5);
        _store.RemoveForTest(2);

        var verification = await _store.VerifyAsync();

        Assert.False(verification.IsValid);
        Assert.Equal(3, verification.FirstBadSequence);
        Assert.Contains("missing", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_ReorderedOverrides_IsDetected()
    {
        await RecordOverridesAsync(5);
        RawEvidence second = default, third = default;
        _store.TamperWith(2, row => { second = row; return row; });
        _store.TamperWith(3, row => { third = row; return row; });
        _store.TamperWith(2, _ => third with { Sequence = 2 });
        _store.TamperWith(3, _ => second with { Sequence = 3 });

        var verification = await _store.VerifyAsync();

        Assert.False(verification.IsValid);
        Assert.Equal(2, verification.FirstBadSequence);
    }

    [Fact]
    public async Task VerifyAsync_NewestOverrideCutOff_IsDetectedWithACheckpoint()
    {
        await RecordOverridesAsync(5);
        var checkpoint = await _store.GetHeadAsync();
        _store.RemoveForTest(5);

        var verification = await _store.VerifyAsync(checkpoint);

        Assert.False(verification.IsValid);
        Assert.Contains("cut off", verification.Problem, StringComparison.Ordinal);
    }

    private async Task RecordOverridesAsync(int count)
    {
        var recorder = new OverrideRecorder(_store, new JustificationCheck(["ok"]), new FakeTimeProvider(TestDecisions.Evening), new PolicyAuditTelemetry(), NullLogger.Instance);
        for (var i = 0; i < count; i++)
        {
            await recorder.OverrideAsync(TestDecisions.Make(DecisionOutcome.Deny), new StaffMember("m-1", StaffRole.Manager), $"guest {i} waited 40 minutes");
        }
    }
}
