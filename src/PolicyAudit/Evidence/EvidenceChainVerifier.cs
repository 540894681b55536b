namespace PolicyAudit;

/// <summary>
/// Verifies a chain of stored rows, shared by every store: contiguous sequence numbers from 1, each row linked to the
/// previous hash, each hash recomputed from the payload, the indexed and query columns equal to the payload's own
/// values, and, with a checkpoint, the checkpoint's record present with its hash. A store that cannot be read at all
/// from some record on (a dropped table, a corrupt page) fails verification at that record, as tampering would.
/// </summary>
internal static class EvidenceChainVerifier
{
    /// <param name="rows">The rows in sequence order.</param>
    /// <param name="checkpoint">A head exported earlier, or null.</param>
    /// <param name="isDamage">
    /// True for an exception of the store that means its contents are damaged (a missing table or column, a corrupt
    /// file), as opposed to one that means it cannot be reached now (a lost connection, a lock), which is rethrown.
    /// </param>
    /// <param name="cancellationToken">Stops the verification.</param>
    public static async Task<ChainVerification> VerifyAsync(
        IAsyncEnumerable<RawEvidence> rows,
        ChainCheckpoint? checkpoint,
        Func<Exception, bool> isDamage,
        CancellationToken cancellationToken)
    {
        var previousHash = EvidenceChain.GenesisHash;
        long expectedSequence = 1;
        long checkedCount = 0;
        var checkpointSeen = false;
        await using var enumerator = rows.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    break;
                }
            }
            catch (Exception ex) when (isDamage(ex))
            {
                return new ChainVerification(false, checkedCount, null, expectedSequence,
                    $"the store cannot be read from record {expectedSequence} on: {ex.Message}");
            }

            var row = enumerator.Current;
            var problem = Check(row, expectedSequence, previousHash);
            if (problem is not null)
            {
                return new ChainVerification(false, checkedCount, null, row.Sequence, problem);
            }

            if (checkpoint is not null && row.Sequence == checkpoint.Sequence)
            {
                if (!string.Equals(row.Hash, checkpoint.Hash, StringComparison.OrdinalIgnoreCase))
                {
                    return new ChainVerification(false, checkedCount, null, row.Sequence,
                        $"record {row.Sequence} has hash {row.Hash}, but the checkpoint says {checkpoint.Hash}: the chain was rewritten after the checkpoint was taken");
                }

                checkpointSeen = true;
            }

            previousHash = row.Hash;
            expectedSequence++;
            checkedCount++;
        }

        var head = checkedCount == 0 ? null : new ChainCheckpoint(expectedSequence - 1, previousHash);
        if (checkpoint is not null && !checkpointSeen)
        {
            return new ChainVerification(false, checkedCount, head, head?.Sequence + 1 ?? 1,
                $"the store ends at record {head?.Sequence ?? 0}, but the checkpoint names record {checkpoint.Sequence}: newer records were cut off");
        }

        return new ChainVerification(true, checkedCount, head, null, null);
    }

    private static string Quote(string? value) => value is null ? "none" : "'" + value + "'";

    private static string? Check(RawEvidence row, long expectedSequence, string previousHash)
    {
        if (row.Sequence != expectedSequence)
        {
            return row.Sequence > expectedSequence
                ? $"records {expectedSequence}..{row.Sequence - 1} are missing"
                : $"record {row.Sequence} is out of order (expected {expectedSequence})";
        }

        if (row.Damage is not null)
        {
            return $"record {row.Sequence} is damaged: {row.Damage}";
        }

        if (!string.Equals(row.PreviousHash, previousHash, StringComparison.Ordinal))
        {
            return $"record {row.Sequence} does not link to the record before it";
        }

        if (!string.Equals(EvidenceChain.ComputeHash(previousHash, row.Sequence, row.Payload), row.Hash, StringComparison.Ordinal))
        {
            return $"record {row.Sequence} ({row.Kind} {row.Id}) was changed: its hash does not match its content";
        }

        EvidenceRecord record;
        try
        {
            record = EvidenceCodec.Decode(row.Payload);
        }
        catch (Exception ex) when (EvidenceCodec.IsUnreadable(ex))
        {
            return $"record {row.Sequence} cannot be read: {ex.Message}";
        }

        if (WireNames.Of(record.Kind) != row.Kind || record.Id != row.Id || record.At != row.At)
        {
            return $"record {row.Sequence}'s indexed columns (kind, id, time) differ from its hashed content";
        }

        if (record is DecisionRecord { Facts: { } facts } decision)
        {
            if (!string.Equals(decision.FactsDigest, facts.Digest, StringComparison.Ordinal))
            {
                return $"record {row.Sequence} (decision {decision.Id})'s facts digest does not match its stored facts";
            }

            try
            {
                _ = facts.Items;
            }
            catch (FormatException ex)
            {
                return $"record {row.Sequence} (decision {decision.Id})'s facts cannot be read: {ex.Message}";
            }
        }

        // Queries find records by these columns, so an edited one hides a record from a customer's history.
        if (row.HasQueryColumns && EvidenceQueryColumns.Of(record) is var expected && expected != row.Query)
        {
            return $"record {row.Sequence}'s query columns (customer {Quote(row.Query.Customer)}, decision {Quote(row.Query.DecisionId)}) "
                + $"differ from its hashed content (customer {Quote(expected.Customer)}, decision {Quote(expected.DecisionId)})";
        }

        return null;
    }
}
