-- survey_figure_results: every reported result for the items of one figure, with the item's letter and text.
-- params: $figure_id (a survey_figures.figure_id: '1a' .. '7')
-- columns: result_id, item_id, letter, text, measure, value_pct, value_count, qualifier, verdict, wording, source,
--          contradiction_id, source_label
SELECT r.result_id, r.item_id, i.letter, i.text, r.measure, r.value_pct, r.value_count, r.qualifier, r.verdict,
       r.wording, r.source, r.contradiction_id, coalesce(src.label, r.source) AS source_label
FROM survey_results AS r
JOIN survey_items AS i USING (item_id)
LEFT JOIN sources AS src ON src.source_id = r.source
WHERE i.figure_id = $figure_id
ORDER BY i.letter, r.result_id;
