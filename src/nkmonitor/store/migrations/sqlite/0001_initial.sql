-- 0001 initial schema (SQLite): the whole schema of docs/architecture.md.
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    raw_hash TEXT NOT NULL,
    source TEXT NOT NULL,
    reader TEXT NOT NULL,
    reader_version TEXT NOT NULL,
    title TEXT,
    author TEXT,
    outlet TEXT,
    url TEXT,
    published TEXT,
    published_precision TEXT CHECK (published_precision IN ('day', 'month', 'year')),
    published_from TEXT NOT NULL DEFAULT 'none' CHECK (published_from IN ('sidecar', 'metadata', 'text', 'none')),
    language TEXT,
    text TEXT NOT NULL,
    metadata TEXT NOT NULL DEFAULT '{}',
    size_bytes INTEGER NOT NULL DEFAULT 0,
    is_sample INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),
    duplicate_of INTEGER REFERENCES documents(id),
    duplicate_kind TEXT CHECK (duplicate_kind IN ('near')),
    similarity REAL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_outlet ON documents(outlet);
CREATE INDEX documents_duplicate_of ON documents(duplicate_of);

CREATE TABLE document_sources (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    raw_hash TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    UNIQUE (source, raw_hash)
);
CREATE INDEX document_sources_document ON document_sources(document_id);

CREATE TABLE minhash_signatures (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    signature BLOB NOT NULL
);

-- External-content FTS5 index kept in sync by triggers (same transaction as the row).
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, coalesce(new.title, ''), new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.id, coalesce(old.title, ''), old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.id, coalesce(old.title, ''), old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, coalesce(new.title, ''), new.text);
END;

CREATE TABLE analyses (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    text_hash TEXT NOT NULL,
    component TEXT NOT NULL,
    component_version TEXT NOT NULL,
    pack_version TEXT,
    analyzed_at TEXT NOT NULL,
    language TEXT,
    issues TEXT NOT NULL DEFAULT '[]',
    stance TEXT
);
CREATE INDEX analyses_document ON analyses(document_id);

CREATE TABLE suggestions (
    id INTEGER PRIMARY KEY,
    analysis_id INTEGER REFERENCES analyses(id) ON DELETE SET NULL,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('fact', 'recommendation')),
    type TEXT NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}',
    fact_key TEXT,
    span_start INTEGER,
    span_end INTEGER,
    evidence_text TEXT,
    confidence REAL,
    status TEXT NOT NULL DEFAULT 'suggested' CHECK (status IN ('suggested', 'accepted', 'rejected', 'edited')),
    component TEXT,
    component_version TEXT,
    pack_version TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX suggestions_document ON suggestions(document_id);
CREATE INDEX suggestions_analysis ON suggestions(analysis_id);
CREATE INDEX suggestions_status ON suggestions(status, type);
CREATE INDEX suggestions_fact_key ON suggestions(fact_key);

CREATE TABLE review_log (
    id INTEGER PRIMARY KEY,
    suggestion_id INTEGER NOT NULL REFERENCES suggestions(id),
    actor TEXT NOT NULL,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    before TEXT,
    after TEXT,
    reason TEXT,
    undone_by INTEGER REFERENCES review_log(id)
);
CREATE INDEX review_log_suggestion ON review_log(suggestion_id);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
    created_at TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
);

CREATE TABLE login_attempts (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL,
    ip TEXT,
    at TEXT NOT NULL,
    ok INTEGER NOT NULL CHECK (ok IN (0, 1))
);
CREATE INDEX login_attempts_user_at ON login_attempts(username, at);
CREATE INDEX login_attempts_ip_at ON login_attempts(ip, at);
