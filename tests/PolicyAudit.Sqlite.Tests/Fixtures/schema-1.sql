-- The schema a store of PolicyAudit's first release (schema version 1) has, as its migration created it:
-- copied from src/PolicyAudit.Sqlite/SqliteSchema.cs at commit 804c72a.
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
  OR NEW.prev_hash <> COALESCE((SELECT hash FROM evidence ORDER BY sequence DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000')
BEGIN
    SELECT RAISE(ABORT, 'PolicyAudit evidence is a chain: a record must follow the newest one');
END;
