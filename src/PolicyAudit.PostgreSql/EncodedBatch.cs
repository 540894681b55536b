namespace PolicyAudit;

/// <summary>A batch of records, encoded and checked for repeats before any connection is taken, as column arrays.</summary>
internal sealed class EncodedBatch
{
    private EncodedBatch(EvidenceRecord[] records, string[] kinds, string[] ids, long[] ats, string[] payloads, string?[] customers, string?[] decisionIds)
    {
        Customers = customers;
        DecisionIds = decisionIds;
        Records = records;
        Kinds = kinds;
        Ids = ids;
        Ats = ats;
        Payloads = payloads;
    }

    public EvidenceRecord[] Records { get; }

    public string[] Kinds { get; }

    public string[] Ids { get; }

    /// <summary>Record times as UTC ticks, the precision the payload keeps.</summary>
    public long[] Ats { get; }

    public string[] Payloads { get; }

    /// <summary>The query columns, derived from each record (<see cref="EvidenceQueryColumns"/>).</summary>
    public string?[] Customers { get; }

    public string?[] DecisionIds { get; }

    public int Count => Records.Length;

    /// <exception cref="DuplicateEvidenceException">A (kind, id) is repeated in the batch.</exception>
    public static EncodedBatch From(IReadOnlyList<EvidenceRecord> records)
    {
        var count = records.Count;
        var batch = new EncodedBatch(new EvidenceRecord[count], new string[count], new string[count], new long[count], new string[count], new string?[count], new string?[count]);
        var keys = new HashSet<(EvidenceKind, string)>();
        for (var i = 0; i < count; i++)
        {
            var record = records[i] ?? throw new ArgumentException($"Record {i} of the batch is null.", nameof(records));
            batch.Payloads[i] = EvidenceCodec.Encode(record);
            if (!keys.Add((record.Kind, record.Id)))
            {
                throw new DuplicateEvidenceException(record.Kind, record.Id);
            }

            batch.Records[i] = record;
            batch.Kinds[i] = WireNames.Of(record.Kind);
            batch.Ids[i] = record.Id;
            batch.Ats[i] = record.At.UtcTicks;
            var query = EvidenceQueryColumns.Of(record);
            batch.Customers[i] = query.Customer;
            batch.DecisionIds[i] = query.DecisionId;
        }

        return batch;
    }

    /// <summary>The batch's places in the chain when appended after <paramref name="head"/>.</summary>
    public ChainCheckpoint[] Chain(ChainCheckpoint? head)
    {
        var links = new ChainCheckpoint[Count];
        var previous = head?.Hash ?? EvidenceChain.GenesisHash;
        var sequence = head?.Sequence ?? 0;
        for (var i = 0; i < Count; i++)
        {
            sequence++;
            previous = EvidenceChain.ComputeHash(previous, sequence, Payloads[i]);
            links[i] = new ChainCheckpoint(sequence, previous);
        }

        return links;
    }
}
