-- export_answers: a session's answers as the presenter downloads them: no token, no digest, no answer id, a hidden
-- comment left out, the time of the last change only (the session layer rounds it to the minute).
SELECT question_key, choice, CASE WHEN comment_hidden = 1 THEN NULL ELSE comment END AS comment, changed_ms
FROM live_answers
WHERE code = :code
ORDER BY question_key, choice, changed_ms
