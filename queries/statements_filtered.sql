-- statements_filtered: who said what, filtered by speakers, organisations, part of the report and theme.
-- params: $speakers (list of statements.speaker_label, or NULL/empty),
--         $organisations (list of statements.organisation, or NULL/empty),
--         $section (a sources.source_id such as 'sec-3.5' including its subsections, or NULL),
--         $theme (a themes.theme_id, or NULL)
-- columns: statement_id, speaker_label, organisation, kind, theme_id, theme_label, paraphrase, quote, source, position,
--          source_label
SELECT s.statement_id, s.speaker_label, s.organisation, s.kind, s.theme_id, t.label AS theme_label, s.paraphrase,
       s.quote, s.source, s.position, src.label AS source_label
FROM statements AS s
JOIN themes AS t USING (theme_id)
JOIN sources AS src ON src.source_id = s.source
WHERE (coalesce(len($speakers), 0) = 0 OR list_contains($speakers, s.speaker_label))
  AND (coalesce(len($organisations), 0) = 0 OR list_contains($organisations, s.organisation))
  AND ($section IS NULL OR s.source = $section OR starts_with(s.source, $section || '.'))
  AND ($theme IS NULL OR s.theme_id = $theme)
ORDER BY s.position;
