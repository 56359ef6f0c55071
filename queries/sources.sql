-- sources: every part of the report a row can cite, with the label the report gives it, in the report's order.
-- params: none
-- columns: source_id, kind, label, title, parent_id
SELECT source_id, kind, label, title, parent_id
FROM sources
ORDER BY rowid;
