using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace PolicyAudit;

/// <summary>
/// The evidence chain in one SQLite file. Thread-safe: each operation uses its own pooled connection; appends in
/// this process queue on a writer gate, and appends from other processes are serialised by SQLite's write lock,
/// taken before the chain head is read.
/// </summary>
internal sealed class SqliteEvidenceStore : IEvidenceStore, IDisposable
{
    private const int SqliteError = 1;
    private const int SqliteCorrupt = 11;
    private const int SqliteCantOpen = 14;
    private const int SqliteConstraint = 19;
    private const int SqliteMismatch = 20;
    private const int SqliteNotADatabase = 26;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintTrigger = 1811;
    private const int BusyTimeoutMilliseconds = 30_000;

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private int _disposed;

    // False on a file older than the query columns, opened read-only (so not migrated): queries then scan.
    private bool _hasQueryColumns;

    private SqliteEvidenceStore(string path, string connectionString, bool readOnly)
    {
        Path = path;
        _connectionString = connectionString;
        IsReadOnly = readOnly;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>True when the store was opened for reading only: it never writes a byte of the file.</summary>
    public bool IsReadOnly { get; }

    /// <summary>
    /// Opens the store in <paramref name="path"/>. A writer creates the store only in a file that does not exist or
    /// is empty, and checks any other file through a read-only connection before opening it for writing, so another
    /// application's database is never touched. A reader (<paramref name="readOnly"/>) never migrates, never changes
    /// the journal mode and never writes, so read-only media, files without write permission and archived copies can
    /// be read and stay byte-identical.
    /// </summary>
    public static SqliteEvidenceStore Open(string path, bool readOnly = false)
    {
        var file = new FileInfo(path);
        if (readOnly && !file.Exists)
        {
            throw new FileNotFoundException($"The evidence store '{path}' does not exist.", path);
        }

        if (readOnly && file.Length == 0)
        {
            throw new InvalidDataException($"'{path}' is empty: it holds no PolicyAudit evidence store yet (import evidence into it first).");
        }

        if (!readOnly && file.Exists && file.Length > 0)
        {
            Probe(path);
        }

        try
        {
            return OpenAs(path, path, readOnly);
        }
        catch (IOException ex) when (readOnly && ex.InnerException is SqliteException { SqliteErrorCode: SqliteCantOpen })
        {
            // A store in WAL mode on a read-only file system: SQLite cannot create the shared-memory index a WAL
            // reader needs. Opened as immutable it reads the main file without one; a non-empty log beside it would
            // hold records that way of reading cannot see, so that case is refused instead of read short.
            var log = new FileInfo(path + "-wal");
            if (log.Exists && log.Length > 0)
            {
                throw new IOException($"The evidence store '{path}' has a write-ahead log ('{log.Name}') that cannot be read where nothing may be written; copy the store with its -wal file to writable storage and read the copy.", ex);
            }

            return OpenAs(path, new Uri(path).AbsoluteUri + "?immutable=1", readOnly);
        }
    }

    private static SqliteEvidenceStore OpenAs(string path, string dataSource, bool readOnly)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = dataSource,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString();
        var store = new SqliteEvidenceStore(path, connectionString, readOnly);
        try
        {
            using var connection = store.OpenConnection(AppendDurability.Durable);
            var version = readOnly
                ? SqliteSchema.CheckExisting(connection, path, forWriting: false)
                : SqliteSchema.Prepare(connection, path);
            store._hasQueryColumns = version >= SqliteSchema.QueryColumnsVersion;
            return store;
        }
        catch (SqliteException ex)
        {
            store.Dispose();
            throw new IOException($"Cannot open the evidence store '{path}': {ex.Message}", ex);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Checks an existing file is a store through its own read-only, unpooled connection.</summary>
    private static void Probe(string path)
    {
        var probe = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString();
        try
        {
            using var connection = new SqliteConnection(probe);
            connection.Open();
            SqliteSchema.CheckExisting(connection, path, forWriting: true);
        }
        catch (SqliteException ex)
        {
            throw new IOException($"Cannot open the evidence store '{path}': {ex.Message}", ex);
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
        var rows = Encode(records);
        if (rows.Length == 0)
        {
            return [];
        }

        if (IsReadOnly)
        {
            throw new InvalidOperationException($"The evidence store '{Path}' was opened read-only; open it with SqliteEvidence.OpenAsync to append.");
        }

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            return Write(rows, durability);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<StoredEvidence> ReadAsync(EvidenceWindow window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        return StreamAsync(
            "SELECT sequence, payload, hash FROM evidence WHERE at >= $from AND at < $to ORDER BY sequence;",
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
        // The unary + keeps SQLite off the (kind, at) index for the outcomes, which would read every outcome of the
        // window: they must be found by decision_id, a few per decision.
        return StreamAsync(
            """
            WITH mine AS (SELECT sequence, decision_id FROM evidence WHERE customer = $customer AND at >= $from AND at < $to)
            SELECT sequence, payload, hash FROM evidence
            WHERE sequence IN (
                SELECT sequence FROM mine
                UNION
                SELECT o.sequence FROM mine m JOIN evidence o ON o.decision_id = m.decision_id
                WHERE +o.kind = 'outcome' AND +o.at >= $from AND +o.at < $to)
            ORDER BY sequence;
            """,
            command =>
            {
                command.Parameters.AddWithValue("$customer", customer);
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

        // One statement for any number of ids (a JSON array), so the rows come back in chain order.
        return StreamAsync(
            "SELECT sequence, payload, hash FROM evidence WHERE decision_id IN (SELECT value FROM json_each($ids)) ORDER BY sequence;",
            command => command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(ids)),
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
            "SELECT sequence, payload, hash FROM evidence WHERE kind IN (SELECT value FROM json_each($kinds)) AND at >= $from AND at < $to ORDER BY sequence;",
            command =>
            {
                command.Parameters.AddWithValue("$kinds", JsonSerializer.Serialize(names));
                BindWindow(command, window);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlySet<string>> FindExistingAsync(EvidenceKind kind, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return Task.FromResult<IReadOnlySet<string>>(found);
        }

        using var connection = OpenConnection(AppendDurability.Durable);
        using var transaction = connection.BeginTransaction(deferred: true);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM evidence WHERE kind = $kind AND id = $id;";
        command.Parameters.AddWithValue("$kind", WireNames.Of(kind));
        var id = command.Parameters.Add("$id", SqliteType.Text);
        foreach (var candidate in ids.Distinct(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            id.Value = candidate ?? throw new ArgumentException("An id is null.", nameof(ids));
            if (command.ExecuteScalar() is not null)
            {
                found.Add(candidate);
            }
        }

        return Task.FromResult<IReadOnlySet<string>>(found);
    }

    /// <inheritdoc />
    public Task<ChainCheckpoint?> GetHeadAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenConnection(AppendDurability.Durable);
        return Task.FromResult(ReadHead(connection));
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
        ReleaseFile();
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
        ReleaseFile();
    }

    private static (EvidenceRecord Record, string Kind, long At, string Payload)[] Encode(IReadOnlyList<EvidenceRecord> records)
    {
        var rows = new (EvidenceRecord, string, long, string)[records.Count];
        var keys = new HashSet<(EvidenceKind, string)>();
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i] ?? throw new ArgumentException($"Record {i} of the batch is null.", nameof(records));
            var payload = EvidenceCodec.Encode(record);
            if (!keys.Add((record.Kind, record.Id)))
            {
                throw new DuplicateEvidenceException(record.Kind, record.Id);
            }

            rows[i] = (record, WireNames.Of(record.Kind), record.At.UtcTicks, payload);
        }

        return rows;
    }

    private ChainCheckpoint[] Write((EvidenceRecord Record, string Kind, long At, string Payload)[] rows, AppendDurability durability)
    {
        using var connection = OpenConnection(durability);

        // IMMEDIATE: the write lock is held before the head is read, so another process cannot extend the chain
        // between our read of the head and our insert.
        using var transaction = connection.BeginTransaction(deferred: false);
        var head = ReadHead(connection);
        var previousHash = head?.Hash ?? EvidenceChain.GenesisHash;
        var sequence = head?.Sequence ?? 0;

        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO evidence (sequence, kind, id, at, payload, prev_hash, hash, customer, decision_id) VALUES ($sequence, $kind, $id, $at, $payload, $prev, $hash, $customer, $decision);";
        var pSequence = insert.Parameters.Add("$sequence", SqliteType.Integer);
        var pKind = insert.Parameters.Add("$kind", SqliteType.Text);
        var pId = insert.Parameters.Add("$id", SqliteType.Text);
        var pAt = insert.Parameters.Add("$at", SqliteType.Integer);
        var pPayload = insert.Parameters.Add("$payload", SqliteType.Text);
        var pPrevious = insert.Parameters.Add("$prev", SqliteType.Text);
        var pHash = insert.Parameters.Add("$hash", SqliteType.Text);
        var pCustomer = insert.Parameters.Add("$customer", SqliteType.Text);
        var pDecision = insert.Parameters.Add("$decision", SqliteType.Text);
        insert.Prepare();

        var links = new ChainCheckpoint[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var (record, kind, at, payload) = rows[i];
            sequence++;
            var hash = EvidenceChain.ComputeHash(previousHash, sequence, payload);
            pSequence.Value = sequence;
            pKind.Value = kind;
            pId.Value = record.Id;
            pAt.Value = at;
            pPayload.Value = payload;
            pPrevious.Value = previousHash;
            pHash.Value = hash;

            // In the same statement as the payload they are derived from, so the index never lags the chain.
            var query = EvidenceQueryColumns.Of(record);
            pCustomer.Value = (object?)query.Customer ?? DBNull.Value;
            pDecision.Value = (object?)query.DecisionId ?? DBNull.Value;
            try
            {
                insert.ExecuteNonQuery();
            }
            catch (SqliteException ex) when (IsDuplicate(ex))
            {
                // Disposing the transaction rolls back the rows already inserted: a batch lands whole or not at all.
                throw new DuplicateEvidenceException(record.Kind, record.Id);
            }

            links[i] = new ChainCheckpoint(sequence, hash);
            previousHash = hash;
        }

        transaction.Commit();
        return links;
    }

    // A stored (kind, id) is refused by the no-replace trigger (schema 2) before the UNIQUE constraint sees it.
    private static bool IsDuplicate(SqliteException ex) =>
        ex.SqliteErrorCode == SqliteConstraint
        && (ex.SqliteExtendedErrorCode == SqliteConstraintUnique
            || (ex.SqliteExtendedErrorCode == SqliteConstraintTrigger && ex.Message.Contains(SqliteSchema.DuplicateMessage, StringComparison.Ordinal)));

    // SQLITE_ERROR is what a dropped table or column gives; CORRUPT, NOTADB and MISMATCH a damaged file. BUSY and
    // IOERR say the file cannot be read now, not that its evidence is bad, so they are not damage.
    private static bool IsDamage(Exception ex) =>
        ex is InvalidCastException || (ex is SqliteException { SqliteErrorCode: SqliteError or SqliteCorrupt or SqliteMismatch or SqliteNotADatabase });

    private static ChainCheckpoint? ReadHead(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sequence, hash FROM evidence ORDER BY sequence DESC LIMIT 1;";
        using var reader = command.ExecuteReader();
        return reader.Read() ? new ChainCheckpoint(reader.GetInt64(0), reader.GetString(1)) : null;
    }

    private static void BindWindow(SqliteCommand command, EvidenceWindow window)
    {
        command.Parameters.AddWithValue("$from", window.From?.UtcTicks ?? long.MinValue);
        command.Parameters.AddWithValue("$to", window.To?.UtcTicks ?? long.MaxValue);
    }

    private async IAsyncEnumerable<StoredEvidence> StreamAsync(
        string sql,
        Action<SqliteCommand> bind,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        using var connection = OpenConnection(AppendDurability.Durable);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var sequence = reader.GetInt64(0);
            yield return new StoredEvidence(sequence, Decode(sequence, reader.GetString(1)), reader.GetString(2));
        }
    }

    /// <summary>Every row of a file not migrated, with the query columns its index would hold derived from the payload.</summary>
    private async IAsyncEnumerable<RawEvidence> ScanAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in ReadRawAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return row with { Query = EvidenceQueryColumns.Of(Decode(row)) };
        }
    }

    /// <summary>Every row in chain order, as stored (without query columns on a file not migrated).</summary>
    private async IAsyncEnumerable<RawEvidence> ReadRawAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        using var connection = OpenConnection(AppendDurability.Durable);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {(_hasQueryColumns ? RawEvidence.Columns : RawEvidence.ChainColumns)} FROM evidence ORDER BY sequence;";
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return RawEvidence.Read(reader);
        }
    }

    private EvidenceRecord Decode(long sequence, string payload) => EvidenceCodec.DecodeStored(sequence, payload, "'" + Path + "'");

    private EvidenceRecord Decode(RawEvidence row) => Decode(row.Sequence, row.Payload);

    private SqliteConnection OpenConnection(AppendDurability durability)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();

            // Per connection, and each operation has a connection of its own: a batched append's NORMAL never
            // weakens a concurrent durable append. FULL syncs the WAL on every commit.
            command.CommandText = durability == AppendDurability.Durable
                ? $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = FULL;"
                : $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL;";
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void ReleaseFile()
    {
        // Pooled connections keep the file open; clearing the pool closes the idle ones now and the busy ones when
        // their readers finish, so the file can be moved or deleted after disposal.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
}
