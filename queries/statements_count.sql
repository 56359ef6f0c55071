-- statements_count: how many statements statements_filtered gives, without sending them.
-- params: $speakers (list of statements.speaker_label, or NULL/empty),
--         $organisations (list of statements.organisation, or NULL/empty),
--         $section (a sources.source_id such as 'sec-3.5' including its subsections, or NULL),
--         $theme (a themes.theme_id, or NULL)
-- columns: statements
SELECT count(*) AS statements FROM statements_matching($speakers, $organisations, $section, $theme);
