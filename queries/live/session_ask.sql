-- session_ask: the presenter makes a question current without moving the slide (an Expert survey view's item).
UPDATE live_sessions SET question_key = :question_key, version = version + 1
WHERE code = :code AND ended_ms IS NULL
