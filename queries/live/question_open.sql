-- question_open: open a question of a session the first time it is current (a closed one stays closed).
INSERT INTO live_questions (code, question_key, state, opened_ms, closed_ms)
VALUES (:code, :question_key, 'open', :now_ms, NULL)
ON CONFLICT (code, question_key) DO NOTHING
