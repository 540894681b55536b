-- The schema a store of PolicyAudit's first release (schema version 1) has, as its migration created it:
-- copied from src/PolicyAudit.PostgreSql/PostgreSqlSchema.cs at commit 804c72a, with the version table it keeps.
CREATE SCHEMA IF NOT EXISTS policyaudit;
CREATE TABLE policyaudit.schema_version (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    version integer NOT NULL
);
INSERT INTO policyaudit.schema_version (version) VALUES (1);
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
    IF NEW.sequence <> COALESCE(head_sequence, 0) + 1 OR NEW.prev_hash <> COALESCE(head_hash, '0000000000000000000000000000000000000000000000000000000000000000') THEN
        RAISE EXCEPTION 'PolicyAudit evidence is a chain: record % must follow the newest one (%)', NEW.sequence, COALESCE(head_sequence, 0)
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER evidence_extends_chain BEFORE INSERT ON policyaudit.evidence
    FOR EACH ROW EXECUTE FUNCTION policyaudit.check_chain();
