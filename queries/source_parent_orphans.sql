-- source_parent_orphans: sources whose parent_id names no source (a self-reference DuckDB cannot check on load).
-- params: none
-- columns: source_id, parent_id
SELECT s.source_id, s.parent_id
FROM sources AS s
LEFT JOIN sources AS p ON p.source_id = s.parent_id
WHERE s.parent_id IS NOT NULL AND p.source_id IS NULL
ORDER BY s.source_id;
