-- question_state: whether a question of a session is open or closed (no row: never asked in it).
SELECT state FROM live_questions WHERE code = :code AND question_key = :question_key
