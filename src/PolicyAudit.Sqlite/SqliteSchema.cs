using System.Globalization;
using Microsoft.Data.Sqlite;

namespace PolicyAudit;

/// <summary>
/// The evidence file's schema, its version and its migrations. The file is marked as PolicyAudit's with SQLite's
/// <c>application_id</c> header field and versioned with <c>user_version</c>, both written in the same transaction
/// as the schema change they describe.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>"PAUD": marks a SQLite file as a PolicyAudit evidence store.</summary>
    public const int ApplicationId = 0x50415544;

    public const int CurrentVersion = 3;

    /// <summary>The first schema version with the query columns; a read-only open of an older file scans instead.</summary>
    public const int QueryColumnsVersion = 3;

    /// <summary>The oldest schema version a read-only open can read as it is (it cannot migrate).</summary>
    public const int OldestReadableVersion = 1;

    private const int SqliteNotADatabase = 26;
    private const int SqliteCorrupt = 11;

    private const string NoUpdateTrigger = """
        CREATE TRIGGER evidence_no_update BEFORE UPDATE ON evidence
        BEGIN
            SELECT RAISE(ABORT, 'PolicyAudit evidence is append-only: records cannot be updated');
        END;
        """;

    /// <summary>Migrations[n] takes a file from version n to n + 1, inside the migration's transaction.</summary>
    private static readonly Action<SqliteConnection, string>[] Migrations =
    [
        (connection, _) => Execute(connection, $"""
            CREATE TABLE evidence (
                sequence  INTEGER PRIMARY KEY NOT NULL CHECK (sequence >= 1),
                kind      TEXT NOT NULL,
                id        TEXT NOT NULL,
                at        INTEGER NOT NULL,
                payload   TEXT NOT NULL,
                prev_hash TEXT NOT NULL,
                hash      TEXT NOT NULL,
                UNIQUE (kind, id)
            );
            CREATE INDEX evidence_at ON evidence (at);
            {NoUpdateTrigger}
            CREATE TRIGGER evidence_no_delete BEFORE DELETE ON evidence
            BEGIN
                SELECT RAISE(ABORT, 'PolicyAudit evidence is append-only: records cannot be deleted');
            END;
            CREATE TRIGGER evidence_extends_chain BEFORE INSERT ON evidence
            WHEN NEW.sequence <> COALESCE((SELECT MAX(sequence) FROM evidence), 0) + 1
              OR NEW.prev_hash <> COALESCE((SELECT hash FROM evidence ORDER BY sequence DESC LIMIT 1), '{new string('0', 64)}')
            BEGIN
                SELECT RAISE(ABORT, 'PolicyAudit evidence is a chain: a record must follow the newest one');
            END;
            """),
        // INSERT OR REPLACE resolves a UNIQUE (kind, id) conflict by deleting the stored row, and SQLite fires no
        // delete trigger for that unless recursive_triggers is on in the writer's connection, which an attacker's
        // is not. A BEFORE INSERT trigger runs before conflict resolution, so it refuses the insert first.
        (connection, _) => Execute(connection, $"""
            CREATE TRIGGER {NoReplaceTrigger} BEFORE INSERT ON evidence
            WHEN EXISTS (SELECT 1 FROM evidence WHERE kind = NEW.kind AND id = NEW.id)
            BEGIN
                SELECT RAISE(ABORT, '{DuplicateMessage}');
            END;
            """),
        AddQueryColumns,
    ];

    /// <summary>The trigger that refuses a record whose (kind, id) is stored, REPLACE or not.</summary>
    public const string NoReplaceTrigger = "evidence_no_replace";

    /// <summary>What <see cref="NoReplaceTrigger"/> says; the store maps it to <see cref="DuplicateEvidenceException"/>.</summary>
    public const string DuplicateMessage = "PolicyAudit evidence is append-only: a record with this kind and id is already stored";

    /// <summary>Schema 2 to 3: the query columns, back-filled from the payloads of a chain that verifies, and their indexes.</summary>
    private static void AddQueryColumns(SqliteConnection connection, string path)
    {
        // Back-filling a tampered chain would give its forged rows index entries derived from forged payloads and
        // bury the damage under a migration: refuse, and change nothing.
        var verification = EvidenceChainVerifier.VerifyAsync(AsyncSequence.From(ReadChain(connection)), null, static _ => false, CancellationToken.None)
            .GetAwaiter().GetResult(); // Completes synchronously: the rows are read synchronously.
        if (!verification.IsValid)
        {
            throw new InvalidDataException(
                $"The evidence store '{path}' has schema version {QueryColumnsVersion - 1} and does not verify ({verification}), so it was not migrated to schema version {QueryColumnsVersion}; nothing was changed. Run 'policyaudit verify --store {path}' for the details.");
        }

        Execute(connection, """
            ALTER TABLE evidence ADD COLUMN customer TEXT;
            ALTER TABLE evidence ADD COLUMN decision_id TEXT;
            DROP TRIGGER evidence_no_update;
            """);
        using (var select = connection.CreateCommand())
        using (var update = connection.CreateCommand())
        {
            select.CommandText = "SELECT sequence, payload FROM evidence WHERE sequence > $after ORDER BY sequence LIMIT 10000;";
            var after = select.Parameters.Add("$after", SqliteType.Integer);
            update.CommandText = "UPDATE evidence SET customer = $customer, decision_id = $decision WHERE sequence = $sequence;";
            var customer = update.Parameters.Add("$customer", SqliteType.Text);
            var decision = update.Parameters.Add("$decision", SqliteType.Text);
            var sequence = update.Parameters.Add("$sequence", SqliteType.Integer);

            // Pages, so the reader is closed before its rows are updated.
            for (long last = 0; ; )
            {
                after.Value = last;
                var page = new List<(long Sequence, string Payload)>();
                using (var reader = select.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        page.Add((reader.GetInt64(0), reader.GetString(1)));
                    }
                }

                if (page.Count == 0)
                {
                    break;
                }

                foreach (var (rowSequence, payload) in page)
                {
                    var columns = EvidenceQueryColumns.Of(EvidenceCodec.DecodeStored(rowSequence, payload, "'" + path + "'"));
                    customer.Value = (object?)columns.Customer ?? DBNull.Value;
                    decision.Value = (object?)columns.DecisionId ?? DBNull.Value;
                    sequence.Value = rowSequence;
                    update.ExecuteNonQuery();
                }

                last = page[^1].Sequence;
            }
        }

        Execute(connection, $"""
            {NoUpdateTrigger}
            CREATE INDEX evidence_customer ON evidence (customer, at);
            CREATE INDEX evidence_decision ON evidence (decision_id);
            CREATE INDEX evidence_kind_at ON evidence (kind, at);
            CREATE TRIGGER evidence_has_query_columns BEFORE INSERT ON evidence
            WHEN NEW.decision_id IS NULL AND NEW.kind IN ('decision', 'override', 'refused-override', 'outcome')
            BEGIN
                SELECT RAISE(ABORT, 'PolicyAudit evidence needs its query columns: this store was migrated by a newer PolicyAudit, upgrade this writer');
            END;
            """);
    }

    private static IEnumerable<RawEvidence> ReadChain(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {RawEvidence.ChainColumns} FROM evidence ORDER BY sequence;";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return RawEvidence.Read(reader);
        }
    }

    /// <summary>
    /// Checks, through a read-only connection, that an existing non-empty file is a PolicyAudit store this version
    /// can open, before anything opens it for writing: a read-write open of another application's database (or of an
    /// empty one that only has <c>user_version</c> set) could change its bytes, by switching its journal mode or
    /// checkpointing its write-ahead log on close.
    /// </summary>
    /// <param name="connection">An open read-only connection to the file.</param>
    /// <param name="path">The file, for messages.</param>
    /// <param name="forWriting">True when the caller will migrate (any older version will do); false for a read-only open.</param>
    /// <returns>The file's schema version.</returns>
    public static long CheckExisting(SqliteConnection connection, string path, bool forWriting)
    {
        try
        {
            var (applicationId, version, _) = ReadHeader(connection);
            if (applicationId != ApplicationId)
            {
                throw new InvalidDataException($"'{path}' is not a PolicyAudit evidence store: it is a SQLite database of another application (PolicyAudit creates a store only in a file that does not exist or is empty).");
            }

            CheckVersion(path, version);
            if (!forWriting && version < OldestReadableVersion)
            {
                throw new InvalidDataException($"The evidence store '{path}' has schema version {version}, which this version cannot read without migrating it; open it once for writing (policyaudit import, or the library).");
            }

            return version;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteNotADatabase or SqliteCorrupt)
        {
            throw NotADatabase(path, ex);
        }
    }

    /// <summary>
    /// Switches the open read-write <paramref name="connection"/> to WAL and brings its schema to
    /// <see cref="CurrentVersion"/>, creating it in a new (empty) file. Only writers call this.
    /// </summary>
    /// <returns>The schema version the file has now.</returns>
    public static long Prepare(SqliteConnection connection, string path)
    {
        try
        {
            var (applicationId, version, objects) = ReadHeader(connection);
            CheckIsStoreOrNew(path, applicationId, version, objects);

            // WAL lets readers stream while a writer appends, and makes a commit a single sequential write.
            var mode = Scalar(connection, "PRAGMA journal_mode = WAL;");
            if (!string.Equals(Convert.ToString(mode, CultureInfo.InvariantCulture), "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new IOException($"The evidence store '{path}' cannot use write-ahead logging (journal mode stayed '{mode}'); is it on a network or read-only file system?");
            }

            if (version < CurrentVersion || applicationId != ApplicationId)
            {
                Migrate(connection, path);
            }

            return CurrentVersion;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteNotADatabase or SqliteCorrupt)
        {
            throw NotADatabase(path, ex);
        }
    }

    private static InvalidDataException NotADatabase(string path, SqliteException ex) =>
        new($"'{path}' is not a PolicyAudit evidence store: it is not a SQLite database ({ex.Message}).", ex);

    private static void Migrate(SqliteConnection connection, string path)
    {
        // IMMEDIATE takes the write lock first, so two processes opening a new file cannot both create the schema:
        // the second one waits, then sees the version the first one wrote.
        using var transaction = connection.BeginTransaction(deferred: false);
        var (applicationId, version, objects) = ReadHeader(connection);
        CheckIsStoreOrNew(path, applicationId, version, objects);
        for (var step = version; step < CurrentVersion; step++)
        {
            Migrations[step](connection, path);
        }

        Execute(connection, $"PRAGMA application_id = {ApplicationId}; PRAGMA user_version = {CurrentVersion};");
        transaction.Commit();
    }

    private static void CheckIsStoreOrNew(string path, long applicationId, long version, long objects)
    {
        if (applicationId != ApplicationId)
        {
            // A new store is made only in a database with nothing in it at all; any header field already set means
            // another application's file, which must stay as it is.
            if (applicationId != 0 || objects > 0 || version != 0)
            {
                throw new InvalidDataException($"'{path}' is not a PolicyAudit evidence store: it is a SQLite database of another application.");
            }

            return;
        }

        CheckVersion(path, version);
    }

    private static void CheckVersion(string path, long version)
    {
        if (version > CurrentVersion)
        {
            throw new InvalidDataException($"The evidence store '{path}' has schema version {version}, written by a newer PolicyAudit; this version reads up to schema version {CurrentVersion}. Upgrade PolicyAudit to open it.");
        }

        if (version < 0)
        {
            throw new InvalidDataException($"The evidence store '{path}' has an invalid schema version {version}.");
        }
    }

    private static (long ApplicationId, long Version, long Objects) ReadHeader(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT application_id FROM pragma_application_id), (SELECT user_version FROM pragma_user_version), (SELECT COUNT(*) FROM sqlite_master);";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
