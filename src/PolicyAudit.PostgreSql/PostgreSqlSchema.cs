using System.Runtime.CompilerServices;
using Npgsql;

namespace PolicyAudit;

/// <summary>
/// The evidence schema in PostgreSQL, its version and its migrations. Migrations run under a transaction-scoped
/// advisory lock, so several instances starting at once migrate exactly once; DDL is transactional, so a failed
/// migration leaves the previous version whole.
/// </summary>
internal static class PostgreSqlSchema
{
    public const int CurrentVersion = 2;

    /// <summary>The least-privilege role the migration creates when it may: INSERT and SELECT, nothing else.</summary>
    public const string WriterRole = "policyaudit_writer";

    /// <summary>"PAUDEVID": the advisory lock key that serialises appends to the chain.</summary>
    public const long ChainLock = 0x50415544_45564944;

    /// <summary>"PAUDMIGR": the advisory lock key that serialises migrations.</summary>
    private const long MigrationLock = 0x50415544_4D494752;

    private static readonly string CreateEvidence =
        $"""
        CREATE SCHEMA IF NOT EXISTS policyaudit;

        -- at: UTC ticks (100 ns), because timestamptz keeps only microseconds and the hashed payload keeps ticks.
        -- payload: text, not jsonb, because the chain hashes these exact characters and jsonb would re-format them.
        CREATE TABLE policyaudit.evidence (
            sequence  bigint PRIMARY KEY CHECK (sequence >= 1),
            kind      text NOT NULL,
            id        text NOT NULL,
            at        bigint NOT NULL,
            payload   text NOT NULL,
            prev_hash text NOT NULL,
            hash      text NOT NULL,
            CONSTRAINT evidence_kind_id UNIQUE (kind, id)
        );
        CREATE INDEX evidence_at ON policyaudit.evidence (at);
        REVOKE ALL ON policyaudit.evidence FROM PUBLIC;

        CREATE FUNCTION policyaudit.reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'PolicyAudit evidence is append-only: % is not allowed', TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END
        $$;
        CREATE TRIGGER evidence_no_update_or_delete BEFORE UPDATE OR DELETE ON policyaudit.evidence
            FOR EACH ROW EXECUTE FUNCTION policyaudit.reject_change();
        CREATE TRIGGER evidence_no_truncate BEFORE TRUNCATE ON policyaudit.evidence
            FOR EACH STATEMENT EXECUTE FUNCTION policyaudit.reject_change();

        -- Defence in depth: even a writer that skips the advisory lock cannot fork or gap the chain.
        CREATE FUNCTION policyaudit.check_chain() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            head_sequence bigint;
            head_hash text;
        BEGIN
            SELECT sequence, hash INTO head_sequence, head_hash FROM policyaudit.evidence ORDER BY sequence DESC LIMIT 1;
            IF NEW.sequence <> COALESCE(head_sequence, 0) + 1 OR NEW.prev_hash <> COALESCE(head_hash, '{new string('0', 64)}') THEN
                RAISE EXCEPTION 'PolicyAudit evidence is a chain: record % must follow the newest one (%)', NEW.sequence, COALESCE(head_sequence, 0)
                    USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            RETURN NEW;
        END
        $$;
        CREATE TRIGGER evidence_extends_chain BEFORE INSERT ON policyaudit.evidence
            FOR EACH ROW EXECUTE FUNCTION policyaudit.check_chain();
        """;

    /// <summary>Migrations[n] takes a database from version n to n + 1, inside the migration's transaction.</summary>
    private static readonly Func<NpgsqlConnection, string, CancellationToken, Task>[] Migrations =
    [
        (connection, _, cancellationToken) => ExecuteAsync(connection, CreateEvidence, cancellationToken),
        AddQueryColumnsAsync,
    ];

