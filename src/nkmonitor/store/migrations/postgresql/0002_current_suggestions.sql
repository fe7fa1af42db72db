-- 0002 current suggestions (PostgreSQL): a suggestion is current until a re-analysis of its
-- document supersedes it. `superseded_at` (NULL: current) replaces the per-row "latest analysis
-- of the document" subquery, so the review queue is read from a partial index. add_analysis
-- sets it on the document's older suggestions; this migration backfills existing rows.
ALTER TABLE suggestions ADD COLUMN superseded_at TEXT;

-- Backfill: every suggestion not of its document's latest analysis (or of no analysis any more)
-- is superseded, at the time of the first analysis after its own.
UPDATE suggestions SET superseded_at = coalesce(
        (SELECT min(a.analyzed_at) FROM analyses a
          WHERE a.document_id = suggestions.document_id AND a.id > coalesce(suggestions.analysis_id, 0)),
        suggestions.updated_at)
 WHERE suggestions.analysis_id IS NULL
    OR suggestions.analysis_id <> (SELECT max(a.id) FROM analyses a WHERE a.document_id = suggestions.document_id);

-- The review queue: current suggestions by status, in id order or by confidence.
CREATE INDEX suggestions_current_status ON suggestions(status, id) WHERE superseded_at IS NULL;
CREATE INDEX suggestions_current_confidence ON suggestions(status, confidence) WHERE superseded_at IS NULL;
-- Corroboration counts: current suggestions sharing a fact_key.
CREATE INDEX suggestions_current_fact_key ON suggestions(fact_key, document_id) WHERE superseded_at IS NULL;
