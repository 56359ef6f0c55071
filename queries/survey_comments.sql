-- survey_comments: respondents' comments quoted in Annex 3, optionally for some questions, with their sources' labels.
-- params: $question_ids (list of survey_questions.question_id, or NULL/empty for all)
-- columns: comment_id, question_id, question_label, position, text, theme_id, source, source_label
SELECT c.comment_id, c.question_id, q.label AS question_label, c.position, c.text, c.theme_id, c.source,
       s.label AS source_label
FROM survey_comments AS c
JOIN survey_questions AS q USING (question_id)
JOIN sources AS s ON s.source_id = c.source
WHERE coalesce(len($question_ids), 0) = 0 OR list_contains($question_ids, c.question_id)
ORDER BY q.position, c.position;