    /// <returns>The schema version the database has now.</returns>
    public static async Task<int> MigrateAsync(NpgsqlDataSource dataSource, string where, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var version = await ReadVersionAsync(connection, where, cancellationToken).ConfigureAwait(false);
        if (version == CurrentVersion)
        {
            // The common case, and the only one a least-privilege role may reach: nothing to change.
            return version;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({MigrationLock});", cancellationToken).ConfigureAwait(false);
        version = await ReadVersionAsync(connection, where, cancellationToken).ConfigureAwait(false);
        try
        {
            if (version == 0)
            {
                await ExecuteAsync(connection, """
                    CREATE SCHEMA IF NOT EXISTS policyaudit;
                    CREATE TABLE policyaudit.schema_version (
                        only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
                        version integer NOT NULL
                    );
                    INSERT INTO policyaudit.schema_version (version) VALUES (0);
                    """, cancellationToken).ConfigureAwait(false);
            }

            for (var step = version; step < CurrentVersion; step++)
            {
                await Migrations[step](connection, where, cancellationToken).ConfigureAwait(false);
            }

            await ExecuteAsync(connection, $"UPDATE policyaudit.schema_version SET version = {CurrentVersion};", cancellationToken).ConfigureAwait(false);
            await GrantWriterRoleAsync(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new InvalidOperationException(
                $"The evidence store at {where} needs its schema migrated from version {version} to {CurrentVersion}, but the role may not change it ({ex.MessageText}). Open it once with the database owner's role.", ex);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return CurrentVersion;
    }

    /// <summary>Schema 1 to 2: the query columns, back-filled from the payloads of a chain that verifies, and their indexes.</summary>
    private static async Task AddQueryColumnsAsync(NpgsqlConnection connection, string where, CancellationToken cancellationToken)
    {
        // No instance may append while the chain is verified and back-filled (appends take this lock first).
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({ChainLock});", cancellationToken).ConfigureAwait(false);

        // Back-filling a tampered chain would give its forged rows index entries derived from forged payloads and
        // bury the damage under a migration: refuse, and change nothing.
        var verification = await EvidenceChainVerifier.VerifyAsync(ReadChainAsync(connection, cancellationToken), null, static _ => false, cancellationToken).ConfigureAwait(false);
        if (!verification.IsValid)
        {
            throw new InvalidDataException(
                $"The evidence store at {where} has schema version 1 and does not verify ({verification}), so it was not migrated to schema version {CurrentVersion}; nothing was changed. Run 'policyaudit verify' on it for the details.");
        }

        await ExecuteAsync(connection, """
            ALTER TABLE policyaudit.evidence ADD COLUMN customer text, ADD COLUMN decision_id text;
            ALTER TABLE policyaudit.evidence DISABLE TRIGGER evidence_no_update_or_delete;
            """, cancellationToken).ConfigureAwait(false);
        await using (var select = new NpgsqlCommand("SELECT sequence, payload FROM policyaudit.evidence WHERE sequence > @after ORDER BY sequence LIMIT 10000", connection))
        await using (var update = new NpgsqlCommand(
            """
            UPDATE policyaudit.evidence e SET customer = u.customer, decision_id = u.decision_id
            FROM unnest(@sequences::bigint[], @customers::text[], @decisions::text[]) AS u(sequence, customer, decision_id)
            WHERE e.sequence = u.sequence
            """,
            connection))
        {
            var after = new NpgsqlParameter<long>("after", NpgsqlTypes.NpgsqlDbType.Bigint) { TypedValue = 0 };
            select.Parameters.Add(after);
            for (; ; )
            {
                var sequences = new List<long>();
                var customers = new List<string?>();
                var decisions = new List<string?>();
                await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        var sequence = reader.GetInt64(0);
                        var columns = EvidenceQueryColumns.Of(EvidenceCodec.DecodeStored(sequence, reader.GetString(1), "at " + where));
                        sequences.Add(sequence);
                        customers.Add(columns.Customer);
                        decisions.Add(columns.DecisionId);
                    }
                }

                if (sequences.Count == 0)
                {
                    break;
                }

                update.Parameters.Clear();
                update.Parameters.AddWithValue("sequences", sequences.ToArray());
                update.Parameters.AddWithValue("customers", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text, customers.ToArray());
                update.Parameters.AddWithValue("decisions", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text, decisions.ToArray());
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                after.TypedValue = sequences[^1];
            }
        }

        // The CHECK makes a writer of schema 1 still running against this database fail loudly instead of adding
        // rows that no query would find.
        await ExecuteAsync(connection, """
            ALTER TABLE policyaudit.evidence ENABLE TRIGGER evidence_no_update_or_delete;
            CREATE INDEX evidence_customer ON policyaudit.evidence (customer, at);
            CREATE INDEX evidence_decision ON policyaudit.evidence (decision_id);
            CREATE INDEX evidence_kind_at ON policyaudit.evidence (kind, at);
            ALTER TABLE policyaudit.evidence ADD CONSTRAINT evidence_has_query_columns
                CHECK (decision_id IS NOT NULL OR kind NOT IN ('decision', 'override', 'refused-override', 'outcome'));
            """, cancellationToken).ConfigureAwait(false);
    }

    private static async IAsyncEnumerable<RawEvidence> ReadChainAsync(NpgsqlConnection connection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {RawEvidence.ChainColumns} FROM policyaudit.evidence ORDER BY sequence", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return RawEvidence.Read(reader);
        }
    }

