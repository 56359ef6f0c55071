-- statements_filtered: who said what, filtered by speakers, organisations, part of the report and theme.
-- params: $speakers (list of statements.speaker_label, or NULL/empty),
--         $organisations (list of statements.organisation, or NULL/empty),
--         $section (a sources.source_id such as 'sec-3.5' including its subsections, or NULL),
--         $theme (a themes.theme_id, or NULL)
-- columns: statement_id, speaker_label, organisation, kind, theme_id, theme_label, paraphrase, quote, source, position,
--          source_label
SELECT * FROM statements_matching($speakers, $organisations, $section, $theme)
ORDER BY position;
