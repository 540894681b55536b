using System.Data;
using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;

namespace PolicyAudit;

/// <summary>
/// The evidence chain in a PostgreSQL table. Thread-safe: each operation borrows a pooled connection; appends in
/// this process queue on a writer gate, and appends of all processes are serialised by an advisory lock taken
/// before the head is read.
/// </summary>
internal sealed class PostgreSqlEvidenceStore : IEvidenceStore, IDisposable
{
    /// <summary>"PAUDEVID": the advisory lock key that serialises appends to the chain.</summary>
    private const long ChainLock = 0x50415544_45564944;

    private readonly NpgsqlDataSource _dataSource;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private int _disposed;

    private PostgreSqlEvidenceStore(NpgsqlDataSource dataSource, string where)
    {
        _dataSource = dataSource;
        Where = where;
    }

    /// <summary>Host, port and database, for messages (never the password).</summary>
    public string Where { get; }

    public static async Task<PostgreSqlEvidenceStore> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = ParseConnectionString(connectionString);
        var where = $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
        var store = new PostgreSqlEvidenceStore(NpgsqlDataSource.Create(builder), where);
        try
        {
            await PostgreSqlSchema.MigrateAsync(store._dataSource, where, cancellationToken).ConfigureAwait(false);
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
        var batch = EncodedBatch.From(records);
        if (batch.Count == 0)
        {
            return [];
        }

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            for (var attempt = 1; ; attempt++)
            {
                var commitSent = false;
                try
                {
                    return await WriteAsync(batch, durability, () => commitSent = true).ConfigureAwait(false);
                }
                catch (NpgsqlException ex) when (IsConnectionFailure(ex))
                {
                    // Pooled connections may all be dead (the server restarted): drop them, so the next attempt,
                    // and every later operation, dials afresh instead of failing once per stale connection.
                    _dataSource.Clear();
                    if (commitSent || attempt == 2)
                    {
                        throw;
                    }

                    // Nothing was committed (the commit was never sent), so one retry on a fresh connection is safe.
                }
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredEvidence> ReadAsync(
        EvidenceWindow window,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        ThrowIfDisposed();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT sequence, payload, hash FROM policyaudit.evidence WHERE at >= @from AND at < @to ORDER BY sequence;", connection);
        command.Parameters.AddWithValue("from", window.From?.UtcTicks ?? long.MinValue);
        command.Parameters.AddWithValue("to", window.To?.UtcTicks ?? long.MaxValue);
        await using var reader = await Guard(() => command.ExecuteReaderAsync(cancellationToken)).ConfigureAwait(false);
        while (await Guard(() => reader.ReadAsync(cancellationToken)).ConfigureAwait(false))
        {
            var sequence = reader.GetInt64(0);
            yield return new StoredEvidence(sequence, Decode(sequence, reader.GetString(1)), reader.GetString(2));
        }
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
        return EvidenceChainVerifier.VerifyAsync(ReadRawAsync(cancellationToken), checkpoint, cancellationToken);
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

    private async Task<ChainCheckpoint[]> WriteAsync(EncodedBatch batch, AppendDurability durability, Action commitSending)
    {
        // Once the transaction has begun, cancellation is not honoured: the append either completes or fails on
        // its own, so a caller never sees "cancelled" for records that in fact landed.
        var none = CancellationToken.None;
        await using var connection = await _dataSource.OpenConnectionAsync(none).ConfigureAwait(false);

        // READ COMMITTED: every statement sees the latest commit, so the head read after the lock is the real head.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, none).ConfigureAwait(false);
        ChainCheckpoint? head;
        await using (var prepare = new NpgsqlBatch(connection, transaction))
        {
            prepare.BatchCommands.Add(new NpgsqlBatchCommand(durability == AppendDurability.Durable
                ? "SET LOCAL synchronous_commit = on"
                : "SET LOCAL synchronous_commit = off"));
            prepare.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT pg_advisory_xact_lock({ChainLock})"));
            prepare.BatchCommands.Add(new NpgsqlBatchCommand("SELECT sequence, hash FROM policyaudit.evidence ORDER BY sequence DESC LIMIT 1"));
            var find = new NpgsqlBatchCommand(
                """
                SELECT k.ordinality FROM unnest(@kinds::text[], @ids::text[]) WITH ORDINALITY AS k(kind, id, ordinality)
                JOIN policyaudit.evidence e ON e.kind = k.kind AND e.id = k.id
                ORDER BY k.ordinality LIMIT 1
                """);
            find.Parameters.AddWithValue("kinds", batch.Kinds);
            find.Parameters.AddWithValue("ids", batch.Ids);
            prepare.BatchCommands.Add(find);
            // SET produces no result set; the reader starts at the lock's (one row), then the head, then repeats.
            await using var reader = await prepare.ExecuteReaderAsync(none).ConfigureAwait(false);
            await reader.NextResultAsync(none).ConfigureAwait(false);
            head = await reader.ReadAsync(none).ConfigureAwait(false) ? new ChainCheckpoint(reader.GetInt64(0), reader.GetString(1)) : null;
            await reader.NextResultAsync(none).ConfigureAwait(false);
            if (await reader.ReadAsync(none).ConfigureAwait(false))
            {
                var record = batch.Records[(int)reader.GetInt64(0) - 1];
                await reader.DisposeAsync().ConfigureAwait(false);
                throw new DuplicateEvidenceException(record.Kind, record.Id);
            }
        }

        var links = batch.Chain(head);
        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO policyaudit.evidence (sequence, kind, id, at, payload, prev_hash, hash)
            SELECT * FROM unnest(@sequences::bigint[], @kinds::text[], @ids::text[], @ats::bigint[], @payloads::text[], @prevs::text[], @hashes::text[])
            """,
            connection,
            transaction))
        {
            insert.Parameters.AddWithValue("sequences", links.Select(l => l.Sequence).ToArray());
            insert.Parameters.AddWithValue("kinds", batch.Kinds);
            insert.Parameters.AddWithValue("ids", batch.Ids);
            insert.Parameters.AddWithValue("ats", batch.Ats);
            insert.Parameters.AddWithValue("payloads", batch.Payloads);
            insert.Parameters.AddWithValue("prevs", links.Select((_, i) => i == 0 ? head?.Hash ?? EvidenceChain.GenesisHash : links[i - 1].Hash).ToArray());
            insert.Parameters.AddWithValue("hashes", links.Select(l => l.Hash).ToArray());
            try
            {
                await insert.ExecuteNonQueryAsync(none).ConfigureAwait(false);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == "evidence_kind_id")
            {
                // Only a writer that bypassed the chain lock can get here; name the record if we can.
                throw await DuplicateFromAsync(batch, ex).ConfigureAwait(false);
            }
        }

        commitSending();
        await transaction.CommitAsync(none).ConfigureAwait(false);
        return links;
    }

    private async Task<Exception> DuplicateFromAsync(EncodedBatch batch, PostgresException cause)
    {
        foreach (var group in batch.Records.GroupBy(r => r.Kind))
        {
            var existing = await FindExistingAsync(group.Key, group.Select(r => r.Id).ToArray()).ConfigureAwait(false);
            if (group.FirstOrDefault(r => existing.Contains(r.Id)) is { } record)
            {
                return new DuplicateEvidenceException(record.Kind, record.Id);
            }
        }

        return cause;
    }

    private static async Task<ChainCheckpoint?> ReadHeadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT sequence, hash FROM policyaudit.evidence ORDER BY sequence DESC LIMIT 1;", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? new ChainCheckpoint(reader.GetInt64(0), reader.GetString(1)) : null;
    }

    private async IAsyncEnumerable<RawEvidence> ReadRawAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT sequence, kind, id, at, payload, prev_hash, hash FROM policyaudit.evidence ORDER BY sequence;", connection);
        await using var reader = await Guard(() => command.ExecuteReaderAsync(cancellationToken)).ConfigureAwait(false);
        while (await Guard(() => reader.ReadAsync(cancellationToken)).ConfigureAwait(false))
        {
            yield return new RawEvidence(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6));
        }
    }

    private EvidenceRecord Decode(long sequence, string payload)
    {
        try
        {
            return EvidenceCodec.Decode(payload);
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"Record {sequence} of the evidence store at {Where} cannot be read ({ex.Message}); run verify to check the chain.", ex);
        }
    }

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

    private static bool IsConnectionFailure(NpgsqlException exception) => exception is not PostgresException postgres
        || postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
        || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow;

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
}
