-- statements_page: the first rows of statements_filtered, as many as a view shows (issue 26: a rerun sends a page).
-- params: $speakers (list of statements.speaker_label, or NULL/empty),
--         $organisations (list of statements.organisation, or NULL/empty),
--         $section (a sources.source_id such as 'sec-3.5' including its subsections, or NULL),
--         $theme (a themes.theme_id, or NULL), $rows (an integer, 1 to 1000000: how many)
-- columns: statement_id, speaker_label, organisation, kind, theme_id, theme_label, paraphrase, quote, source, position,
--          source_label
SELECT * FROM statements_matching($speakers, $organisations, $section, $theme)
ORDER BY position
LIMIT $rows;
