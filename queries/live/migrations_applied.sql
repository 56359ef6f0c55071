-- migrations_applied: the names of the migrations already applied.
SELECT name FROM live_migrations ORDER BY name
