-- connect: every SQLite connection of the live store, statement by statement: wait for a lock instead of failing,
-- write-ahead log, a commit on disk before it returns, the tables' references checked.
PRAGMA busy_timeout = 5000;
PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
PRAGMA foreign_keys = ON
