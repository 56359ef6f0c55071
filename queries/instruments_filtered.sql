-- instruments_filtered: instruments by level and kind, with a text search over name and description.
-- params: $levels (list of instruments.level, or NULL/empty for all), $kinds (list of instruments.kind, or NULL/empty),
--         $text (a search string, or NULL/'')
-- columns: instrument_id, name, name_variants, level, kind, parent_name, targets, process_id, process_label, status,
--          description, figures, source, source_label
SELECT * FROM instruments_matching($levels, $kinds, $text)
ORDER BY level, name;
