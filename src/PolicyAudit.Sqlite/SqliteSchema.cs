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

    public const int CurrentVersion = 2;

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
        AddQueryColumns,
    ];

    /// <summary>Schema 1 to 2: the query columns, back-filled from the payloads of a chain that verifies, and their indexes.</summary>
    private static void AddQueryColumns(SqliteConnection connection, string path)
    {
        // Back-filling a tampered chain would give its forged rows index entries derived from forged payloads and
        // bury the damage under a migration: refuse, and change nothing.
        var verification = EvidenceChainVerifier.VerifyAsync(AsyncSequence.From(ReadChain(connection)), null, CancellationToken.None)
            .GetAwaiter().GetResult(); // Completes synchronously: the rows are read synchronously.
        if (!verification.IsValid)
        {
            throw new InvalidDataException(
                $"The evidence store '{path}' has schema version 1 and does not verify ({verification}), so it was not migrated to schema version {CurrentVersion}; nothing was changed. Run 'policyaudit verify --store {path}' for the details.");
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
    /// Checks that the open <paramref name="connection"/> holds a PolicyAudit store (or nothing yet), switches it to
    /// WAL and brings its schema to <see cref="CurrentVersion"/>.
    /// </summary>
    /// <returns>The schema version the file has now.</returns>
    public static long Prepare(SqliteConnection connection, string path)
    {
        try
        {
            var (applicationId, version, objects) = ReadHeader(connection);
            CheckIsStore(path, applicationId, version, objects);

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
            throw new InvalidDataException($"'{path}' is not a PolicyAudit evidence store: it is not a SQLite database ({ex.Message}).", ex);
        }
    }

    private static void Migrate(SqliteConnection connection, string path)
    {
        // IMMEDIATE takes the write lock first, so two processes opening a new file cannot both create the schema:
        // the second one waits, then sees the version the first one wrote.
        using var transaction = connection.BeginTransaction(deferred: false);
        var (applicationId, version, objects) = ReadHeader(connection);
        CheckIsStore(path, applicationId, version, objects);
        for (var step = version; step < CurrentVersion; step++)
        {
            Migrations[step](connection, path);
        }

        Execute(connection, $"PRAGMA application_id = {ApplicationId}; PRAGMA user_version = {CurrentVersion};");
        transaction.Commit();
    }

    private static void CheckIsStore(string path, long applicationId, long version, long objects)
    {
        if (applicationId != ApplicationId)
        {
            if (applicationId != 0 || objects > 0)
            {
                throw new InvalidDataException($"'{path}' is not a PolicyAudit evidence store: it is a SQLite database of another application.");
            }

            return;
        }

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
