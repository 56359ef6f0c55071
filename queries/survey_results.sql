-- survey_results: every result the report gives for survey items, optionally for one item, with the topic of the
-- report's contradiction a result is part of (in words, for the reader).
-- params: $item_id (a survey_items.item_id, or NULL for all)
-- columns: result_id, item_id, figure_id, measure, value_pct, value_count, qualifier, verdict, wording, source,
--          contradiction_id, source_label, contradiction_topic
SELECT
    r.result_id, r.item_id, i.figure_id, r.measure, r.value_pct, r.value_count, r.qualifier, r.verdict,
    r.wording, r.source, r.contradiction_id, coalesce(src.label, r.source) AS source_label,
    c.topic AS contradiction_topic
FROM survey_results AS r
JOIN survey_items AS i USING (item_id)
LEFT JOIN sources AS src ON src.source_id = r.source
LEFT JOIN contradictions AS c ON c.contradiction_id = r.contradiction_id
WHERE $item_id IS NULL OR r.item_id = $item_id
ORDER BY i.figure_id, i.letter, r.result_id;
