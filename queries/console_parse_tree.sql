-- console_parse_tree: DuckDB's own parse tree of a console query, as JSON (evidence/console.py reads its query
-- nodes: a SELECT whose WITH holds a DELETE, INSERT or UPDATE is a write). $sql: the query's text.
SELECT json_serialize_sql($sql) AS tree
