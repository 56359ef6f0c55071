-- coding_notes: every column the project coded itself, with the rationale.
-- params: none
-- columns: table_name, column_name, rationale
SELECT table_name, column_name, rationale FROM coding_notes ORDER BY table_name, column_name;
