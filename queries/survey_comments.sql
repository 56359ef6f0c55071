-- survey_comments: respondents' comments quoted in Annex 3, optionally for one question.
-- params: $question_id (a survey_questions.question_id, or NULL for all)
-- columns: comment_id, question_id, question_label, position, text, theme_id, source
SELECT c.comment_id, c.question_id, q.label AS question_label, c.position, c.text, c.theme_id, c.source
FROM survey_comments AS c
JOIN survey_questions AS q USING (question_id)
WHERE $question_id IS NULL OR c.question_id = $question_id
ORDER BY q.position, c.position;
