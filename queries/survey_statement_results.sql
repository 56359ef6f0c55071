-- survey_statement_results: every item of Figures 1a-7 with every result the report gives for it (one row per
-- result; an item without any result appears once, with NULL result columns), optionally for some questions.
-- Results that say the same of the same item in the same words are one row (the first result's id): the rows grow
-- with what the report says, not with how often a data folder repeats it (issue 26: Altair draws at most 5,000).
-- params: $questions (list of survey_questions.question_id, or NULL/empty for all), $item (an item_id to mark, or NULL)
-- columns: item_id, figure_id, letter, text, question_id, theme_id, n_text, result_id, measure, value_pct,
--          value_count, qualifier, verdict, wording, source, contradiction_id, selected, source_label
SELECT
    i.item_id, i.figure_id, i.letter, i.text, f.question_id, i.theme_id, f.n_text,
    min(r.result_id) AS result_id, r.measure, r.value_pct, r.value_count, r.qualifier, r.verdict, r.wording, r.source,
    r.contradiction_id, coalesce(i.item_id = $item, false) AS selected, coalesce(src.label, r.source) AS source_label
FROM survey_items AS i
JOIN survey_figures AS f USING (figure_id)
LEFT JOIN survey_results AS r USING (item_id)
LEFT JOIN sources AS src ON src.source_id = r.source
WHERE coalesce(len($questions), 0) = 0 OR list_contains($questions, f.question_id)
GROUP BY ALL
ORDER BY i.figure_id, i.letter, r.source, result_id;
