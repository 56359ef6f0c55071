-- 001_live_tables: the live mode's tables (issue 25), the same DDL for SQLite and PostgreSQL.
-- Portable types only: TEXT, INTEGER, BIGINT; times are integer milliseconds since the epoch; flags are 0/1.
-- Nothing about a person: no IP address, no user agent; tokens and the host secret only as SHA-256 digests.

-- A live session: its join code, the digest of the presenter's secret, the current slide and question.
CREATE TABLE IF NOT EXISTS live_sessions (
    code TEXT NOT NULL PRIMARY KEY,
    host_digest TEXT NOT NULL,
    created_ms BIGINT NOT NULL,
    ended_ms BIGINT,
    slide INTEGER NOT NULL DEFAULT 0,
    question_key TEXT,
    version INTEGER NOT NULL DEFAULT 0
);

-- A question of a session: opened the first time it is current, closed and reopened by the presenter.
CREATE TABLE IF NOT EXISTS live_questions (
    code TEXT NOT NULL REFERENCES live_sessions (code),
    question_key TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('open', 'closed')),
    opened_ms BIGINT NOT NULL,
    closed_ms BIGINT,
    PRIMARY KEY (code, question_key)
);

-- A phone that joined a session, by the digest of its token.
CREATE TABLE IF NOT EXISTS live_participants (
    code TEXT NOT NULL REFERENCES live_sessions (code),
    participant_digest TEXT NOT NULL,
    joined_ms BIGINT NOT NULL,
    PRIMARY KEY (code, participant_digest)
);

-- One answer a participant and question, changeable while the question is open; answer_id (random) names it to
-- the presenter (to hide its comment) without naming the participant.
CREATE TABLE IF NOT EXISTS live_answers (
    code TEXT NOT NULL,
    question_key TEXT NOT NULL,
    participant_digest TEXT NOT NULL,
    answer_id TEXT NOT NULL UNIQUE,
    choice TEXT NOT NULL,
    comment TEXT,
    comment_hidden INTEGER NOT NULL DEFAULT 0 CHECK (comment_hidden IN (0, 1)),
    answered_ms BIGINT NOT NULL,
    changed_ms BIGINT NOT NULL,
    PRIMARY KEY (code, question_key, participant_digest),
    FOREIGN KEY (code, question_key) REFERENCES live_questions (code, question_key)
);
