-- answer_upsert: a participant's answer to a question, or its change; no row when the session has ended or the
-- question is not open in it (checked in the statement itself, so that a question closed meanwhile refuses it).
INSERT INTO live_answers (code, question_key, participant_digest, answer_id, choice, comment, comment_hidden,
                          answered_ms, changed_ms)
SELECT :code, :question_key, :participant_digest, :answer_id, :choice, :comment, 0, :now_ms, :now_ms
FROM live_sessions AS s
JOIN live_questions AS q ON q.code = s.code AND q.question_key = :question_key
WHERE s.code = :code AND s.ended_ms IS NULL AND q.state = 'open'
ON CONFLICT (code, question_key, participant_digest)
DO UPDATE SET choice = excluded.choice, comment = excluded.comment, changed_ms = excluded.changed_ms
