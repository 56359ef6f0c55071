-- session_move: the presenter's current slide and question (a new version, which the phones follow).
UPDATE live_sessions SET slide = :slide, question_key = :question_key, version = version + 1
WHERE code = :code AND ended_ms IS NULL
