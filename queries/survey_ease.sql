-- survey_ease: how easy respondents found answering the questions.
-- params: none
-- columns: answer, position, respondents, source
SELECT answer, position, respondents, source FROM survey_ease ORDER BY position;