    /// <summary>Checks, changing nothing, that the database holds a store this version can read.</summary>
    /// <exception cref="InvalidDataException">There is no PolicyAudit store, or a newer one.</exception>
    /// <returns>The store's schema version.</returns>
    public static async Task<int> CheckReadableAsync(NpgsqlDataSource dataSource, string where, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var version = await ReadVersionAsync(connection, where, cancellationToken).ConfigureAwait(false);
        if (version == 0)
        {
            throw new InvalidDataException($"The database at {where} holds no PolicyAudit evidence store (no policyaudit schema); import evidence into it first.");
        }

        return version;
    }

    private static async Task<int> ReadVersionAsync(NpgsqlConnection connection, string where, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            // A plain catalog query, not to_regclass: name lookups go through a cache that an advisory lock does not
            // refresh, so after waiting for another instance's migration they could miss the tables it created.
            """
            SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                           WHERE n.nspname = 'policyaudit' AND c.relname = 'schema_version'),
                   EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                           WHERE n.nspname = 'policyaudit' AND c.relname = 'evidence');
            """,
            connection);
        bool hasVersion, hasEvidence;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            hasVersion = reader.GetBoolean(0);
            hasEvidence = reader.GetBoolean(1);
        }

        if (!hasVersion)
        {
            return hasEvidence
                ? throw new InvalidDataException($"The database at {where} has a table policyaudit.evidence that is not a PolicyAudit evidence store (no policyaudit.schema_version).")
                : 0;
        }

        command.CommandText = "SELECT version FROM policyaudit.schema_version;";
        var version = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        if (version > CurrentVersion)
        {
            throw new InvalidDataException(
                $"The evidence store at {where} has schema version {version}, written by a newer PolicyAudit; this version reads up to schema version {CurrentVersion}. Upgrade PolicyAudit to open it.");
        }

        return version;
    }

    private static async Task GrantWriterRoleAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user;", connection);
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
        {
            // The role may not create roles: the owner grants privileges by hand (see README).
            return;
        }

        // Roles belong to the whole cluster, so another database's migration may create it at the same moment.
        await ExecuteAsync(connection, $"""
            DO $$
            BEGIN
                CREATE ROLE {WriterRole} NOLOGIN;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END
            $$;
            GRANT USAGE ON SCHEMA policyaudit TO {WriterRole};
            GRANT SELECT, INSERT ON policyaudit.evidence TO {WriterRole};
            GRANT SELECT ON policyaudit.schema_version TO {WriterRole};
            """, cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
