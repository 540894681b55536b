using System.Collections.Concurrent;
using System.Data;
using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;

namespace PolicyAudit;

/// <summary>
/// The evidence chain in a PostgreSQL table. Thread-safe: each operation borrows a pooled connection. Appends in
/// this process queue behind a writer gate and are group-committed: the caller holding the gate writes every queued
/// append in one transaction (each append still lands whole or not at all). Appends of all processes are serialised
/// by an advisory lock taken before the head is read.
/// </summary>
internal sealed class PostgreSqlEvidenceStore : IEvidenceStore, IDisposable
{
    /// <summary>The most records one group commit writes, so a burst of big batches is split into bounded statements.</summary>
    private const int MaxGroupRecords = 10_000;

    private readonly NpgsqlDataSource _dataSource;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConcurrentQueue<PendingAppend> _queue = new();
    private int _disposed;

    // False on a database older than the query columns, opened read-only (so not migrated): queries then scan.
    private bool _hasQueryColumns;

    private PostgreSqlEvidenceStore(NpgsqlDataSource dataSource, string where, bool readOnly = false)
    {
        _dataSource = dataSource;
        Where = where;
        IsReadOnly = readOnly;
    }

    /// <summary>Host, port and database, for messages (never the password).</summary>
    public string Where { get; }

    /// <summary>True when every transaction of the store is read-only (the server refuses any write).</summary>
    public bool IsReadOnly { get; }

