-- schema_constraints: primary keys, unique, foreign keys, checks and not-null rules of every table.
-- params: none
-- columns: table_name, constraint_type, columns, expression, referenced_table, referenced_columns
SELECT
    table_name,
    constraint_type,
    constraint_column_names AS columns,
    expression,
    referenced_table,
    referenced_column_names AS referenced_columns
FROM duckdb_constraints()
WHERE schema_name = 'main'
ORDER BY table_oid, constraint_index;
