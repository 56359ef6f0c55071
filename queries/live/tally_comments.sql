-- tally_comments: the visible comments on a question in a session, newest first, at most :most of them.
SELECT answer_id, choice, comment, comment_hidden FROM live_answers
WHERE code = :code AND question_key = :question_key AND comment IS NOT NULL AND comment_hidden = 0
ORDER BY changed_ms DESC, answer_id
LIMIT :most
