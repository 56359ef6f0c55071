-- instruments_page: the first rows of instruments_filtered, as many as a view shows (issue 26: a rerun sends a page).
-- params: $levels (list of instruments.level, or NULL/empty for all), $kinds (list of instruments.kind, or NULL/empty),
--         $text (a search string, or NULL/''), $rows (an integer, 1 to 1000000: how many)
-- columns: instrument_id, name, name_variants, level, kind, parent_name, targets, process_id, process_label, status,
--          description, figures, source, source_label
SELECT * FROM instruments_matching($levels, $kinds, $text)
ORDER BY level, name
LIMIT $rows;
