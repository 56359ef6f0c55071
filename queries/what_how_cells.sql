-- what_how_cells: each cell of the WHAT/HOW matrix with its case activity (symbols), the cases the report names for
-- its type, the instruments that reach it (the whole column, or aimed at the cell) and the budgets of its column.
-- params: $type_id, $process_id (the selected cell, or NULL)
-- columns: type_id, type_label, type_order, process_id, process_label, column_index, symbols, intensity,
--          named_cases, column_instruments, cell_instruments, column_budget_eur, swot_items, implications, selected,
--          source
WITH links AS (
    SELECT m.type_id, m.process_id, l.entity_kind, l.entity_id,
           l.type_id IS NOT NULL AND l.process_id IS NOT NULL AS aimed
    FROM what_how AS m
    JOIN policy_links AS l
      ON (l.type_id IS NULL OR l.type_id = m.type_id) AND (l.process_id IS NULL OR l.process_id = m.process_id)
)
SELECT
    m.type_id, t.matrix_label AS type_label, t.sort_order AS type_order,
    m.process_id, p.label AS process_label, p.column_index, m.symbols, m.intensity,
    (SELECT count(DISTINCT a.case_id) FROM case_activities AS a
     WHERE a.type_id = m.type_id AND a.stance = 'does') AS named_cases,
    (SELECT count(*) FROM instruments AS i WHERE i.process_id = m.process_id AND i.status = 'existing')
        AS column_instruments,
    (SELECT count(DISTINCT k.entity_id) FROM links AS k JOIN instruments AS i ON i.instrument_id = k.entity_id
     WHERE k.type_id = m.type_id AND k.process_id = m.process_id AND k.entity_kind = 'instrument'
       AND k.aimed AND i.status = 'existing') AS cell_instruments,
    (SELECT sum(f.value) FROM instrument_figures AS f JOIN instruments AS i USING (instrument_id)
     WHERE f.measure = 'budget_eur' AND i.process_id = m.process_id AND i.status = 'existing') AS column_budget_eur,
    (SELECT count(*) FROM links AS k WHERE k.type_id = m.type_id AND k.process_id = m.process_id
       AND k.entity_kind = 'swot') AS swot_items,
    (SELECT count(*) FROM links AS k WHERE k.type_id = m.type_id AND k.process_id = m.process_id
       AND k.entity_kind = 'implication') AS implications,
    coalesce(m.type_id = $type_id AND m.process_id = $process_id, false) AS selected,
    m.source
FROM what_how AS m
JOIN internationalisation_types AS t USING (type_id)
JOIN business_processes AS p USING (process_id)
ORDER BY t.sort_order, p.column_index;
