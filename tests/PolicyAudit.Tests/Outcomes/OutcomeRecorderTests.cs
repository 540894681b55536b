using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace PolicyAudit.Tests.Outcomes;

public sealed class OutcomeRecorderTests
{
    private readonly InMemoryEvidenceStore _store = new();
    private readonly FakeTimeProvider _time = new(TestDecisions.Evening.AddHours(1));

    [Theory]
    [InlineData(OutcomeKind.None)]
    [InlineData(OutcomeKind.Compliment)]
    [InlineData(OutcomeKind.Complaint)]
    [InlineData(OutcomeKind.Loss)]
    public async Task RecordAsync_Outcome_AppendsRecordForTheDecision(OutcomeKind kind)
    {
        var recorder = new OutcomeRecorder(_store, _time, NullLogger.Instance);

        var id = await recorder.RecordAsync("01JDECISION", kind, "  Left a review  ");

        var record = Assert.IsType<OutcomeRecord>(Assert.Single(await _store.ReadAllAsync()).Record);
        Assert.Equal(id, record.Id);
        Assert.Equal("01JDECISION", record.DecisionId);
        Assert.Equal(kind, record.Outcome);
        Assert.Equal("Left a review", record.Note);
        Assert.Equal(_time.GetUtcNow(), record.At);
    }

    [Fact]
    public async Task RecordAsync_BadInput_ThrowsAndAppendsNothing()
    {
        var recorder = new OutcomeRecorder(_store, _time, NullLogger.Instance);

        await Assert.ThrowsAsync<ArgumentException>("decisionId", () => recorder.RecordAsync(" ", OutcomeKind.Loss));
        await Assert.ThrowsAsync<ArgumentNullException>("decisionId", () => recorder.RecordAsync(null!, OutcomeKind.Loss));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>("kind", () => recorder.RecordAsync("01JDECISION", (OutcomeKind)42));
        Assert.Empty(await _store.ReadAllAsync());
    }
}
