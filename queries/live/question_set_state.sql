-- question_set_state: close or reopen a question that was asked in a session.
UPDATE live_questions SET state = :state, closed_ms = :closed_ms WHERE code = :code AND question_key = :question_key
