using System.Runtime.CompilerServices;

namespace PolicyAudit;

/// <summary>
/// The store queries answered by reading rows one by one, with the same meaning as the durable stores' indexed SQL:
/// the in-memory store answers this way, and so does a durable store opened without migrating its schema (its rows
/// then get their query columns derived from the payload as they are read).
/// </summary>
internal static class EvidenceScan
{
    private static readonly string OutcomeKind = WireNames.Of(EvidenceKind.Outcome);

    /// <summary>The customer query; <paramref name="rows"/> starts a fresh read of every row in chain order, and is called twice.</summary>
    public static async IAsyncEnumerable<StoredEvidence> CustomerAsync(
        Func<IAsyncEnumerable<RawEvidence>> rows,
        Func<RawEvidence, EvidenceRecord> decode,
        string customer,
        EvidenceWindow window,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Decisions are appended in batches, so an outcome may be chained before the decision that names the
        // customer: the customer's decision ids are collected first.
        var decisions = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in rows().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (IsAbout(row, customer, window) && row.Query.DecisionId is { } id)
            {
                decisions.Add(id);
            }
        }

        await foreach (var row in rows().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (IsAbout(row, customer, window)
                || (row.Kind == OutcomeKind && window.Contains(row.At) && row.Query.DecisionId is { } id && decisions.Contains(id)))
            {
                yield return new StoredEvidence(row.Sequence, decode(row), row.Hash);
            }
        }
    }

    public static async IAsyncEnumerable<StoredEvidence> ForDecisionsAsync(
        IAsyncEnumerable<RawEvidence> rows,
        Func<RawEvidence, EvidenceRecord> decode,
        IReadOnlyCollection<string> decisionIds,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var wanted = decisionIds.ToHashSet(StringComparer.Ordinal);
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (row.Query.DecisionId is { } id && wanted.Contains(id))
            {
                yield return new StoredEvidence(row.Sequence, decode(row), row.Hash);
            }
        }
    }

    public static async IAsyncEnumerable<StoredEvidence> KindsAsync(
        IAsyncEnumerable<RawEvidence> rows,
        Func<RawEvidence, EvidenceRecord> decode,
        IReadOnlyCollection<string> kinds,
        EvidenceWindow window,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (kinds.Contains(row.Kind) && window.Contains(row.At))
            {
                yield return new StoredEvidence(row.Sequence, decode(row), row.Hash);
            }
        }
    }

    private static bool IsAbout(RawEvidence row, string customer, EvidenceWindow window) =>
        string.Equals(row.Query.Customer, customer, StringComparison.Ordinal) && window.Contains(row.At);
}
