-- console_setup: what each SQL console worker runs before its first query (evidence/console_worker.py), one
-- statement at a time. $path: the DuckDB file the server wrote the loaded tables to.

-- A copy in this worker's memory: no query can name the file (duckdb_databases() shows no path) or change it.
ATTACH $path AS source (READ_ONLY);
COPY FROM DATABASE source TO memory;
DETACH source;

-- Locked down before anyone types: once the configuration is locked, no statement can change these again.
-- Nothing of the server's file system is readable (its folders blanked; no spilling to disk either: the memory
-- limit, set when the worker connects, bounds a query instead), no network, no extension installed or loaded.
SET temp_directory = '';
SET secret_directory = '/';
SET home_directory = '/';
SET extension_directory = '/';
SET autoinstall_known_extensions = false;
SET autoload_known_extensions = false;
SET allow_community_extensions = false;
SET enable_external_access = false;
SET lock_configuration = true;
