-- survey_items: every item of Figures 1a-7 with its figure, theme and N, optionally for one figure.
-- params: $figure_id (a survey_figures.figure_id: '1a' .. '7', or NULL for all)
-- columns: item_id, figure_id, letter, text, theme_id, theme_label, figure_title, n_text, n_min, n_max,
--          result_count, source
SELECT
    i.item_id, i.figure_id, i.letter, i.text, i.theme_id, th.label AS theme_label,
    f.title AS figure_title, f.n_text, f.n_min, f.n_max,
    count(r.result_id) AS result_count, i.source
FROM survey_items AS i
JOIN survey_figures AS f USING (figure_id)
JOIN themes AS th ON th.theme_id = i.theme_id
LEFT JOIN survey_results AS r USING (item_id)
WHERE $figure_id IS NULL OR i.figure_id = $figure_id
GROUP BY ALL
ORDER BY i.figure_id, i.letter;
