using Microsoft.Extensions.Logging;

namespace PolicyAudit;

/// <summary>Appends outcomes durably. Thread-safe.</summary>
internal sealed class OutcomeRecorder : IOutcomeRecorder
{
    private readonly IEvidenceStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public OutcomeRecorder(IEvidenceStore store, TimeProvider time, ILogger logger)
    {
        _store = store;
        _time = time;
        _logger = logger;
    }

    public async Task<string> RecordAsync(string decisionId, OutcomeKind kind, string? note = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decisionId);
        decisionId = UnicodeText.Identifier(decisionId, nameof(decisionId));
        UnicodeText.FreeText(note, nameof(note));
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "An outcome is None, Compliment, Complaint or Loss.");
        }

        var now = _time.GetUtcNow();
        var record = new OutcomeRecord
        {
            Id = TimeSortableId.New(now),
            At = now,
            DecisionId = decisionId,
            Outcome = kind,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        };
        await _store.AppendOutcomeAsync(record, cancellationToken).ConfigureAwait(false);
        Log.OutcomeRecorded(_logger, record.Id, kind, decisionId);
        return record.Id;
    }
}
