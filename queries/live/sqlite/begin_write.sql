-- begin_write: a write transaction that takes SQLite's write lock at once (so two writers wait, never deadlock).
BEGIN IMMEDIATE
