-- survey_questions: the questions of the survey with how many items, results and comments each has.
-- params: none
-- columns: question_id, label, question_text, scale, position, items, results, comments, source
SELECT q.question_id, q.label, q.question_text, q.scale, q.position,
       (SELECT count(*) FROM survey_items AS i JOIN survey_figures AS f USING (figure_id)
        WHERE f.question_id = q.question_id) AS items,
       (SELECT count(*) FROM survey_results AS r JOIN survey_items AS i USING (item_id)
        JOIN survey_figures AS f USING (figure_id) WHERE f.question_id = q.question_id) AS results,
       (SELECT count(*) FROM survey_comments AS c WHERE c.question_id = q.question_id) AS comments,
       q.source
FROM survey_questions AS q
ORDER BY q.position;
