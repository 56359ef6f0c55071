-- survey_results: every result the report gives for survey items, optionally for one item, with the topic of the
-- report's contradiction a result is part of (in words, for the reader).
-- Results that say the same of the same item in the same words are one row (the first result's id), as in
-- survey_statement_results: the charts draw what the report says, not how often a data folder repeats it.
-- params: $item_id (a survey_items.item_id, or NULL for all)
-- columns: result_id, item_id, figure_id, measure, value_pct, value_count, qualifier, verdict, wording, source,
--          contradiction_id, source_label, contradiction_topic
SELECT
    min(r.result_id) AS result_id, r.item_id, i.figure_id, r.measure, r.value_pct, r.value_count, r.qualifier, r.verdict,
    r.wording, r.source, r.contradiction_id, coalesce(src.label, r.source) AS source_label,
    c.topic AS contradiction_topic
FROM survey_results AS r
JOIN survey_items AS i USING (item_id)
LEFT JOIN sources AS src ON src.source_id = r.source
LEFT JOIN contradictions AS c ON c.contradiction_id = r.contradiction_id
WHERE $item_id IS NULL OR r.item_id = $item_id
GROUP BY ALL
ORDER BY i.figure_id, any_value(i.letter), result_id;
