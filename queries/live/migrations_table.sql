-- migrations_table: the table that records which migrations of queries/live/migrations/ were applied, made if missing.
CREATE TABLE IF NOT EXISTS live_migrations (
    name TEXT NOT NULL PRIMARY KEY,
    applied_ms BIGINT NOT NULL
)
