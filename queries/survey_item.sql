-- survey_item: one survey item with its figure and question, for the item panel.
-- params: $item_id
-- columns: item_id, figure_id, letter, text, theme_id, figure_title, n_text, question_id, question_label,
--          question_text, scale, source
SELECT i.item_id, i.figure_id, i.letter, i.text, i.theme_id, f.title AS figure_title, f.n_text,
       q.question_id, q.label AS question_label, q.question_text, q.scale, i.source
FROM survey_items AS i
JOIN survey_figures AS f USING (figure_id)
JOIN survey_questions AS q USING (question_id)
WHERE i.item_id = $item_id;
