-- migration_lock: one process at a time applies the migrations (a lock held until its transaction ends).
SELECT pg_advisory_xact_lock(:lock_key)
