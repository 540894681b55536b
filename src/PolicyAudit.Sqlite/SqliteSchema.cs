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

    /// <summary>The oldest schema version a read-only open can read as it is (it cannot migrate).</summary>
    public const int OldestReadableVersion = 1;

    private const int SqliteNotADatabase = 26;
    private const int SqliteCorrupt = 11;

    /// <summary>Migrations[n] takes a file from version n to n + 1.</summary>
    private static readonly string[] Migrations =
    [
        $"""
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
        CREATE TRIGGER evidence_no_update BEFORE UPDATE ON evidence
        BEGIN
            SELECT RAISE(ABORT, 'PolicyAudit evidence is append-only: records cannot be updated');
        END;
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
        """,
        // INSERT OR REPLACE resolves a UNIQUE (kind, id) conflict by deleting the stored row, and SQLite fires no
        // delete trigger for that unless recursive_triggers is on in the writer's connection, which an attacker's
        // is not. A BEFORE INSERT trigger runs before conflict resolution, so it refuses the insert first.
        $"""
        CREATE TRIGGER {NoReplaceTrigger} BEFORE INSERT ON evidence
        WHEN EXISTS (SELECT 1 FROM evidence WHERE kind = NEW.kind AND id = NEW.id)
        BEGIN
            SELECT RAISE(ABORT, '{DuplicateMessage}');
        END;
        """,
    ];

    /// <summary>The trigger that refuses a record whose (kind, id) is stored, REPLACE or not.</summary>
    public const string NoReplaceTrigger = "evidence_no_replace";

    /// <summary>What <see cref="NoReplaceTrigger"/> says; the store maps it to <see cref="DuplicateEvidenceException"/>.</summary>
    public const string DuplicateMessage = "PolicyAudit evidence is append-only: a record with this kind and id is already stored";

    /// <summary>
    /// Checks, through a read-only connection, that an existing non-empty file is a PolicyAudit store this version
    /// can open, before anything opens it for writing: a read-write open of another application's database (or of an
    /// empty one that only has <c>user_version</c> set) could change its bytes, by switching its journal mode or
    /// checkpointing its write-ahead log on close.
    /// </summary>
    /// <param name="connection">An open read-only connection to the file.</param>
    /// <param name="path">The file, for messages.</param>
    /// <param name="forWriting">True when the caller will migrate (any older version will do); false for a read-only open.</param>
    public static void CheckExisting(SqliteConnection connection, string path, bool forWriting)
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
    public static void Prepare(SqliteConnection connection, string path)
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
            Execute(connection, Migrations[step]);
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
