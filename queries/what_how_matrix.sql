-- what_how_matrix: the WHAT/HOW figure of section 4.2 as read by the project, one row per cell.
-- params: none
-- columns: type_id, type_label, type_order, process_id, process_label, column_index, symbols, intensity, source
SELECT
    m.type_id, t.matrix_label AS type_label, t.sort_order AS type_order,
    m.process_id, p.label AS process_label, p.column_index, m.symbols, m.intensity, m.source
FROM what_how AS m
JOIN internationalisation_types AS t USING (type_id)
JOIN business_processes AS p USING (process_id)
ORDER BY t.sort_order, p.column_index;
