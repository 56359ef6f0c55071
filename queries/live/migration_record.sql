-- migration_record: record a migration as applied (in the transaction that applied it).
INSERT INTO live_migrations (name, applied_ms) VALUES (:name, :now_ms)