    /// <summary>
    /// Opens the store for reading only: no migration, and every session runs with
    /// <c>default_transaction_read_only = on</c>, so the server itself refuses a write.
    /// </summary>
    public static Task<PostgreSqlEvidenceStore> OpenReadOnlyAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = ParseConnectionString(connectionString);
        builder.Options = ((builder.Options ?? string.Empty) + " -c default_transaction_read_only=on").Trim();
        return OpenCheckedAsync(builder, readOnly: true, PostgreSqlSchema.CheckReadableAsync, cancellationToken);
    }

    public static Task<PostgreSqlEvidenceStore> OpenAsync(string connectionString, CancellationToken cancellationToken) =>
        OpenCheckedAsync(ParseConnectionString(connectionString), readOnly: false, PostgreSqlSchema.MigrateAsync, cancellationToken);

    /// <summary>Creates the store and runs <paramref name="prepare"/> (migrate, or check); a store that fails it is disposed.</summary>
    private static async Task<PostgreSqlEvidenceStore> OpenCheckedAsync(
        NpgsqlConnectionStringBuilder builder,
        bool readOnly,
        Func<NpgsqlDataSource, string, CancellationToken, Task<int>> prepare,
        CancellationToken cancellationToken)
    {
        var where = $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
        var store = new PostgreSqlEvidenceStore(NpgsqlDataSource.Create(builder), where, readOnly);
        try
        {
            store._hasQueryColumns = await prepare(store._dataSource, where, cancellationToken).ConfigureAwait(false) >= 2;
            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public static NpgsqlConnectionStringBuilder ParseConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            // The message of the parser, not the string itself: it may hold a password.
            throw new ArgumentException($"The PostgreSQL connection string is malformed: {ex.Message}", nameof(connectionString), ex);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ChainCheckpoint>> AppendAsync(
        IReadOnlyList<EvidenceRecord> records,
        AppendDurability durability,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        if (IsReadOnly)
        {
            throw new InvalidOperationException($"The evidence store at {Where} was opened read-only; open it with PostgreSqlEvidence.OpenAsync to append.");
        }

        var batch = EncodedBatch.From(records);
        if (batch.Count == 0)
        {
            return [];
        }

        var pending = new PendingAppend(batch, durability);
        _queue.Enqueue(pending);
        try
        {
            await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!pending.TryCancel())
        {
            // Another caller's group commit already took it: its outcome stands, cancelled or not.
            return await pending.Result.ConfigureAwait(false);
        }

        try
        {
            // While this caller waited, the holder of the gate may have committed its append with its own group.
            while (!pending.IsDone)
            {
                if (Volatile.Read(ref _disposed) == 1 && pending.TryCancel())
                {
                    ThrowIfDisposed();
                }

                await WriteQueuedAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _writeGate.Release();
        }

        return await pending.Result.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<StoredEvidence> ReadAsync(EvidenceWindow window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        return StreamAsync(
            "SELECT sequence, payload, hash FROM policyaudit.evidence WHERE at >= @from AND at < @to ORDER BY sequence;",
            command => BindWindow(command, window),
            cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<StoredEvidence> ReadCustomerAsync(string customer, EvidenceWindow window, CancellationToken cancellationToken = default)
    {
        EvidenceQueryArguments.CheckCustomer(customer, window);
        if (!_hasQueryColumns)
        {
            return EvidenceScan.CustomerAsync(() => ScanAsync(cancellationToken), Decode, customer, window, cancellationToken);
        }

        // The customer's rows by (customer, at); their outcomes by decision_id, since an outcome names no customer.
        return StreamAsync(
            """
            WITH mine AS (SELECT sequence, decision_id FROM policyaudit.evidence WHERE customer = @customer AND at >= @from AND at < @to)
            SELECT sequence, payload, hash FROM policyaudit.evidence
            WHERE sequence IN (
                SELECT sequence FROM mine
                UNION
                SELECT o.sequence FROM mine m JOIN policyaudit.evidence o ON o.decision_id = m.decision_id
                WHERE o.kind = 'outcome' AND o.at >= @from AND o.at < @to)
            ORDER BY sequence;
            """,
            command =>
            {
                command.Parameters.AddWithValue("customer", customer);
                BindWindow(command, window);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<StoredEvidence> ReadForDecisionsAsync(IReadOnlyCollection<string> decisionIds, CancellationToken cancellationToken = default)
    {
        var ids = EvidenceQueryArguments.DecisionIds(decisionIds);
        if (!_hasQueryColumns)
        {
            return EvidenceScan.ForDecisionsAsync(ScanAsync(cancellationToken), Decode, ids, cancellationToken);
        }

        return StreamAsync(
            "SELECT sequence, payload, hash FROM policyaudit.evidence WHERE decision_id = ANY(@ids) ORDER BY sequence;",
            command => command.Parameters.AddWithValue("ids", NpgsqlDbType.Array | NpgsqlDbType.Text, ids),
            cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<StoredEvidence> ReadKindsAsync(IReadOnlyCollection<EvidenceKind> kinds, EvidenceWindow window, CancellationToken cancellationToken = default)
    {
        var names = EvidenceQueryArguments.Kinds(kinds, window);
        if (!_hasQueryColumns)
        {
            return EvidenceScan.KindsAsync(ScanAsync(cancellationToken), Decode, names, window, cancellationToken);
        }

        return StreamAsync(
            "SELECT sequence, payload, hash FROM policyaudit.evidence WHERE kind = ANY(@kinds) AND at >= @from AND at < @to ORDER BY sequence;",
            command =>
            {
                command.Parameters.AddWithValue("kinds", NpgsqlDbType.Array | NpgsqlDbType.Text, names);
                BindWindow(command, window);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> FindExistingAsync(EvidenceKind kind, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ThrowIfDisposed();
        var wanted = ids.Select(id => id ?? throw new ArgumentException("An id is null.", nameof(ids))).Distinct(StringComparer.Ordinal).ToArray();
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (wanted.Length == 0)
        {
            return found;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT id FROM policyaudit.evidence WHERE kind = @kind AND id = ANY(@ids);", connection);
        command.Parameters.AddWithValue("kind", WireNames.Of(kind));
        command.Parameters.AddWithValue("ids", NpgsqlDbType.Array | NpgsqlDbType.Text, wanted);
        await using var reader = await Guard(() => command.ExecuteReaderAsync(cancellationToken)).ConfigureAwait(false);
        while (await Guard(() => reader.ReadAsync(cancellationToken)).ConfigureAwait(false))
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }

    /// <inheritdoc />
    public async Task<ChainCheckpoint?> GetHeadAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await Guard(() => ReadHeadAsync(connection, cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<ChainVerification> VerifyAsync(ChainCheckpoint? checkpoint = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return EvidenceChainVerifier.VerifyAsync(ReadRawAsync(cancellationToken), checkpoint, IsDamage, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // Let an append that is already writing finish, so disposal never cuts a commit short.
        await _writeGate.WaitAsync().ConfigureAwait(false);
        _writeGate.Release();
        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Disposes synchronously (for containers that dispose synchronously); same as <see cref="DisposeAsync"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _writeGate.Wait();
        _writeGate.Release();
        _dataSource.Dispose();
    }

    /// <summary>Takes queued appends (up to a bound) and commits them in one transaction; the gate is held.</summary>
    private async Task WriteQueuedAsync()
    {
        var group = new List<PendingAppend>();
        var records = 0;
        while (_queue.TryPeek(out var next) && (group.Count == 0 || records + next.Batch.Count <= MaxGroupRecords))
        {
            _queue.TryDequeue(out _);
            if (next.TryTake())
            {
                group.Add(next);
                records += next.Batch.Count;
            }
        }

        for (var attempt = 1; group.Count > 0; attempt++)
        {
            var commitSent = false;
            try
            {
                await WriteGroupAsync(group, () => commitSent = true).ConfigureAwait(false);
                return;
            }
            catch (NpgsqlException ex) when (IsConnectionFailure(ex))
            {
                // Pooled connections may all be dead (the server restarted): drop them, so the next attempt, and
                // every later operation, dials afresh instead of failing once per stale connection.
                _dataSource.Clear();
                if (commitSent || attempt == 2)
                {
                    FailAll(group, ex);
                    return;
                }

                // Nothing was committed (the commit was never sent), so one retry on a fresh connection is safe.
            }
            catch (Exception ex)
            {
                FailAll(group, ex);
                return;
            }
        }
    }

    private static void FailAll(List<PendingAppend> group, Exception exception)
    {
        foreach (var pending in group)
        {
            pending.Fail(exception);
        }
    }

    private async Task WriteGroupAsync(List<PendingAppend> group, Action commitSending)
    {
        // Appends that repeat a record of an earlier append in the group fail as they would one after the other.
        var keys = new HashSet<(string, string)>();
        var accepted = new List<PendingAppend>(group.Count);
        foreach (var pending in group.Where(p => !p.IsDone))
        {
            var batch = pending.Batch;
            var repeat = Enumerable.Range(0, batch.Count).FirstOrDefault(i => keys.Contains((batch.Kinds[i], batch.Ids[i])), -1);
            if (repeat >= 0)
            {
                pending.Fail(new DuplicateEvidenceException(batch.Records[repeat].Kind, batch.Ids[repeat]));
                continue;
            }

            for (var i = 0; i < batch.Count; i++)
            {
                keys.Add((batch.Kinds[i], batch.Ids[i]));
            }

            accepted.Add(pending);
        }

        if (accepted.Count == 0)
        {
            return;
        }

        // Once the transaction has begun, cancellation is not honoured: the appends either complete or fail on
        // their own, so a caller never sees "cancelled" for records that in fact landed.
        var none = CancellationToken.None;
        await using var connection = await _dataSource.OpenConnectionAsync(none).ConfigureAwait(false);

        // READ COMMITTED: every statement sees the latest commit, so the head read after the lock is the real head.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, none).ConfigureAwait(false);
        ChainCheckpoint? head;
        var duplicates = new List<long>();
        await using (var prepare = new NpgsqlBatch(connection, transaction))
        {
            prepare.BatchCommands.Add(new NpgsqlBatchCommand(accepted.Any(p => p.Durability == AppendDurability.Durable)
                ? "SET LOCAL synchronous_commit = on"
                : "SET LOCAL synchronous_commit = off"));
            prepare.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT pg_advisory_xact_lock({PostgreSqlSchema.ChainLock})"));
            prepare.BatchCommands.Add(new NpgsqlBatchCommand("SELECT sequence, hash FROM policyaudit.evidence ORDER BY sequence DESC LIMIT 1"));
            var find = new NpgsqlBatchCommand(
                """
                SELECT k.ordinality FROM unnest(@kinds::text[], @ids::text[]) WITH ORDINALITY AS k(kind, id, ordinality)
                JOIN policyaudit.evidence e ON e.kind = k.kind AND e.id = k.id
                ORDER BY k.ordinality
                """);
            find.Parameters.AddWithValue("kinds", accepted.SelectMany(p => p.Batch.Kinds).ToArray());
            find.Parameters.AddWithValue("ids", accepted.SelectMany(p => p.Batch.Ids).ToArray());
            prepare.BatchCommands.Add(find);

            // SET produces no result set; the reader starts at the lock's (one row), then the head, then repeats.
            await using var reader = await prepare.ExecuteReaderAsync(none).ConfigureAwait(false);
            await reader.NextResultAsync(none).ConfigureAwait(false);
            head = await reader.ReadAsync(none).ConfigureAwait(false) ? new ChainCheckpoint(reader.GetInt64(0), reader.GetString(1)) : null;
            await reader.NextResultAsync(none).ConfigureAwait(false);
            while (await reader.ReadAsync(none).ConfigureAwait(false))
            {
                duplicates.Add(reader.GetInt64(0) - 1);
            }
        }

        var writing = new List<PendingAppend>(accepted.Count);
        var offset = 0;
        foreach (var pending in accepted)
        {
            var start = offset;
            offset += pending.Batch.Count;
            var stored = duplicates.FirstOrDefault(d => d >= start && d < offset, -1);
            if (stored >= 0)
            {
                var record = pending.Batch.Records[stored - start];
                pending.Fail(new DuplicateEvidenceException(record.Kind, record.Id));
            }
            else
            {
                writing.Add(pending);
            }
        }

        if (writing.Count == 0)
        {
            return;
        }

        var links = new List<ChainCheckpoint[]>(writing.Count);
        var tip = head;
        foreach (var pending in writing)
        {
            links.Add(pending.Batch.Chain(tip));
            tip = links[^1][^1];
        }

        var all = links.SelectMany(l => l).ToArray();
        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO policyaudit.evidence (sequence, kind, id, at, payload, prev_hash, hash, customer, decision_id)
            SELECT * FROM unnest(@sequences::bigint[], @kinds::text[], @ids::text[], @ats::bigint[], @payloads::text[], @prevs::text[], @hashes::text[],
                                 @customers::text[], @decisions::text[])
            """,
            connection,
            transaction))
        {
            insert.Parameters.AddWithValue("sequences", all.Select(l => l.Sequence).ToArray());
            insert.Parameters.AddWithValue("kinds", writing.SelectMany(p => p.Batch.Kinds).ToArray());
            insert.Parameters.AddWithValue("ids", writing.SelectMany(p => p.Batch.Ids).ToArray());
            insert.Parameters.AddWithValue("ats", writing.SelectMany(p => p.Batch.Ats).ToArray());
            insert.Parameters.AddWithValue("payloads", writing.SelectMany(p => p.Batch.Payloads).ToArray());
            insert.Parameters.AddWithValue("prevs", all.Select((_, i) => i == 0 ? head?.Hash ?? EvidenceChain.GenesisHash : all[i - 1].Hash).ToArray());
            insert.Parameters.AddWithValue("hashes", all.Select(l => l.Hash).ToArray());
            insert.Parameters.AddWithValue("customers", NpgsqlDbType.Array | NpgsqlDbType.Text, writing.SelectMany(p => p.Batch.Customers).ToArray());
            insert.Parameters.AddWithValue("decisions", NpgsqlDbType.Array | NpgsqlDbType.Text, writing.SelectMany(p => p.Batch.DecisionIds).ToArray());
            await insert.ExecuteNonQueryAsync(none).ConfigureAwait(false);
        }

        commitSending();
        await transaction.CommitAsync(none).ConfigureAwait(false);
        for (var i = 0; i < writing.Count; i++)
        {
            writing[i].Complete(links[i]);
        }
    }

    private static async Task<ChainCheckpoint?> ReadHeadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT sequence, hash FROM policyaudit.evidence ORDER BY sequence DESC LIMIT 1;", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? new ChainCheckpoint(reader.GetInt64(0), reader.GetString(1)) : null;
    }

    /// <summary>Every row of a database not migrated, with the query columns its index would hold derived from the payload.</summary>
    private async IAsyncEnumerable<RawEvidence> ScanAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in ReadRawAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return row with { Query = EvidenceQueryColumns.Of(Decode(row)) };
        }
    }

    private async IAsyncEnumerable<RawEvidence> ReadRawAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            $"SELECT {(_hasQueryColumns ? RawEvidence.Columns : RawEvidence.ChainColumns)} FROM policyaudit.evidence ORDER BY sequence;", connection);
        await using var reader = await Guard(() => command.ExecuteReaderAsync(cancellationToken)).ConfigureAwait(false);
        while (await Guard(() => reader.ReadAsync(cancellationToken)).ConfigureAwait(false))
        {
            yield return RawEvidence.Read(reader);
        }
    }

    private static void BindWindow(NpgsqlCommand command, EvidenceWindow window)
    {
        command.Parameters.AddWithValue("from", window.From?.UtcTicks ?? long.MinValue);
        command.Parameters.AddWithValue("to", window.To?.UtcTicks ?? long.MaxValue);
    }

    private async IAsyncEnumerable<StoredEvidence> StreamAsync(
        string sql,
        Action<NpgsqlCommand> bind,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        bind(command);
        await using var reader = await Guard(() => command.ExecuteReaderAsync(cancellationToken)).ConfigureAwait(false);
        while (await Guard(() => reader.ReadAsync(cancellationToken)).ConfigureAwait(false))
        {
            var sequence = reader.GetInt64(0);
            yield return new StoredEvidence(sequence, Decode(sequence, reader.GetString(1)), reader.GetString(2));
        }
    }

    private EvidenceRecord Decode(long sequence, string payload) => EvidenceCodec.DecodeStored(sequence, payload, "at " + Where);

    private EvidenceRecord Decode(RawEvidence row) => Decode(row.Sequence, row.Payload);

    private Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) =>
        Guard(() => _dataSource.OpenConnectionAsync(cancellationToken).AsTask());

    /// <summary>Runs a database call; when the connection failed, drops the pool's idle (likely dead) connections.</summary>
    private async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (NpgsqlException ex) when (IsConnectionFailure(ex))
        {
            _dataSource.Clear();
            throw;
        }
    }

    // Class 42 is a missing (dropped, renamed) table or column, XX001/XX002 corrupt data: damage to the evidence. A
    // lost connection or a server shutting down is not, and is rethrown as the failure it is.
    private static bool IsDamage(Exception ex) =>
        ex is InvalidCastException
        || (ex is PostgresException postgres && (postgres.SqlState.StartsWith("42", StringComparison.Ordinal) || postgres.SqlState is "XX001" or "XX002"));

    private static bool IsConnectionFailure(NpgsqlException exception) => exception is not PostgresException postgres
        || postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
        || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow;

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
}
