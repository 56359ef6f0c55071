-- session_get: one live session as a phone follows it, with the state of its current question (NULL: none or unopened).
SELECT s.code, s.host_digest, s.created_ms, s.ended_ms, s.slide, s.question_key, s.version, q.state AS question_state
FROM live_sessions AS s
LEFT JOIN live_questions AS q ON q.code = s.code AND q.question_key = s.question_key
WHERE s.code = :code
