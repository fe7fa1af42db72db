-- 0001 initial schema (PostgreSQL): the whole schema of docs/architecture.md.
-- Unqualified names: tables go into the first schema of the connection's search_path.
CREATE TABLE documents (
    id BIGSERIAL PRIMARY KEY,
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
    metadata JSONB NOT NULL DEFAULT '{}',
    size_bytes BIGINT NOT NULL DEFAULT 0,
    is_sample BOOLEAN NOT NULL DEFAULT FALSE,
    duplicate_of BIGINT REFERENCES documents(id),
    duplicate_kind TEXT CHECK (duplicate_kind IN ('near')),
    similarity REAL,
    ingested_at TEXT NOT NULL,
    -- Title weighs more than body; the body is capped at 1,000,000 characters because a
    -- tsvector is limited to 1 MB (longer documents are still stored whole).
    search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('english'::regconfig, left(text, 1000000)), 'B')
    ) STORED
);
CREATE INDEX documents_search ON documents USING GIN (search_vector);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_outlet ON documents(outlet);
CREATE INDEX documents_duplicate_of ON documents(duplicate_of);

CREATE TABLE document_sources (
    id BIGSERIAL PRIMARY KEY,
    document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    raw_hash TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    UNIQUE (source, raw_hash)
);
CREATE INDEX document_sources_document ON document_sources(document_id);

CREATE TABLE minhash_signatures (
    document_id BIGINT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    signature BYTEA NOT NULL
);

CREATE TABLE analyses (
    id BIGSERIAL PRIMARY KEY,
    document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    text_hash TEXT NOT NULL,
    component TEXT NOT NULL,
    component_version TEXT NOT NULL,
    pack_version TEXT,
    analyzed_at TEXT NOT NULL,
    language TEXT,
    issues JSONB NOT NULL DEFAULT '[]',
    stance TEXT
);
CREATE INDEX analyses_document ON analyses(document_id);

CREATE TABLE suggestions (
    id BIGSERIAL PRIMARY KEY,
    analysis_id BIGINT REFERENCES analyses(id) ON DELETE SET NULL,
    document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('fact', 'recommendation')),
    type TEXT NOT NULL,
    payload JSONB NOT NULL DEFAULT '{}',
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
    id BIGSERIAL PRIMARY KEY,
    suggestion_id BIGINT NOT NULL REFERENCES suggestions(id),
    actor TEXT NOT NULL,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    before JSONB,
    after JSONB,
    reason TEXT,
    undone_by BIGINT REFERENCES review_log(id)
);
CREATE INDEX review_log_suggestion ON review_log(suggestion_id);

CREATE TABLE users (
    id BIGSERIAL PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
    created_at TEXT NOT NULL,
    disabled BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE login_attempts (
    id BIGSERIAL PRIMARY KEY,
    username TEXT NOT NULL,
    ip TEXT,
    at TEXT NOT NULL,
    ok BOOLEAN NOT NULL
);
CREATE INDEX login_attempts_user_at ON login_attempts(username, at);
CREATE INDEX login_attempts_ip_at ON login_attempts(ip, at);
