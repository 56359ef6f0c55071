-- instruments_filtered: instruments by level and kind, with a text search over name and description.
-- params: $levels (list of instruments.level, or NULL/empty for all), $kinds (list of instruments.kind, or NULL/empty),
--         $text (a search string, or NULL/'')
-- columns: instrument_id, name, name_variants, level, kind, parent_name, targets, process_id, process_label, status,
--          description, figures, source, source_label
SELECT i.instrument_id, i.name, i.name_variants, i.level, i.kind, parent.name AS parent_name, i.targets,
       i.process_id, process.label AS process_label, i.status, i.description,
       (SELECT string_agg(f.wording, ' · ' ORDER BY f.figure_id) FROM instrument_figures AS f
        WHERE f.instrument_id = i.instrument_id) AS figures,
       i.source, src.label AS source_label
FROM instruments AS i
JOIN sources AS src ON src.source_id = i.source
LEFT JOIN instruments AS parent ON parent.instrument_id = i.parent_id
LEFT JOIN business_processes AS process ON process.process_id = i.process_id
WHERE (coalesce(len($levels), 0) = 0 OR list_contains($levels, i.level))
  AND (coalesce(len($kinds), 0) = 0 OR list_contains($kinds, i.kind))
  AND (coalesce($text, '') = ''
       OR contains(lower(i.name || ' ' || coalesce(i.name_variants, '') || ' ' || i.description), lower($text)))
ORDER BY i.level, i.name;
