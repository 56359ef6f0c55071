-- statements: who said what in sections 2 to 4, optionally in one section (or its subsections).
-- params: $section (a sources.source_id such as 'sec-3.5', or NULL for all)
-- columns: statement_id, participant_id, speaker_label, organisation, kind, theme_id, paraphrase, quote, position, source
SELECT statement_id, participant_id, speaker_label, organisation, kind, theme_id, paraphrase, quote, position, source
FROM statements
WHERE $section IS NULL OR source = $section OR starts_with(source, $section || '.')
ORDER BY position;
